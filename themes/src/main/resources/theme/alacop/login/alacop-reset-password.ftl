<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#-- The new password at the end of the reset (alacop-reset-password). -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password-new','password-confirm') pageTitle=msg("alacopUpdatePasswordTitle"); section>
    <#if section = "account">
        <@alacop.account upn=alacopReset.upn/>
    <#elseif section = "header">
        ${msg("alacopUpdatePasswordTitle")}
    <#elseif section = "form">
        <form id="alacop-reset-password-form" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
            <@alacop.textField name="password-new" label=msg("alacopNewPasswordLabel") type="password"
                autocomplete="new-password" hint=msg("alacopPasswordRulesHint") autofocus=true/>
            <@alacop.textField name="password-confirm" label=msg("alacopConfirmPasswordLabel") type="password"
                autocomplete="new-password"/>
            <@alacop.primaryButton id="alacop-reset-save" label="alacopUpdatePasswordSave"/>
        </form>
    </#if>
</@layout.registrationLayout>
