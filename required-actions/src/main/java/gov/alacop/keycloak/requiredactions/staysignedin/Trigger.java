package gov.alacop.keycloak.requiredactions.staysignedin;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Decides, at the end of a sign-in, whether to ask "Stay signed in?", apply a saved answer silently, or do nothing.
 * Pure logic: the facts come from the realm, the client, the authentication session and the user. The only fact
 * that may cost a lookup (is there already a user session for this browser?) is asked last and only when needed.
 */
final class Trigger {

    enum Outcome {
        /** Nothing to do: the session keeps whatever it already is. */
        SKIP,
        /** Show the page. */
        ASK,
        /** Apply a saved answer without asking. */
        APPLY_SAVED,
        /** A shared device: the session ends with the browser, whatever was saved or requested. */
        SESSION_ONLY
    }

    /**
     * @param realmRememberMe       the realm's "Remember me" switch
     * @param interactive           a browser sign-in that will create a session (not a direct grant, not an
     *                              e-mailed action that ends after the required actions)
     * @param kioskClient           the application is marked as a shared device
     * @param alreadyAnswered       this sign-in's answer is already settled
     * @param savedChoice           the answer saved on the user ("Don't show this again"), if any
     * @param provenBeyondPassword  this sign-in passed the second-factor step or completed the two-method setup
     * @param onlyAfterSecondFactor the realm's setting: a long session only after more than a password
     * @param existingSession       whether the browser already has a session (SSO or re-authentication); asked last
     */
    static Outcome decide(boolean realmRememberMe, boolean interactive, boolean kioskClient, boolean alreadyAnswered,
            Optional<Choice> savedChoice, boolean provenBeyondPassword, boolean onlyAfterSecondFactor,
            BooleanSupplier existingSession) {
        if (kioskClient) {
            return Outcome.SESSION_ONLY;
        }
        if (!realmRememberMe || !interactive || alreadyAnswered) {
            return Outcome.SKIP;
        }
        if (onlyAfterSecondFactor && !provenBeyondPassword) {
            // A password alone (setup skipped) never gets a remember-me session, asked or saved. A later trigger
            // evaluation of the same sign-in may still ask, once the two-method setup is done.
            return Outcome.SESSION_ONLY;
        }
        if (existingSession.getAsBoolean()) {
            return Outcome.SKIP;
        }
        return savedChoice.isPresent() ? Outcome.APPLY_SAVED : Outcome.ASK;
    }

    private Trigger() {
    }
}
