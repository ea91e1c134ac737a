package gov.alacop.keycloak.requiredactions.enrollment;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

import gov.alacop.keycloak.common.enrollment.Enrollment;
import gov.alacop.keycloak.common.enrollment.EnrollmentMethod;
import gov.alacop.keycloak.common.enrollment.EnrollmentState;

/**
 * "Keep your account secure": runs at sign-in while the user has fewer than two methods. It proposes the app, offers
 * the other allowed methods, and hands each setup to that method's own required action by adding it to the
 * authentication session: the setup (lower priority number) runs next, and since the user still lacks a method the
 * trigger brings the wizard back afterwards with the progress. When two are done a confirmation lists them.
 */
final class EnrollmentRequiredAction implements RequiredActionProvider {

    static final String TEMPLATE = "alacop-enrollment.ftl";
    /** Template attribute: the {@link EnrollmentBean}. */
    static final String ATTRIBUTE = "enrollment";
    static final String FIELD_ACTION = "action";
    static final String FIELD_METHOD = "method";
    static final String ACTION_SETUP = "setup";
    static final String ACTION_CHOOSE = "choose";
    static final String ACTION_SKIP = "skip";
    static final String ACTION_DONE = "done";
    /** Auth note: the wizard was shown in this sign-in (so the confirmation follows the last setup). */
    static final String NOTE_STARTED = "alacop.enrollment.started";
    /** Auth note: the methods the wizard last saw, to report each one added. */
    static final String NOTE_SEEN = "alacop.enrollment.seen";
    static final String NOTE_CONFIRMED = Enrollment.CONFIRMED_NOTE;
    static final String DETAIL_STEP = "enrollment";
    static final String DETAIL_METHOD = "method";
    static final String DETAIL_METHODS = "methods";
    static final String DETAIL_NEXT_PROMPT = "next_prompt";

    private final String id;

    EnrollmentRequiredAction(String id) {
        this.id = id;
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.NOT_SUPPORTED;
    }

    /** A browser sign-in: the authorization endpoint set a flow path (a direct grant does not). */
    private static boolean isInteractive(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(AuthenticationProcessor.CURRENT_FLOW_PATH) != null
                && authSession.getAuthNote(AuthenticationManager.END_AFTER_REQUIRED_ACTIONS) == null;
    }

