<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#-- Authenticator app setup (Keycloak's CONFIGURE_TOTP): QR code rendered by the server, the key as text, a code to confirm.
     The secret stays on the server (authentication-session note): no hidden totpSecret field is posted. -->
<@layout.registrationLayout pageTitle=msg("alacopTotpTitle") displayMessage=!messagesPerField.existsError("totp", "userLabel"); section>
    <#if section = "header">
        ${msg("alacopTotpTitle")}
    <#elseif section = "form">
        <ol class="alacop-steps" id="alacop-totp-steps">
            <li>
                <p>${msg("alacopTotpStepInstall")}</p>
                <p><a id="alacop-totp-download" href="${properties.alacopAuthenticatorDownloadUrl}" target="_blank" rel="noopener">${msg("alacopTotpDownloadNow")}</a></p>
            </li>
            <li>
                <p>${msg("alacopTotpStepScan")}</p>
                <img class="alacop-totp-qr" id="kc-totp-secret-qr-code" src="data:image/png;base64, ${totp.totpSecretQrCode}" alt="${msg('alacopTotpQrAlt')}" width="200" height="200">
                <p>${msg("alacopTotpManual")}</p>
                <#-- Keycloak gives the key in groups of four; a line may break between groups, never inside one. -->
                <p><code class="alacop-totp-key" id="kc-totp-secret-key"><#list totp.totpSecretEncoded?split(" ") as group><span class="alacop-totp-key__group">${group}</span><#sep> </#sep></#list></code></p>
                <p class="alacop-field__hint" id="alacop-totp-settings">${msg("alacopTotpSettings", totp.policy.digits, totp.policy.period)}</p>
            </li>
            <li><p>${msg("alacopTotpStepCode", totp.policy.digits)}</p></li>
        </ol>
        <form id="kc-totp-settings-form" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
            <@alacop.textField name="totp" label=msg("alacopTotpCodeLabel") autocomplete="one-time-code" autofocus=true/>
            <#if totp.otpCredentials?size gte 1>
                <@alacop.textField name="userLabel" label=msg("alacopTotpDeviceLabel")/>
            </#if>
            <#if mode??><input type="hidden" id="mode" name="mode" value="${mode}"></#if>
            <@alacop.submitOrCancel id="saveTOTPBtn" label="alacopNext"/>
        </form>
    </#if>
</@layout.registrationLayout>
