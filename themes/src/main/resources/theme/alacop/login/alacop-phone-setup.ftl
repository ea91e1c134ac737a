<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#assign title = msg(phoneSetup.codeStep?then("alacopPhoneCodeTitle", "alacopPhoneSetupTitle"))>
<#assign cancel = isAppInitiatedAction??>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError("phoneNumber", "code") pageTitle=title; section>
    <#if section = "header">
        ${title}
    <#elseif section = "form">
        <form id="alacop-phone-form" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
        <#if phoneSetup.codeStep>
            <@alacop.codeEntry idPrefix="alacop-phone" cancel=cancel
                intro=msg(phoneSetup.voice?then("alacopPhoneCodeIntroVoice", "alacopPhoneCodeIntroText"), phoneSetup.maskedNumber)>
                <@alacop.linkButton id="alacop-phone-resend-text" name="action" value="resend-text" label="alacopPhoneResendText"/>
                <@alacop.linkButton id="alacop-phone-resend-voice" name="action" value="resend-voice" label="alacopPhoneResendVoice"/>
                <@alacop.linkButton id="alacop-phone-change" name="action" value="change" label="alacopPhoneChangeNumber"/>
            </@alacop.codeEntry>
        <#else>
            <p id="alacop-phone-intro">${msg("alacopPhoneSetupIntro")}</p>
            <@alacop.textField name="phoneNumber" label=msg("alacopPhoneNumberLabel") type="tel" autocomplete="tel"
                value=phoneSetup.typedNumber hint=msg("alacopPhoneNumberHint", phoneSetup.callingCodes) autofocus=true/>
            <@alacop.choiceGroup name="channel" legend=msg("alacopPhoneChannelLegend") selected=phoneSetup.channel
                options=[["text", "alacopPhoneChannelText"], ["voice", "alacopPhoneChannelVoice"]]
                hint=msg("alacopPhoneLandlineWarning")/>
            <@alacop.submitOrCancel id="alacop-phone-send" name="action" value="send" label="alacopPhoneSendCode" cancel=cancel/>
        </#if>
        </form>
    </#if>
</@layout.registrationLayout>
