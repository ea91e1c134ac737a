<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#-- "Set up security questions"; securityQuestions (SecurityQuestionsBean) is prepared in Java. -->
<@layout.registrationLayout pageTitle=msg("alacopQuestionsTitle")
        displayMessage=!securityQuestions.fields?filter(field -> messagesPerField.existsError(field))?has_content; section>
    <#if section = "header">
        ${msg("alacopQuestionsTitle")}
    <#elseif section = "form">
        <form id="alacop-questions-form" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
            <@alacop.text id="alacop-questions-intro">${msg("alacopQuestionsIntro")}</@alacop.text>
            <#list securityQuestions.rows as row>
                <fieldset class="alacop-question" id="alacop-question-${row.number}">
                    <legend class="alacop-sr-only">${msg("alacopQuestionsRow", row.number)}</legend>
                    <@alacop.selectField name=row.questionField label=msg("alacopQuestionsQuestionLabel", row.number)
                        options=securityQuestions.options selected=row.selected placeholder=msg("alacopQuestionsPick")/>
                    <@alacop.textField name=row.answerField label=msg("alacopQuestionsAnswerLabel")/>
                </fieldset>
            </#list>
            <@alacop.submitOrCancel id="alacop-questions-save" label="alacopQuestionsSave"/>
        </form>
    </#if>
</@layout.registrationLayout>
