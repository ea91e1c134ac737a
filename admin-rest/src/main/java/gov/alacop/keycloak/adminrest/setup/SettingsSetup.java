package gov.alacop.keycloak.adminrest.setup;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.RealmRepresentation;

import gov.alacop.keycloak.common.setup.PasswordPolicyMerge;
import gov.alacop.keycloak.common.setup.Strictness;

/**
 * The realm-wide settings AlaCOP needs: password policy, brute-force protection, login and admin events with their
 * retention, the OTP policy, the login theme, "Forgot password" and remember-me. Where the realm is already stricter
 * its value stays and the plan says so.
 */
final class SettingsSetup {

    static final String PASSWORD_POLICY = "password policy";
    static final String LOGIN_THEME = "login theme";
    static final String RESET_ALLOWED = "forgot password (reset credentials allowed)";
    static final String REMEMBER_ME = "remember me (used by 'Stay signed in?')";

    /**
     * The event types the bundle's journeys record: added to a realm that records only chosen types (an empty list
     * records every type and stays so).
     */
    static final Set<String> EVENT_TYPES = Set.of("LOGIN", "LOGIN_ERROR", "LOGOUT", "LOGOUT_ERROR", "CODE_TO_TOKEN",
            "CODE_TO_TOKEN_ERROR", "UPDATE_PASSWORD", "UPDATE_PASSWORD_ERROR", "UPDATE_CREDENTIAL",
            "UPDATE_CREDENTIAL_ERROR", "REMOVE_CREDENTIAL", "REMOVE_CREDENTIAL_ERROR", "RESET_PASSWORD",
            "RESET_PASSWORD_ERROR", "CUSTOM_REQUIRED_ACTION", "CUSTOM_REQUIRED_ACTION_ERROR", "UPDATE_TOTP",
            "REMOVE_TOTP", "RESTART_AUTHENTICATION");

    static final String ADMIN_EVENTS_EXPIRATION = "adminEventsExpiration";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final RealmRepresentation wanted;
    private final ShippedRealm shipped;
    private final SetupPlan plan;

    SettingsSetup(KeycloakSession session, RealmModel realm, ShippedRealm shipped, SetupPlan plan) {
        this.session = session;
        this.realm = realm;
        this.shipped = shipped;
        this.wanted = shipped.realm();
        this.plan = plan;
    }

    void plan() {
        planPasswordPolicy();
        planBruteForce();
        planEvents();
        planOtp();
        planText(LOGIN_THEME, realm.getLoginTheme(), wanted.getLoginTheme(), realm::setLoginTheme);
        planFlag(RESET_ALLOWED, realm.isResetPasswordAllowed(), wanted.isResetPasswordAllowed(),
                realm::setResetPasswordAllowed);
        planFlag(REMEMBER_ME, realm.isRememberMe(), wanted.isRememberMe(), realm::setRememberMe);
        planNumber("remember-me session idle", realm.getSsoSessionIdleTimeoutRememberMe(),
                wanted.getSsoSessionIdleTimeoutRememberMe(), Strictness.SHORTER_UNLESS_UNSET,
                v -> realm.setSsoSessionIdleTimeoutRememberMe((int) v));
        planNumber("remember-me session max", realm.getSsoSessionMaxLifespanRememberMe(),
                wanted.getSsoSessionMaxLifespanRememberMe(), Strictness.SHORTER_UNLESS_UNSET,
                v -> realm.setSsoSessionMaxLifespanRememberMe((int) v));
    }

    private void planPasswordPolicy() {
        String before = PasswordPolicyMerge.normalize(realm.getPasswordPolicy() == null ? null
                : realm.getPasswordPolicy().toString());
        PasswordPolicyMerge.Result merged = PasswordPolicyMerge.merge(before, wanted.getPasswordPolicy());
        for (PasswordPolicyMerge.Kept kept : merged.kept()) {
            String what = PASSWORD_POLICY + ": " + kept.rule();
            if (kept.conflict()) {
                plan.conflict(what, kept.realmValue(), kept.alacopValue(), kept.reason());
            } else {
                plan.kept(what, kept.realmValue(), kept.alacopValue(), kept.reason());
            }
        }
        if (merged.changes(before)) {
            String after = merged.policy();
            plan.change(PASSWORD_POLICY, before, after,
                    () -> realm.setPasswordPolicy(PasswordPolicy.parse(session, after)));
        }
    }

