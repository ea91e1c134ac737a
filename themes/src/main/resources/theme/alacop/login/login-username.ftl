<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username') displayInfo=true; section>
    <#if section = "header">
        ${msg("alacopIdentifierTitle")}
    <#elseif section = "form">
        <form id="kc-form-login" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
            <@alacop.textField name="username" label=msg("alacopIdentifierLabel") value=(login.username!'')
                autocomplete="username" placeholder=msg("alacopIdentifierPlaceholder") autofocus=true/>
            <@alacop.primaryButton id="kc-login" name="login" label="alacopNext"/>
        </form>
    <#elseif section = "info">
        <#-- Keycloak's e-mail reset is off in the shipped realm (it signs the mailbox holder in without a second factor):
             the link then leads to the help center, where the help desk re-issues a temporary password. -->
        <#if realm.resetPasswordAllowed>
        <a id="alacop-cant-access" href="${url.loginResetCredentialsUrl}">${msg("alacopCantAccess")}</a>
        <#else>
        <a id="alacop-cant-access" href="${properties.alacopHelpCenterUrl}" target="_blank" rel="noopener">${msg("alacopCantAccess")}</a>
        </#if>
    </#if>
</@layout.registrationLayout>
