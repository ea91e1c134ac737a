<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#-- "Keep your account secure"; enrollment (EnrollmentBean) is prepared in Java. -->
<@layout.registrationLayout pageTitle=msg("alacopEnrollTitle"); section>
    <#if section = "header">
        ${msg("alacopEnrollTitle")}
    <#elseif section = "form">
        <form id="alacop-enrollment-form" class="alacop-form" action="${url.loginAction}" method="post">
            <@alacop.text id="alacop-enroll-progress">${msg("alacopEnrollProgress", enrollment.count?c, enrollment.required?c)}</@alacop.text>
            <#if enrollment.done?has_content>
                <@alacop.text id="alacop-enroll-done-heading">${msg("alacopEnrollDoneHeading")}</@alacop.text>
                <ul class="alacop-link-list" id="alacop-enroll-done">
                    <#list enrollment.done as key><li>${msg(key)}</li></#list>
                </ul>
            </#if>
            <#if enrollment.step = "done">
                <@alacop.text id="alacop-enroll-complete">${msg("alacopEnrollComplete")}</@alacop.text>
                <@alacop.primaryButton id="alacop-enroll-finish" name="action" value="done" label="alacopEnrollDone"/>
            <#else>
                <@alacop.text id="alacop-enroll-text">${msg("alacopEnrollText")}</@alacop.text>
                <#if enrollment.step = "choose">
                    <@alacop.selectField name="method" label=msg("alacopEnrollChooseLabel") options=enrollment.others/>
                    <@alacop.primaryButton id="alacop-enroll-confirm" name="action" value="setup" label="alacopEnrollConfirm"/>
                <#else>
                    <#if enrollment.proposed??>
                        <@alacop.text id="alacop-enroll-proposed">${msg((enrollment.count > 0)?then("alacopEnrollProposedNext", "alacopEnrollProposed"), msg(enrollment.proposedKey))}</@alacop.text>
                        <input type="hidden" name="method" value="${enrollment.proposed}">
                        <@alacop.primaryButton id="alacop-enroll-next" name="action" value="setup" label="alacopEnrollNext"/>
                    </#if>
                    <#if enrollment.others?has_content>
                        <@alacop.linkButton id="alacop-enroll-different" name="action" value="choose" label="alacopEnrollDifferent"/>
                    </#if>
                </#if>
                <#if enrollment.skippable>
                    <@alacop.linkButton id="alacop-enroll-skip" name="action" value="skip" label="alacopEnrollSkip"/>
                    <@alacop.text id="alacop-enroll-skip-note">${msg("alacopEnrollSkipNote", enrollment.snoozeHours?c)}</@alacop.text>
                <#elseif enrollment.replaceRetired>
                    <@alacop.text id="alacop-enroll-required">${msg("alacopEnrollReplaceRetired")}</@alacop.text>
                <#elseif enrollment.enforcedSince?has_content>
                    <@alacop.text id="alacop-enroll-required">${msg("alacopEnrollRequiredSince", enrollment.enforcedSince)}</@alacop.text>
                <#else>
                    <@alacop.text id="alacop-enroll-required">${msg("alacopEnrollRequired")}</@alacop.text>
                </#if>
            </#if>
        </form>
    </#if>
</@layout.registrationLayout>
