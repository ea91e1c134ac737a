<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<@layout.registrationLayout pageTitle=msg("alacopStaySignedInTitle"); section>
    <#if section = "account">
        <@alacop.account upn=staySignedInAccount/>
    <#elseif section = "header">
        ${msg("alacopStaySignedInTitle")}
    <#elseif section = "form">
        <form id="alacop-stay-signed-in-form" class="alacop-form" action="${url.loginAction}" method="post">
            <@alacop.text id="alacop-stay-signed-in-text">${msg("alacopStaySignedInText")}</@alacop.text>
            <@alacop.checkbox name=staySignedInDontShowAgain id="alacop-dont-show-again" label=msg("alacopStaySignedInDontShowAgain")/>
            <@alacop.actions>
                <@alacop.button id="alacop-stay-signed-in-no" kind="secondary" name=staySignedInChoice value="no" label="alacopStaySignedInNo"/>
                <@alacop.button id="alacop-stay-signed-in-yes" name=staySignedInChoice value="yes" label="alacopStaySignedInYes"/>
            </@alacop.actions>
        </form>
    </#if>
</@layout.registrationLayout>
