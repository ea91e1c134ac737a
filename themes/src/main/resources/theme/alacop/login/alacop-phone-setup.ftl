<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError("phoneNumber", "code"); section>
    <#if section = "header">
        <#if phoneSetup.codeStep>${msg("alacopPhoneCodeTitle")}<#else>${msg("alacopPhoneSetupTitle")}</#if>
    <#elseif section = "form">
        <form id="alacop-phone-form" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
        <#if phoneSetup.codeStep>
            <p id="alacop-phone-intro">${msg(phoneSetup.voice?then("alacopPhoneCodeIntroVoice", "alacopPhoneCodeIntroText"), phoneSetup.maskedNumber)}</p>
            <@alacop.textField name="code" label=msg("alacopPhoneCodeLabel") autocomplete="one-time-code" autofocus=true/>
            <@alacop.primaryButton id="alacop-phone-verify" name="action" value="verify" label="alacopPhoneVerify"/>
            <div class="alacop-secondary-actions">
                <@alacop.linkButton id="alacop-phone-resend-text" name="action" value="resend-text" label="alacopPhoneResendText"/>
                <@alacop.linkButton id="alacop-phone-resend-voice" name="action" value="resend-voice" label="alacopPhoneResendVoice"/>
                <@alacop.linkButton id="alacop-phone-change" name="action" value="change" label="alacopPhoneChangeNumber"/>
            </div>
        <#else>
            <p id="alacop-phone-intro">${msg("alacopPhoneSetupIntro")}</p>
            <@alacop.textField name="phoneNumber" label=msg("alacopPhoneNumberLabel") type="tel" autocomplete="tel"
                value=phoneSetup.typedNumber hint=msg("alacopPhoneNumberHint", phoneSetup.callingCodes) autofocus=true/>
            <@alacop.choiceGroup name="channel" legend=msg("alacopPhoneChannelLegend") selected=phoneSetup.channel
                options=[["text", "alacopPhoneChannelText"], ["voice", "alacopPhoneChannelVoice"]]
                hint=msg("alacopPhoneLandlineWarning")/>
            <@alacop.primaryButton id="alacop-phone-send" name="action" value="send" label="alacopPhoneSendCode"/>
        </#if>
        </form>
    </#if>
</@layout.registrationLayout>