    /**
     * Where the realm had no brute-force protection, its numbers were never in force: AlaCOP's all apply. Where it
     * had, each stricter value stays.
     */
    private void planBruteForce() {
        boolean protectedBefore = realm.isBruteForceProtected();
        planFlag("brute-force protection", protectedBefore, wanted.isBruteForceProtected(),
                realm::setBruteForceProtected);
        if (protectedBefore && realm.isPermanentLockout() && !Boolean.TRUE.equals(wanted.isPermanentLockout())) {
            plan.kept("brute force: permanent lockout", true, false, "the realm's value is stricter");
        } else {
            planFlag("brute force: permanent lockout", realm.isPermanentLockout(), wanted.isPermanentLockout(),
                    realm::setPermanentLockout);
        }
        Strictness higher = protectedBefore ? Strictness.HIGHER : Strictness.EXACT;
        Strictness lower = protectedBefore ? Strictness.LOWER : Strictness.EXACT;
        planNumber("brute force: failures before a lockout", realm.getFailureFactor(), wanted.getFailureFactor(),
                lower, v -> realm.setFailureFactor((int) v));
        planNumber("brute force: wait increment (s)", realm.getWaitIncrementSeconds(),
                wanted.getWaitIncrementSeconds(), higher, v -> realm.setWaitIncrementSeconds((int) v));
        planNumber("brute force: max wait (s)", realm.getMaxFailureWaitSeconds(), wanted.getMaxFailureWaitSeconds(),
                higher, v -> realm.setMaxFailureWaitSeconds((int) v));
        planNumber("brute force: failure reset time (s)", realm.getMaxDeltaTimeSeconds(),
                wanted.getMaxDeltaTimeSeconds(), higher, v -> realm.setMaxDeltaTimeSeconds((int) v));
        planNumber("brute force: quick-login check (ms)", realm.getQuickLoginCheckMilliSeconds(),
                wanted.getQuickLoginCheckMilliSeconds(), higher, realm::setQuickLoginCheckMilliSeconds);
        planNumber("brute force: minimum quick-login wait (s)", realm.getMinimumQuickLoginWaitSeconds(),
                wanted.getMinimumQuickLoginWaitSeconds(), higher,
                v -> realm.setMinimumQuickLoginWaitSeconds((int) v));
    }

    private void planEvents() {
        planFlag("login events", realm.isEventsEnabled(), wanted.isEventsEnabled(), realm::setEventsEnabled);
        planRetention("login events retention (s)", realm.isEventsEnabled(), realm.getEventsExpiration(),
                wanted.getEventsExpiration(), realm::setEventsExpiration);
        Set<String> listeners = realm.getEventsListenersStream().collect(Collectors.toCollection(TreeSet::new));
        if (!listeners.containsAll(wanted.getEventsListeners())) {
            Set<String> after = new TreeSet<>(listeners);
            after.addAll(wanted.getEventsListeners());
            plan.change("event listeners", String.join(", ", listeners), String.join(", ", after),
                    () -> realm.setEventsListeners(new LinkedHashSet<>(after)));
        }
        Set<String> types = realm.getEnabledEventTypesStream().collect(Collectors.toCollection(TreeSet::new));
        if (!types.isEmpty() && !types.containsAll(EVENT_TYPES)) {
            Set<String> after = new TreeSet<>(types);
            after.addAll(EVENT_TYPES);
            Set<String> added = new TreeSet<>(EVENT_TYPES);
            added.removeAll(types);
            plan.change("saved login event types", types.size() + " types", "adds " + String.join(", ", added),
                    () -> realm.setEnabledEventTypes(new LinkedHashSet<>(after)));
        }
        planFlag("admin events", realm.isAdminEventsEnabled(), wanted.isAdminEventsEnabled(),
                realm::setAdminEventsEnabled);
        planFlag("admin events: include representation", realm.isAdminEventsDetailsEnabled(),
                wanted.isAdminEventsDetailsEnabled(), realm::setAdminEventsDetailsEnabled);
        String current = realm.getAttribute(ADMIN_EVENTS_EXPIRATION);
        planRetention("admin events retention (s)", realm.isAdminEventsEnabled(),
                current == null || current.isBlank() ? 0 : Long.parseLong(current),
                Long.parseLong(shipped.adminEventsExpiration()),
                v -> realm.setAttribute(ADMIN_EVENTS_EXPIRATION, Long.toString(v)));
    }

