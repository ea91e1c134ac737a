package gov.alacop.keycloak.authenticators.identifier;

import java.util.Locale;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What an officer typed on the identifier page, read as a user-principal name (UPN), a bare username or an
 * e-mail address. The display form is derived from the input alone, never from the account found, so the
 * password page looks the same for known and unknown identifiers.
 */
public record Identifier(Kind kind, String lookupValue, String display) {

    /** Keycloak limits usernames and e-mail addresses to 255 characters; anything longer matches nobody. */
    static final int MAX_LENGTH = 255;

    public enum Kind {
        /** Look the user up by username. */
        USERNAME,
        /** Look the user up by e-mail address (only where the realm allows e-mail login). */
        EMAIL
    }

    /**
     * Reads the typed identifier.
     *
     * @param input     what the user typed
     * @param upnDomain the UPN domain (e.g. {@code alacop.gov}); {@code user@<domain>} means username {@code user}
     * @return empty when the input is blank
     */
    public static Optional<Identifier> parse(String input, String upnDomain) {
        if (input == null) {
            return Optional.empty();
        }
        String typed = input.strip().toLowerCase(Locale.ROOT);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        String domain = upnDomain == null ? "" : upnDomain.strip().toLowerCase(Locale.ROOT);
        int at = typed.lastIndexOf('@');
        if (at < 0) {
            return Optional.of(new Identifier(Kind.USERNAME, typed, domain.isEmpty() ? typed : typed + "@" + domain));
        }
        String local = typed.substring(0, at);
        String host = typed.substring(at + 1);
        if (!domain.isEmpty() && host.equals(domain) && !local.isEmpty()) {
            return Optional.of(new Identifier(Kind.USERNAME, local, typed));
        }
        return Optional.of(new Identifier(Kind.EMAIL, typed, typed));
    }

    /** True when the value cannot belong to any account, so no lookup is needed. */
    public boolean unmatchable() {
        return lookupValue.length() > MAX_LENGTH;
    }

    /**
     * The account this identifier names, as the sign-in and the reset find it: by username (the UPN's local part),
     * else by e-mail where the realm allows it; null when none, or when two accounts share the address.
     */
    public UserModel findAccount(KeycloakSession session, RealmModel realm) {
        if (unmatchable()) {
            return null;
        }
        try {
            return switch (kind()) {
                case USERNAME -> {
                    UserModel byUsername = session.users().getUserByUsername(realm, lookupValue());
                    // The UPN may also be the account's e-mail address (accounts whose username differs).
                    yield byUsername != null || !realm.isLoginWithEmailAllowed()
                            ? byUsername
                            : session.users().getUserByEmail(realm, display());
                }
                case EMAIL -> realm.isLoginWithEmailAllowed()
                        ? session.users().getUserByEmail(realm, lookupValue())
                        : null;
            };
        } catch (ModelDuplicateException duplicate) {
            // Two accounts share the e-mail address: ambiguous, so treated like an unknown identifier.
            return null;
        }
    }
}
