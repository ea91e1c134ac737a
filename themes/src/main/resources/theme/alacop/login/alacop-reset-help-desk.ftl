<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#-- The end of a reset that cannot be done online; the same page whatever the reason (no enumeration). -->
<@layout.registrationLayout displayMessage=false pageTitle=msg("alacopResetHelpDeskTitle"); section>
    <#if section = "account">
        <@alacop.account upn=alacopReset.upn/>
    <#elseif section = "header">
        ${msg("alacopResetHelpDeskTitle")}
    <#elseif section = "form">
        <@alacop.text id="alacop-reset-help-desk">${msg("alacopResetHelpDeskText", alacopReset.helpDesk)}</@alacop.text>
        <@alacop.linkList id="alacop-reset-help-desk-links">
            <@alacop.linkItem id="alacop-reset-back" href=url.loginRestartFlowUrl label=msg("alacopResetBackToSignIn")/>
        </@alacop.linkList>
    </#if>
</@layout.registrationLayout>
