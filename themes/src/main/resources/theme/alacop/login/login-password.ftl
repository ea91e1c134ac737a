<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password') displayInfo=realm.resetPasswordAllowed; section>
    <#if section = "header">
        ${msg("alacopPasswordTitle")}
    <#elseif section = "form">
        <form id="kc-form-login" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
            <@alacop.textField name="password" label=msg("alacopPasswordLabel") type="password"
                autocomplete="current-password" autofocus=true/>
            <@alacop.primaryButton id="kc-login" name="login" label="alacopSignIn"/>
        </form>
    <#elseif section = "info">
        <a id="alacop-reset-password" href="${url.loginResetCredentialsUrl}">${msg("alacopResetPassword")}</a>
    </#if>
</@layout.registrationLayout>
