<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username') displayInfo=realm.resetPasswordAllowed; section>
    <#if section = "header">
        ${msg("alacopIdentifierTitle")}
    <#elseif section = "form">
        <form id="kc-form-login" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
            <@alacop.textField name="username" label=msg("alacopIdentifierLabel") value=(login.username!'')
                autocomplete="username" placeholder=msg("alacopIdentifierPlaceholder") autofocus=true/>
            <@alacop.primaryButton id="kc-login" name="login" label="alacopNext"/>
        </form>
    <#elseif section = "info">
        <a id="alacop-cant-access" href="${url.loginResetCredentialsUrl}">${msg("alacopCantAccess")}</a>
    </#if>
</@layout.registrationLayout>
