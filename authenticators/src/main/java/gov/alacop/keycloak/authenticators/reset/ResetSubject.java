package gov.alacop.keycloak.authenticators.reset;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Whom a reset is about, as the identifier step found it: what the officer typed (in display form), the account if
 * it may be reset, or else the reason it may not (for events only: every page looks the same either way).
 *
 * @param display       the identifier as typed, read as a UPN (shown on the next pages)
 * @param userId        the account, or null when the reset cannot succeed
 * @param reason        why it cannot ({@code unknown_identifier}, {@code disabled}, ...), null for a candidate
 * @param eventUsername what events name as the username (a keyed hash for an unknown identifier)
 * @param accountId     the account the identifier names, also when it may not be reset (disabled, locked, ...):
 *                      for events only, so that administrators find every reset under the user
 */
record ResetSubject(String display, String userId, String reason, String eventUsername, String accountId) {

    static final String NOTE = "subject";

    static final String UNKNOWN_IDENTIFIER = "unknown_identifier";
    static final String DISABLED = "disabled";
    static final String LOCKED = "locked";
    static final String TEMPORARY_PASSWORD = "temporary_password";
    static final String NOT_ENOUGH_METHODS = "not_enough_methods";

    static ResetSubject candidate(String display, UserModel user) {
        return new ResetSubject(display, user.getId(), null, display, user.getId());
    }

    /** {@code account} is the account the identifier names, or null for an unknown identifier. */
    static ResetSubject refused(String display, String reason, String eventUsername, UserModel account) {
        return new ResetSubject(display, null, reason, eventUsername, account == null ? null : account.getId());
    }

    /** The account, when the reset may succeed for it and it still exists. */
    Optional<UserModel> user(KeycloakSession session, RealmModel realm) {
        return userId == null ? Optional.empty() : Optional.ofNullable(session.users().getUserById(realm, userId));
    }

    String write() {
        return String.join("&", encode(display), encode(userId), encode(reason), encode(eventUsername),
                encode(accountId));
    }

    static Optional<ResetSubject> read(String note) {
        if (note == null) {
            return Optional.empty();
        }
        String[] parts = note.split("&", -1);
        if (parts.length != 5 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        ResetSubject subject = new ResetSubject(decode(parts[0]), decode(parts[1]), decode(parts[2]), decode(parts[3]),
                decode(parts[4]));
        return subject.userId() == null && subject.reason() == null ? Optional.empty() : Optional.of(subject);
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return value.isEmpty() ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
