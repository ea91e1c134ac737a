<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError("question1", "question2", "question3", "question4", "question5", "answer1", "answer2", "answer3", "answer4", "answer5"); section>
    <#if section = "header">
        ${msg("alacopQuestionsTitle")}
    <#elseif section = "form">
        <form id="alacop-questions-form" class="alacop-form" action="${url.loginAction}" method="post" novalidate>
            <p id="alacop-questions-intro">${msg("alacopQuestionsIntro")}</p>
            <#assign options = []>
            <#list securityQuestions.questions as question>
                <#assign options = options + [[question.id, question.messageKey]]>
            </#list>
            <#list securityQuestions.rows as row>
                <fieldset class="alacop-question" id="alacop-question-${row.number}">
                    <legend class="alacop-sr-only">${msg("alacopQuestionsRow", row.number)}</legend>
                    <@alacop.selectField name="question${row.number}" label=msg("alacopQuestionsQuestionLabel", row.number)
                        options=options selected=row.selected placeholder=msg("alacopQuestionsPick")/>
                    <@alacop.textField name="answer${row.number}" label=msg("alacopQuestionsAnswerLabel")/>
                </fieldset>
            </#list>
            <@alacop.primaryButton id="alacop-questions-save" label="alacopQuestionsSave"/>
        </form>
    </#if>
</@layout.registrationLayout>
