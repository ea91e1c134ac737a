<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError("code"); section>
    <#if section = "header">
        ${msg("alacopSecondFactorTitle")}
    <#elseif section = "form">
        <form id="alacop-second-factor-form" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
            <p id="alacop-second-factor-intro">
                <#if secondFactor.app>${msg("alacopSecondFactorIntroApp")}
                <#elseif secondFactor.voice>${msg("alacopSecondFactorIntroVoice", secondFactor.maskedNumber)}
                <#else>${msg("alacopSecondFactorIntroText", secondFactor.maskedNumber)}</#if>
            </p>
            <@alacop.textField name="code" label=msg("alacopSecondFactorCodeLabel") autocomplete="one-time-code" autofocus=true/>
            <@alacop.primaryButton id="alacop-second-factor-verify" name="action" value="verify" label="alacopSecondFactorVerify"/>
            <div class="alacop-secondary-actions">
                <#if !secondFactor.app>
                    <@alacop.linkButton id="alacop-second-factor-resend" name="action" value="resend" label="alacopSecondFactorResend"/>
                </#if>
                <#if secondFactor.otherWays?has_content && !secondFactor.showOtherWays>
                    <@alacop.linkButton id="alacop-second-factor-other-ways" name="action" value="other-ways" label="alacopSecondFactorOtherWays"/>
                </#if>
            </div>
            <#if secondFactor.showOtherWays>
                <fieldset class="alacop-choices" id="alacop-other-ways">
                    <legend class="alacop-field__label">${msg("alacopSecondFactorOtherWaysLegend")}</legend>
                    <#list secondFactor.otherWays as way>
                        <@alacop.linkButton id="alacop-way-${way.value}" name="action" value="way-${way.value}"
                            label=way.label arg=secondFactor.maskedNumber!""/>
                    </#list>
                </fieldset>
            </#if>
        </form>
    </#if>
</@layout.registrationLayout>
