<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#assign askCurrent = (alacopAskCurrentPassword!false)>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password','password-new','password-confirm'); section>
    <#if section = "header">
        ${msg("alacopUpdatePasswordTitle")}
    <#elseif section = "form">
        <#if askCurrent>
            <p class="alacop-lead" id="alacop-update-password-lead">${msg("alacopUpdatePasswordLead")}</p>
        </#if>
        <form id="kc-passwd-update-form" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
            <#if askCurrent>
                <@alacop.textField name="password" label=msg("alacopCurrentPasswordLabel") type="password"
                    autocomplete="current-password" autofocus=true/>
            </#if>
            <@alacop.textField name="password-new" label=msg("alacopNewPasswordLabel") type="password"
                autocomplete="new-password" hint=msg("alacopPasswordRulesHint") autofocus=!askCurrent/>
            <@alacop.textField name="password-confirm" label=msg("alacopConfirmPasswordLabel") type="password"
                autocomplete="new-password"/>
            <#if isAppInitiatedAction??>
                <div class="alacop-actions alacop-actions--split">
                    <button class="alacop-button alacop-button--secondary" id="kc-cancel" name="cancel-aia" value="true" type="submit">${msg("doCancel")}</button>
                    <button class="alacop-button alacop-button--primary" id="kc-submit" name="login" type="submit">${msg("alacopUpdatePasswordSave")}</button>
                </div>
            <#else>
                <@alacop.primaryButton id="kc-submit" name="login" label="alacopSignIn"/>
            </#if>
        </form>
    </#if>
</@layout.registrationLayout>
