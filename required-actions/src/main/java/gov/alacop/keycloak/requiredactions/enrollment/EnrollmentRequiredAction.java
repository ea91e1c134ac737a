package gov.alacop.keycloak.requiredactions.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import gov.alacop.keycloak.common.enrollment.Enrollment;
import gov.alacop.keycloak.common.enrollment.EnrollmentConfig;
import gov.alacop.keycloak.common.enrollment.EnrollmentMethod;
import gov.alacop.keycloak.common.enrollment.EnrollmentState;
import gov.alacop.keycloak.common.realm.AlaCopRealm;

/**
 * "Keep your account secure": runs at sign-in while the user has fewer than two methods. It proposes the app, offers
 * the other allowed methods, and hands each setup to that method's own required action by adding it to the
 * authentication session: the setup (lower priority number) runs next, and since the user still lacks a method the
 * trigger brings the wizard back afterwards with the progress. When two are done a confirmation lists them.
 */
final class EnrollmentRequiredAction implements RequiredActionProvider {

    static final String TEMPLATE = "alacop-enrollment.ftl";
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
    static final String ORI_ATTRIBUTE = AlaCopRealm.ORI_ATTRIBUTE;
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

    /** Cheap: the user's credentials (cached with the user) and two attributes; no page, no event. */
    /** A browser sign-in: the authorization endpoint set a flow path (a direct grant does not). */
    private static boolean isInteractive(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(org.keycloak.authentication.AuthenticationProcessor.CURRENT_FLOW_PATH) != null
                && authSession.getAuthNote(org.keycloak.services.managers.AuthenticationManager.END_AFTER_REQUIRED_ACTIONS) == null;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        EnrollmentState state = EnrollmentState.of(context.getUser());
        EnrollmentConfig config = EnrollmentConfig.of(context.getConfig());
        if (state.complete(config.allowed())) {
            if (authSession.getAuthNote(NOTE_STARTED) != null && authSession.getAuthNote(NOTE_CONFIRMED) == null) {
                authSession.addRequiredAction(id);
            }
            return;
        }
        // Only a method no longer allowed lets this user in: after proving themselves with it (the second-factor
        // step offers what the user has), they set up an allowed one now, snoozed or not, in a browser or not at all.
        boolean mustReplace = state.onlyRetiredSignIn(config.allowed());
        boolean enforced = mustReplace || enforced(context.getUser(), config);
        if (!enforced && (!isInteractive(authSession)
                || state.snoozed(config.snoozeHours(), System.currentTimeMillis()))) {
            // A sign-in without pages (direct grant, e-mailed action link) cannot show the wizard: only an
            // enforced agency makes it fail ("account not fully set up") until the officer enrolls in a browser.
            return;
        }
        authSession.addRequiredAction(id);
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context, false, context.form()));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst(FIELD_ACTION);
        if (ACTION_CHOOSE.equals(action)) {
            context.challenge(page(context, true, context.form()));
        } else if (ACTION_SKIP.equals(action)) {
            skip(context);
        } else if (ACTION_DONE.equals(action)) {
            done(context);
        } else {
            setup(context, form.getFirst(FIELD_METHOD));
        }
    }

    private void setup(RequiredActionContext context, String methodId) {
        EnrollmentConfig config = EnrollmentConfig.of(context.getConfig());
        EnrollmentState state = EnrollmentState.of(context.getUser());
        Optional<EnrollmentMethod> method = EnrollmentMethod.byId(methodId);
        if (method.isEmpty()
                || !EnrollmentMethod.remaining(state.counted(config.allowed()), config.allowed()).contains(method.get())) {
            event(context, "setup").error("method_not_allowed");
            context.challenge(page(context, true, context.form().setError("alacopEnrollMethodNotAllowed")));
            return;
        }
        // The setup runs next (its priority is lower than the wizard's); the trigger brings the wizard back after it.
        context.getAuthenticationSession().addRequiredAction(method.get().setupAction());
        context.success();
    }

    private void skip(RequiredActionContext context) {
        EnrollmentConfig config = EnrollmentConfig.of(context.getConfig());
        UserModel user = context.getUser();
        EnrollmentState state = EnrollmentState.of(user);
        if (state.complete(config.allowed())) {
            done(context);
            return;
        }
        if (!skippable(user, state, config)) {
            event(context, "skipped").error("skip_not_allowed");
            context.challenge(page(context, false, context.form().setError("alacopEnrollSkipNotAllowed")));
            return;
        }
        long now = System.currentTimeMillis();
        user.setSingleAttribute(EnrollmentState.SKIPPED_AT_ATTRIBUTE, Long.toString(now));
        user.setSingleAttribute(EnrollmentState.SKIPS_ATTRIBUTE, Integer.toString(state.skips() + 1));
        event(context, "skipped")
                .detail(DETAIL_METHODS, ids(state.done()))
                .detail(DETAIL_NEXT_PROMPT, Instant.ofEpochMilli(now + config.snoozeHours() * EnrollmentState.HOUR_MILLIS)
                        .toString())
                .success();
        context.getAuthenticationSession().setAuthNote(NOTE_CONFIRMED, "skipped");
        context.success();
    }

    private void done(RequiredActionContext context) {
        EnrollmentState state = EnrollmentState.of(context.getUser());
        EnrollmentConfig config = EnrollmentConfig.of(context.getConfig());
        if (!state.complete(config.allowed())) {
            context.challenge(page(context, false, context.form()));
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(NOTE_CONFIRMED, "true");
        event(context, "completed").detail(DETAIL_METHODS, ids(state.counted(config.allowed()))).success();
        context.getUser().removeAttribute(EnrollmentState.SKIPPED_AT_ATTRIBUTE);
        context.success();
    }

    private Response page(RequiredActionContext context, boolean choosing, LoginFormsProvider form) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        EnrollmentConfig config = EnrollmentConfig.of(context.getConfig());
        UserModel user = context.getUser();
        EnrollmentState state = EnrollmentState.of(user);
        if (authSession.getAuthNote(NOTE_STARTED) == null) {
            authSession.setAuthNote(NOTE_STARTED, "true");
            event(context, "started").detail(DETAIL_METHODS, ids(state.done())).success();
        } else {
            reportAdded(context, state.done());
        }
        authSession.setAuthNote(NOTE_SEEN, ids(state.done()));
        Set<EnrollmentMethod> counted = state.counted(config.allowed());
        List<String> doneKeys = counted.stream().map(EnrollmentMethod::messageKey).toList();
        if (state.complete(config.allowed())) {
            return form.setAttribute("enrollment", new EnrollmentPage("done", doneKeys, counted.size(),
                    EnrollmentMethod.REQUIRED, null, null, List.of(), false, "", config.snoozeHours(), false))
                    .createForm(TEMPLATE);
        }
        Set<EnrollmentMethod> remaining = EnrollmentMethod.remaining(counted, config.allowed());
        EnrollmentMethod proposed = remaining.isEmpty() ? null : remaining.iterator().next();
        List<List<String>> others = new ArrayList<>();
        for (EnrollmentMethod method : remaining) {
            if (choosing || method != proposed) {
                others.add(List.of(method.id(), method.messageKey()));
            }
        }
        Optional<LocalDate> since = config.rollout().enforcedSince(user.getFirstAttribute(ORI_ATTRIBUTE));
        boolean enforced = since.map(s -> !s.isAfter(today())).orElse(false);
        boolean skippable = skippable(user, state, config);
        String sinceText = enforced && !since.get().equals(LocalDate.MIN) ? since.get().toString() : "";
        return form.setAttribute("enrollment", new EnrollmentPage(choosing ? "choose" : "propose", doneKeys,
                        counted.size(), EnrollmentMethod.REQUIRED, proposed == null ? null : proposed.id(),
                        proposed == null ? null : proposed.messageKey(), others, skippable, sinceText, config.snoozeHours(),
                        state.onlyRetiredSignIn(config.allowed())))
                .createForm(TEMPLATE);
    }

    private void reportAdded(RequiredActionContext context, Set<EnrollmentMethod> done) {
        String seen = context.getAuthenticationSession().getAuthNote(NOTE_SEEN);
        Set<String> before = seen == null || seen.isEmpty() ? Set.of() : Set.of(seen.split(","));
        for (EnrollmentMethod method : done) {
            if (!before.contains(method.id())) {
                event(context, "method_added").detail(DETAIL_METHOD, method.id()).success();
            }
        }
    }

    private EventBuilder event(RequiredActionContext context, String step) {
        return context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(Details.CUSTOM_REQUIRED_ACTION, id)
                .detail(DETAIL_STEP, step);
    }

    /** Not enforced, skips left, and not a user whose only sign-in method is no longer allowed. */
    private static boolean skippable(UserModel user, EnrollmentState state, EnrollmentConfig config) {
        return !enforced(user, config) && config.skipsLeft(state.skips()) && !state.onlyRetiredSignIn(config.allowed());
    }

    static boolean enforced(UserModel user, EnrollmentConfig config) {
        return config.rollout().enforced(user.getFirstAttribute(ORI_ATTRIBUTE), today());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String ids(Set<EnrollmentMethod> methods) {
        return methods.stream().map(EnrollmentMethod::id).collect(Collectors.joining(","));
    }

    @Override
    public void close() {
    }
}