    private void planOtp() {
        OTPPolicy current = realm.getOTPPolicy();
        OTPPolicy after = new OTPPolicy(current.getType(), current.getAlgorithm(), current.getInitialCounter(),
                current.getDigits(), current.getLookAheadWindow(), current.getPeriod(), current.isCodeReusable());
        after.setType(wanted.getOtpPolicyType());
        after.setAlgorithm(wanted.getOtpPolicyAlgorithm());
        after.setDigits(wanted.getOtpPolicyDigits());
        after.setPeriod(wanted.getOtpPolicyPeriod());
        if (Strictness.LOWER.realmStricter(current.getLookAheadWindow(), wanted.getOtpPolicyLookAheadWindow())) {
            plan.kept("OTP policy: look-ahead window", current.getLookAheadWindow(),
                    wanted.getOtpPolicyLookAheadWindow(), "the realm's value is stricter");
        } else {
            after.setLookAheadWindow(wanted.getOtpPolicyLookAheadWindow());
        }
        if (!current.isCodeReusable()) {
            after.setCodeReusable(false);
        } else {
            after.setCodeReusable(Boolean.TRUE.equals(wanted.isOtpPolicyCodeReusable()));
        }
        String before = describe(current);
        String afterText = describe(after);
        if (!before.equals(afterText)) {
            plan.change("OTP policy (authenticator apps set up from now on; existing apps keep working)", before,
                    afterText, () -> realm.setOTPPolicy(after));
        }
    }

    private static String describe(OTPPolicy policy) {
        return policy.getType() + " " + policy.getAlgorithm() + ", " + policy.getDigits() + " digits, "
                + policy.getPeriod() + " s, look-ahead " + policy.getLookAheadWindow()
                + (policy.isCodeReusable() ? ", codes reusable" : ", codes single-use");
    }

    private void planFlag(String what, boolean current, Boolean wantedValue, Consumer<Boolean> set) {
        boolean value = Boolean.TRUE.equals(wantedValue);
        if (current != value) {
            plan.change(what, onOff(current), onOff(value), () -> set.accept(value));
        }
    }

    private void planText(String what, String current, String value, Consumer<String> set) {
        if (!Objects.equals(current, value)) {
            plan.change(what, current, value, () -> set.accept(value));
        }
    }

    private void planNumber(String what, long current, Integer wantedValue, Strictness strictness, LongConsumer set) {
        planNumber(what, current, wantedValue.longValue(), strictness, set);
    }

    private void planNumber(String what, long current, long value, Strictness strictness, LongConsumer set) {
        if (strictness.realmStricter(current, value)) {
            plan.kept(what, current, value, "the realm's value is stricter");
        } else if (current != value) {
            plan.change(what, current, value, () -> set.accept(value));
        }
    }

    /**
     * A retention of 0 keeps events for ever: where the realm already records these events, that is its choice and
     * meets any retention AlaCOP asks for. Where it did not record them, the unset value means nothing: AlaCOP's.
     */
    private void planRetention(String what, boolean recording, long current, long value, LongConsumer set) {
        if (current <= 0 && recording) {
            plan.kept(what, "kept for ever", value, "the realm keeps them longer");
        } else {
            planNumber(what, current, value, Strictness.HIGHER, set);
        }
    }

    static String onOff(boolean value) {
        return value ? "on" : "off";
    }
}
