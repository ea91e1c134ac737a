<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#-- "Can't access your account?": the first page of the self-service reset (alacop-reset-identifier). -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username') displayInfo=true pageTitle=msg("alacopResetTitle"); section>
    <#if section = "header">
        ${msg("alacopResetTitle")}
    <#elseif section = "form">
        <@alacop.text id="alacop-reset-intro">${msg("alacopResetIntro")}</@alacop.text>
        <form id="alacop-reset-identifier-form" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
            <@alacop.textField name="username" label=msg("alacopIdentifierLabel") value=(login.username)!''
                autocomplete="username" placeholder=msg("alacopIdentifierPlaceholder") autofocus=true/>
            <@alacop.primaryButton id="alacop-reset-next" label="alacopNext"/>
        </form>
    <#elseif section = "info">
        <a id="alacop-reset-back" href="${url.loginRestartFlowUrl}">${msg("alacopResetBackToSignIn")}</a>
    </#if>
</@layout.registrationLayout>
