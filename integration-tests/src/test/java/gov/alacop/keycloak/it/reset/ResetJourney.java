package gov.alacop.keycloak.it.reset;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.IdentifierPage;
import gov.alacop.keycloak.it.reset.ResetPages.IdentifierStep;
import gov.alacop.keycloak.it.reset.ResetPages.PasswordStep;
import gov.alacop.keycloak.it.reset.ResetPages.ProofStep;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;

/**
 * The self-service reset as other packages' tests walk it (the cluster's failover test): the app code as the first
 * proof, the security questions as the second, a new password. The page objects stay in this package.
 */
public final class ResetJourney {

    public static final String DONE = ResetIT.DONE;

    private final Browser browser;
    private final ProofStep proof;

    private ResetJourney(Browser browser, ProofStep proof) {
        this.browser = browser;
        this.proof = proof;
    }

    /** An officer who can reset online: an authenticator app and the five questions, password set 2 days ago. */
    public static TestUser officer(RealmAdmin admin) {
        return ResetIT.officer(admin, Instant.now().minus(Duration.ofDays(2)), true);
    }

    /** "Can't access your account?", the identifier, then the app code: the questions are asked next. */
    public static ResetJourney throughFirstProof(Browser browser, TestApplication application, TestUser officer,
            String appCode) {
        IdentifierPage signIn = ApplicationPage.startSignIn(browser, application);
        signIn.cantAccessLink().click();
        ProofStep proof = new IdentifierStep(browser).next(officer.upn()).code(appCode);
        return new ResetJourney(browser, proof);
    }

    /** The questions the proof step asks now (none when it asks for a code). */
    public List<String> questionsAsked() {
        return proof.asksForCode() ? List.of() : proof.questions();
    }

    /** Answers the questions, sets {@code newPassword}; returns the sign-in page's message. */
    public String finish(String newPassword) {
        proof.submitAnswers(proof.questions().stream().map(ResetIT.ANSWERS::get).toList());
        new PasswordStep(browser).submit(newPassword, newPassword);
        return new IdentifierPage(browser).alert().orElse("");
    }
}