    /** Cheap: the user's credentials (cached with the user) and two attributes; no page, no event. */
    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        EnrollmentRequest request = EnrollmentRequest.of(context);
        if (request.complete()) {
            if (authSession.getAuthNote(NOTE_STARTED) != null && authSession.getAuthNote(NOTE_CONFIRMED) == null) {
                authSession.addRequiredAction(id);
            }
            return;
        }
        // Only a method no longer allowed lets this user in: after proving themselves with it (the second-factor
        // step offers what the user has), they set up an allowed one now, snoozed or not, in a browser or not at all.
        boolean enforced = request.mustReplace() || request.enforced();
        if (!enforced && (!isInteractive(authSession)
                || request.state().snoozed(request.config().snoozeHours(), System.currentTimeMillis()))) {
            // A sign-in without pages (direct grant, e-mailed action link) cannot show the wizard: only an
            // enforced agency makes it fail ("account not fully set up") until the officer enrolls in a browser.
            return;
        }
        authSession.addRequiredAction(id);
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        EnrollmentRequest request = EnrollmentRequest.of(context);
        recordProgress(context, request);
        context.challenge(page(context.form(), EnrollmentBean.of(request, false)));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        EnrollmentRequest request = EnrollmentRequest.of(context);
        String action = form.getFirst(FIELD_ACTION);
        if (ACTION_CHOOSE.equals(action)) {
            recordProgress(context, request);
            context.challenge(page(context.form(), EnrollmentBean.of(request, true)));
        } else if (ACTION_SKIP.equals(action)) {
            skip(context, request);
        } else if (ACTION_DONE.equals(action)) {
            done(context, request);
        } else {
            setup(context, request, form.getFirst(FIELD_METHOD));
        }
    }

    private void setup(RequiredActionContext context, EnrollmentRequest request, String methodId) {
        Optional<EnrollmentMethod> method = EnrollmentMethod.byId(methodId);
        if (method.isEmpty() || !request.remaining().contains(method.get())) {
            event(context, "setup").error("method_not_allowed");
            recordProgress(context, request);
            context.challenge(page(context.form().setError("alacopEnrollMethodNotAllowed"),
                    EnrollmentBean.of(request, true)));
            return;
        }
        // The setup runs next (its priority is lower than the wizard's); the trigger brings the wizard back after it.
        context.getAuthenticationSession().addRequiredAction(method.get().setupAction());
        context.success();
    }

    private void skip(RequiredActionContext context, EnrollmentRequest request) {
        if (request.complete()) {
            done(context, request);
            return;
        }
        if (!request.skippable()) {
            event(context, "skipped").error("skip_not_allowed");
            recordProgress(context, request);
            context.challenge(page(context.form().setError("alacopEnrollSkipNotAllowed"),
                    EnrollmentBean.of(request, false)));
            return;
        }
        UserModel user = context.getUser();
        EnrollmentState state = request.state();
        long now = System.currentTimeMillis();
        user.setSingleAttribute(EnrollmentState.SKIPPED_AT_ATTRIBUTE, Long.toString(now));
        user.setSingleAttribute(EnrollmentState.SKIPS_ATTRIBUTE, Integer.toString(state.skips() + 1));
        event(context, "skipped")
                .detail(DETAIL_METHODS, ids(state.done()))
                .detail(DETAIL_NEXT_PROMPT, Instant.ofEpochMilli(
                        now + request.config().snoozeHours() * EnrollmentState.HOUR_MILLIS).toString())
                .success();
        context.getAuthenticationSession().setAuthNote(NOTE_CONFIRMED, "skipped");
        context.success();
    }

    private void done(RequiredActionContext context, EnrollmentRequest request) {
        if (!request.complete()) {
            recordProgress(context, request);
            context.challenge(page(context.form(), EnrollmentBean.of(request, false)));
            return;
        }
        context.getAuthenticationSession().setAuthNote(NOTE_CONFIRMED, "true");
        event(context, "completed").detail(DETAIL_METHODS, ids(request.counted())).success();
        context.getUser().removeAttribute(EnrollmentState.SKIPPED_AT_ATTRIBUTE);
        context.success();
    }

    private static Response page(LoginFormsProvider form, EnrollmentBean enrollment) {
        return form.setAttribute(ATTRIBUTE, enrollment).createForm(TEMPLATE);
    }

    /**
     * Before the wizard shows: the first time in this sign-in it reports "started"; afterwards each method added
     * since it last showed (by a setup it handed over). The notes remember what it saw.
     */
    private void recordProgress(RequiredActionContext context, EnrollmentRequest request) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Set<EnrollmentMethod> done = request.state().done();
        if (authSession.getAuthNote(NOTE_STARTED) == null) {
            authSession.setAuthNote(NOTE_STARTED, "true");
            event(context, "started").detail(DETAIL_METHODS, ids(done)).success();
        } else {
            String seen = authSession.getAuthNote(NOTE_SEEN);
            Set<String> before = seen == null || seen.isEmpty() ? Set.of() : Set.of(seen.split(","));
            for (EnrollmentMethod method : done) {
                if (!before.contains(method.id())) {
                    event(context, "method_added").detail(DETAIL_METHOD, method.id()).success();
                }
            }
        }
        authSession.setAuthNote(NOTE_SEEN, ids(done));
    }

    private EventBuilder event(RequiredActionContext context, String step) {
        return context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(Details.CUSTOM_REQUIRED_ACTION, id)
                .detail(DETAIL_STEP, step);
    }

    private static String ids(Set<EnrollmentMethod> methods) {
        return methods.stream().map(EnrollmentMethod::id).collect(Collectors.joining(","));
    }

    @Override
    public void close() {
    }
}
