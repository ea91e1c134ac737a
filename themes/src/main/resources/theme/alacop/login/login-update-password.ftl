<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#-- "Update your password" (AlaCopUpdatePassword): alacopAccount and alacopAskCurrentPassword are prepared in Java. -->
<#assign askCurrent = (alacopAskCurrentPassword!false)>
<@layout.registrationLayout pageTitle=msg("alacopUpdatePasswordTitle")
        displayMessage=!messagesPerField.existsError('password','password-new','password-confirm'); section>
    <#if section = "account">
        <#if alacopAccount??><@alacop.account upn=alacopAccount/></#if>
    <#elseif section = "header">
        ${msg("alacopUpdatePasswordTitle")}
    <#elseif section = "form">
        <#if askCurrent>
            <p class="alacop-lead" id="alacop-update-password-lead">${msg("alacopUpdatePasswordLead")}</p>
        </#if>
        <form id="kc-passwd-update-form" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
            <#if askCurrent>
                <@alacop.passwordField name="password" label=msg("alacopCurrentPasswordLabel")
                    autocomplete="current-password" autofocus=true/>
            </#if>
            <@alacop.passwordField name="password-new" label=msg("alacopNewPasswordLabel")
                autocomplete="new-password" hint=msg("alacopPasswordRulesHint") autofocus=!askCurrent/>
            <@alacop.passwordField name="password-confirm" label=msg("alacopConfirmPasswordLabel")
                autocomplete="new-password"/>
            <#if isAppInitiatedAction??>
                <@alacop.submitOrCancel id="kc-submit" name="login" label="alacopUpdatePasswordSave"/>
            <#else>
                <@alacop.primaryButton id="kc-submit" name="login" label="alacopSignIn"/>
            </#if>
        </form>
    </#if>
</@layout.registrationLayout>
