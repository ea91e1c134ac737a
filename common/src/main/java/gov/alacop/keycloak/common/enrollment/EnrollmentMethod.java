package gov.alacop.keycloak.common.enrollment;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.keycloak.models.credential.OTPCredentialModel;

import gov.alacop.keycloak.common.phone.PhoneCredentialModel;
import gov.alacop.keycloak.common.phone.PhoneCredentialProvider;
import gov.alacop.keycloak.common.questions.SecurityQuestionsCredentialModel;
import gov.alacop.keycloak.common.questions.SecurityQuestionsCredentialProvider;

/** The security methods the wizard sets up, in the order it proposes them (the app first). */
public enum EnrollmentMethod {
    APP("app", OTPCredentialModel.TYPE, "CONFIGURE_TOTP", true, "alacopEnrollMethodApp"),
    PHONE("phone", PhoneCredentialModel.TYPE, PhoneCredentialProvider.SETUP_ACTION, true, "alacopEnrollMethodPhone"),
    QUESTIONS("questions", SecurityQuestionsCredentialModel.TYPE, SecurityQuestionsCredentialProvider.SETUP_ACTION,
            false, "alacopEnrollMethodQuestions");

    public static final int REQUIRED = 2;

    private final String id;
    private final String credentialType;
    private final String setupAction;
    private final boolean signIn;
    private final String messageKey;

    EnrollmentMethod(String id, String credentialType, String setupAction, boolean signIn, String messageKey) {
        this.id = id;
        this.credentialType = credentialType;
        this.setupAction = setupAction;
        this.signIn = signIn;
        this.messageKey = messageKey;
    }

    public String credentialType() {
        return credentialType;
    }

    public String id() {
        return id;
    }

    public String setupAction() {
        return setupAction;
    }

    public boolean signIn() {
        return signIn;
    }

    public String messageKey() {
        return messageKey;
    }

    public static Optional<EnrollmentMethod> byId(String id) {
        for (EnrollmentMethod method : values()) {
            if (method.id.equals(id)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    public static Optional<EnrollmentMethod> byCredentialType(String type) {
        for (EnrollmentMethod method : values()) {
            if (method.credentialType.equals(type)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    /** Two methods, at least one of them used to sign in (app or phone): questions alone never complete it. */
    public static boolean complete(Set<EnrollmentMethod> done) {
        return done.size() >= REQUIRED && done.stream().anyMatch(EnrollmentMethod::signIn);
    }

    /**
     * The one rule for every self-service removal path (account REST API, account console, {@code delete_credential}):
     * may an enforced user remove one credential of {@code removed}? Only if the methods that still count afterwards
     * (the allowed ones) are two, one of them a sign-in method. {@code lastOfType} is false when the user has another
     * credential of the same type (a second authenticator app): the method then stays.
     */
    public static boolean removalKeepsTwo(Set<EnrollmentMethod> had, EnrollmentMethod removed, boolean lastOfType,
            Set<EnrollmentMethod> allowed) {
        Set<EnrollmentMethod> after = EnumSet.noneOf(EnrollmentMethod.class);
        after.addAll(had);
        if (lastOfType) {
            after.remove(removed);
        }
        after.retainAll(allowed);
        return complete(after);
    }

    /**
     * What the user may still set up: allowed and not done; when the one missing method must be a sign-in method,
     * questions are not offered.
     */
    public static Set<EnrollmentMethod> remaining(Set<EnrollmentMethod> done, Set<EnrollmentMethod> allowed) {
        Set<EnrollmentMethod> result = EnumSet.noneOf(EnrollmentMethod.class);
        boolean needsSignIn = done.size() >= REQUIRED - 1 && done.stream().noneMatch(EnrollmentMethod::signIn);
        for (EnrollmentMethod method : allowed) {
            if (!done.contains(method) && (method.signIn || !needsSignIn)) {
                result.add(method);
            }
        }
        return result;
    }
}
