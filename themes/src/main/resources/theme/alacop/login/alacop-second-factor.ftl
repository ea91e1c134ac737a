<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#assign title = msg("alacopSecondFactorTitle")>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError("code") pageTitle=title; section>
    <#if section = "header">
        ${title}
    <#elseif section = "form">
        <form id="alacop-second-factor-form" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
            <#if secondFactor.app>
                <#assign intro = msg("alacopSecondFactorIntroApp")>
            <#else>
                <#assign intro = msg(secondFactor.voice?then("alacopSecondFactorIntroVoice", "alacopSecondFactorIntroText"), secondFactor.maskedNumber)>
            </#if>
            <@alacop.codeEntry idPrefix="alacop-second-factor" intro=intro>
                <#if !secondFactor.app>
                    <@alacop.linkButton id="alacop-second-factor-resend" name="action" value="resend" label="alacopSecondFactorResend"/>
                </#if>
                <#if secondFactor.otherWays?has_content && !secondFactor.showOtherWays>
                    <@alacop.linkButton id="alacop-second-factor-other-ways" name="action" value="other-ways" label="alacopSecondFactorOtherWays"/>
                </#if>
            </@alacop.codeEntry>
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
