<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#-- A proof of the reset: an app, text or voice code, or security questions; alacopReset is prepared in Java (ResetPage). -->
<#macro resetLinks>
    <#if alacopReset.otherWays?has_content && !alacopReset.showOtherWays>
        <@alacop.linkButton id="alacop-reset-other-ways" name="action" value="other-ways" label="alacopResetOtherWays"/>
    </#if>
    <@alacop.linkButton id="alacop-reset-no-method" name="action" value="help-desk" label="alacopResetNoMethod"/>
</#macro>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code', 'answer1', 'answer2', 'answer3', 'answer4', 'answer5') pageTitle=msg("alacopSecondFactorTitle"); section>
    <#if section = "account">
        <@alacop.account upn=alacopReset.upn/>
    <#elseif section = "header">
        ${msg("alacopSecondFactorTitle")}
    <#elseif section = "form">
        <form id="alacop-reset-proof-form" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
            <#if alacopReset.phone>
                <#assign intro = msg(alacopReset.voice?then("alacopResetIntroVoice", "alacopResetIntroText"), alacopReset.maskedNumber)>
            <#elseif alacopReset.app>
                <#assign intro = msg("alacopSecondFactorIntroApp")>
            </#if>
            <#if alacopReset.questions?has_content>
                <@alacop.text id="alacop-reset-proof-intro">${msg("alacopResetProofIntroQuestions")}</@alacop.text>
                <#list alacopReset.questions as question>
                    <@alacop.textField name=question.field label=msg(question.messageKey) autofocus=(question?index == 0)/>
                </#list>
                <@alacop.primaryButton id="alacop-reset-proof-verify" name="action" value="verify" label="alacopCodeVerify"/>
                <div class="alacop-secondary-actions">
                    <@resetLinks/>
                </div>
            <#else>
                <@alacop.codeEntry idPrefix="alacop-reset-proof" intro=intro>
                    <#if alacopReset.phone>
                        <@alacop.linkButton id="alacop-reset-resend" name="action" value="resend" label="alacopSecondFactorResend"/>
                    </#if>
                    <@resetLinks/>
                </@alacop.codeEntry>
            </#if>
            <#if alacopReset.showOtherWays>
                <fieldset class="alacop-choices" id="alacop-reset-ways">
                    <legend class="alacop-field__label">${msg("alacopResetOtherWaysLegend")}</legend>
                    <#list alacopReset.otherWays as way>
                        <@alacop.linkButton id="alacop-reset-way-${way.value}" name="action" value="way-${way.value}"
                            label=way.label arg=alacopReset.maskedNumber!""/>
                    </#list>
                </fieldset>
            </#if>
        </form>
    </#if>
</@layout.registrationLayout>
