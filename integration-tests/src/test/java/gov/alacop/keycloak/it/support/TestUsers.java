package gov.alacop.keycloak.it.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The one way tests create accounts. {@code TestUsers.officer("Clark", "Kent").create(admin)} is an officer of
 * agency {@link #DEFAULT_ORI} with a fresh, unique username, a permanent password that satisfies the realm's policy
 * and a "Skip setup" of the enrollment wizard a moment ago, so journeys that are not about enrollment go on without
 * it; the {@code with…} methods change one of these. A password set at a chosen moment ({@link #withPasswordSetAt})
 * or a stored credential is imported with the admin API's partial import, the one admin route that stores a hashed
 * credential as given.
 */
public final class TestUsers {

    public static final String DEFAULT_ORI = "AL0010000";

    private TestUsers() {
    }

    public static Builder officer(String firstName, String lastName) {
        return new Builder(firstName, lastName);
    }

    /** A fresh username: the prefix and eight hex digits. */
    public static String freshUsername(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** A fresh password that satisfies the realm's policy. */
    public static String freshPassword() {
        return "Patrol#" + UUID.randomUUID().toString().substring(0, 8) + "Aa1!";
    }

    /** The authenticator app of {@link Builder#withTotp()} (key {@link RealmAdmin#APP_SECRET}), with a label. */
    public static CredentialRepresentation app(String label) {
        CredentialRepresentation otp = new CredentialRepresentation();
        otp.setType("otp");
        otp.setUserLabel(label);
        otp.setCredentialData("{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,"
                + "\"algorithm\":\"HmacSHA1\",\"secretEncoding\":\"BASE32\"}");
        otp.setSecretData("{\"value\":\"" + RealmAdmin.APP_SECRET + "\"}");
        otp.setCreatedDate(System.currentTimeMillis());
        return otp;
    }

    /** A verified phone as the phone setup stores it. */
    public static CredentialRepresentation phone(String e164, String channel) {
        String lastFour = e164.substring(e164.length() - 4);
        CredentialRepresentation phone = new CredentialRepresentation();
        phone.setType("alacop-phone");
        phone.setUserLabel("•••" + lastFour);
        phone.setCredentialData("{\"lastDigits\":\"" + lastFour + "\",\"channel\":\"" + channel + "\"}");
        phone.setSecretData("{\"number\":\"" + e164 + "\"}");
        phone.setCreatedDate(System.currentTimeMillis());
        return phone;
    }

    public static final class Builder {
        private final String firstName;
        private final String lastName;
        private String username = freshUsername("it");
        private String email;
        private boolean emailVerified = true;
        private String ori = DEFAULT_ORI;
        private Long enrollmentSkippedAt = System.currentTimeMillis();
        private String password = freshPassword();
        private Instant passwordSetAt;
        private Map<String, List<String>> passwordParameters = Map.of();
        private String passwordLabel;
        private CredentialRepresentation storedPassword;
        private final List<CredentialRepresentation> methods = new ArrayList<>();
        private final List<String> requiredActions = new ArrayList<>();
        private boolean enabled = true;

        private Builder(String firstName, String lastName) {
            this.firstName = firstName;
            this.lastName = lastName;
        }

        public Builder withUsername(String username) {
            this.username = username;
            return this;
        }

        /** A fresh username with this prefix instead of "it". */
        public Builder withUsernamePrefix(String prefix) {
            this.username = freshUsername(prefix);
            return this;
        }

        /** Default: the username at example.org. */
        public Builder withEmail(String email) {
            this.email = email;
            return this;
        }

        public Builder withEmailVerified(boolean verified) {
            this.emailVerified = verified;
            return this;
        }

        /** The agency ({@code ori} attribute); {@code null} for an officer without one. */
        public Builder withOri(String ori) {
            this.ori = ori;
            return this;
        }

        /** An officer who never chose "Skip setup": the enrollment wizard asks at the next sign-in. */
        public Builder toEnroll() {
            this.enrollmentSkippedAt = null;
            return this;
        }

        /** An officer who chose "Skip setup" at this moment (epoch millis). */
        public Builder withEnrollmentSkippedAt(long epochMillis) {
            this.enrollmentSkippedAt = epochMillis;
            return this;
        }

        public Builder withPassword(String password) {
            this.password = password;
            return this;
        }

        /** No password at all (e.g. an account the help desk gives a temporary password). */
        public Builder withoutPassword() {
            this.password = null;
            return this;
        }

        /** The password was set at this moment (hashed here and imported). */
        public Builder withPasswordSetAt(Instant passwordSet) {
            this.passwordSetAt = passwordSet;
            return this;
        }

        /** The stored password's additional parameters (e.g. the expiry of an issued temporary password). */
        public Builder withPasswordParameters(Map<String, List<String>> parameters) {
            this.passwordParameters = parameters;
            return this;
        }

        /** The stored password's user label (e.g. the mark of an issued temporary password). */
        public Builder withPasswordLabel(String label) {
            this.passwordLabel = label;
            return this;
        }

        /** The current password as a stored (hashed) credential, imported as given; the account has no known password. */
        public Builder withStoredPassword(CredentialRepresentation stored) {
            this.storedPassword = stored;
            this.password = null;
            return this;
        }

        /** An authenticator app with key {@link RealmAdmin#APP_SECRET}: the sign-in asks for {@link Totp#code}. */
        public Builder withTotp() {
            return withCredential(app("Authenticator"));
        }

        /** A verified phone (E.164) with its channel ("text" or "voice"). */
        public Builder withPhone(String e164, String channel) {
            return withCredential(phone(e164, channel));
        }

        /** The security questions (ids {@code q01}... to answers), stored hashed: see {@link StoredPasswords#securityQuestions}. */
        public Builder withSecurityQuestions(Map<String, String> answers) {
            return withCredential(StoredPasswords.securityQuestions(answers));
        }

        /** A disabled account. */
        public Builder disabled() {
            this.enabled = false;
            return this;
        }

        /** Any other security method, in the order given. */
        public Builder withCredential(CredentialRepresentation method) {
            methods.add(method);
            return this;
        }

        public Builder withRequiredActions(String... actions) {
            requiredActions.addAll(List.of(actions));
            return this;
        }

        public Builder withRequiredActions(List<String> actions) {
            requiredActions.addAll(actions);
            return this;
        }

        public TestUser create(RealmAdmin admin) {
            return create(admin.realm());
        }

        /** In another realm than the AlaCOP one. */
        public TestUser create(RealmResource realm) {
            UserRepresentation user = representation();
            if (storedPassword != null || passwordSetAt != null) {
                PartialImportRepresentation partial = new PartialImportRepresentation();
                partial.setIfResourceExists(PartialImportRepresentation.Policy.FAIL.name());
                partial.setUsers(List.of(user));
                try (Response response = realm.partialImport(partial)) {
                    if (response.getStatus() != 200) {
                        throw new IllegalStateException("Importing " + username + " failed: HTTP "
                                + response.getStatus() + " " + response.readEntity(String.class));
                    }
                }
                String id = realm.users().searchByUsername(username, true).get(0).getId();
                return new TestUser(id, username, password);
            }
            try (Response response = realm.users().create(user)) {
                if (response.getStatus() != 201) {
                    throw new IllegalStateException("Creating " + username + " failed: HTTP " + response.getStatus()
                            + " " + response.readEntity(String.class));
                }
                String location = response.getLocation().getPath();
                return new TestUser(location.substring(location.lastIndexOf('/') + 1), username, password);
            }
        }

        private UserRepresentation representation() {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(username);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email != null ? email : username + "@example.org");
            user.setEmailVerified(emailVerified);
            user.setEnabled(enabled);
            Map<String, List<String>> attributes = new HashMap<>();
            if (ori != null) {
                attributes.put("ori", List.of(ori));
            }
            if (enrollmentSkippedAt != null) {
                attributes.put(RealmAdmin.MFA_SKIPPED_AT, List.of(Long.toString(enrollmentSkippedAt)));
            }
            user.setAttributes(attributes);
            List<CredentialRepresentation> credentials = new ArrayList<>();
            if (storedPassword != null) {
                credentials.add(storedPassword);
            } else if (password != null && passwordSetAt != null) {
                credentials.add(StoredPasswords.pbkdf2(password, passwordSetAt, passwordParameters, passwordLabel));
            } else if (password != null) {
                CredentialRepresentation secret = new CredentialRepresentation();
                secret.setType(CredentialRepresentation.PASSWORD);
                secret.setValue(password);
                secret.setTemporary(false);
                credentials.add(secret);
            }
            credentials.addAll(methods);
            user.setCredentials(credentials);
            if (!requiredActions.isEmpty()) {
                user.setRequiredActions(List.copyOf(requiredActions));
            }
            return user;
        }
    }
}
