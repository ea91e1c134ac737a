package gov.alacop.keycloak.requiredactions.questions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

import gov.alacop.keycloak.common.events.LoginEventDetails;
import gov.alacop.keycloak.common.questions.AnswerHasher;
import gov.alacop.keycloak.common.questions.QuestionChoices;
import gov.alacop.keycloak.common.questions.SecurityQuestionsCredentialModel;

/**
 * "Set up security questions": five different questions from the configured list, each with an answer. Answers
 * are normalized and stored only as hashes made by the realm's password hash provider; they are never logged,
 * put in events or shown again (after an error the answer fields are empty).
 */
final class SecurityQuestionsRequiredAction implements RequiredActionProvider {

    static final String TEMPLATE = "alacop-security-questions.ftl";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // Added by enrollment, an administrator or the account console.
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(SecurityQuestionsConfig.of(context.getConfig()),
                Collections.nCopies(QuestionChoices.COUNT, null), context.form()));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        SecurityQuestionsConfig config = SecurityQuestionsConfig.of(context.getConfig());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        List<String> questions = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int i = 1; i <= QuestionChoices.COUNT; i++) {
            questions.add(form.getFirst(QuestionChoices.QUESTION_FIELD + i));
            answers.add(form.getFirst(QuestionChoices.ANSWER_FIELD + i));
        }
        QuestionChoices.Result result = QuestionChoices.check(questions, answers, new HashSet<>(config.questionIds()));
        if (!result.valid()) {
            LoginFormsProvider page = context.form();
            for (Map.Entry<String, String> problem : result.problems().entrySet()) {
                page.addError(new FormMessage(problem.getKey(), problem.getValue()));
            }
            List<String> keep = result.questionIds().stream()
                    .map(id -> id != null && config.questionIds().contains(id) ? id : null).toList();
            context.challenge(page(config, keep, page));
            return;
        }
        AnswerHasher hasher = new AnswerHasher(context.getSession(), context.getRealm());
        List<SecurityQuestionsCredentialModel.HashedAnswer> hashed = result.normalizedAnswers().stream()
                .map(hasher::hash).toList();
        context.getUser().credentialManager().createCredentialThroughProvider(
                SecurityQuestionsCredentialModel.create(result.questionIds(), hashed, System.currentTimeMillis()));
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, SecurityQuestionsCredentialModel.TYPE)
                .success();
        LoginEventDetails.applyTo(context.getEvent(), context.getAuthenticationSession());
        context.success();
    }

    private static Response page(SecurityQuestionsConfig config, List<String> selected, LoginFormsProvider form) {
        return form.setAttribute("securityQuestions", new SecurityQuestionsBean(config.questionIds(), selected))
                .createForm(TEMPLATE);
    }

    @Override
    public void close() {
    }
}
