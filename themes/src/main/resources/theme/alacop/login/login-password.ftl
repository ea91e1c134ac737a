<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<@layout.registrationLayout pageTitle=msg("alacopPasswordTitle") displayMessage=!messagesPerField.existsError('password') displayInfo=true; section>
    <#if section = "header">
        ${msg("alacopPasswordTitle")}
    <#elseif section = "form">
        <form id="kc-form-login" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
            <@alacop.passwordField name="password" label=msg("alacopPasswordLabel") autocomplete="current-password"
                autofocus=true/>
            <@alacop.primaryButton id="kc-login" name="login" label="alacopSignIn"/>
        </form>
    <#elseif section = "info">
        <#-- Keycloak's e-mail reset is off in the shipped realm (it signs the mailbox holder in without a second factor):
             the link then leads to the help center, where the help desk re-issues a temporary password. -->
        <#if realm.resetPasswordAllowed>
        <a id="alacop-reset-password" href="${url.loginResetCredentialsUrl}">${msg("alacopResetPassword")}</a>
        <#else>
        <a id="alacop-reset-password" href="${properties.alacopHelpCenterUrl}" target="_blank" rel="noopener">${msg("alacopResetPassword")}</a>
        </#if>
    </#if>
</@layout.registrationLayout>
