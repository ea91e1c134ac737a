package gov.alacop.keycloak.common.questions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * The security questions of a user: the question ids in the credential data, one password-style hash per
 * normalized answer (same order) in the secret data. Used only for self-service password reset.
 */
public final class SecurityQuestionsCredentialModel extends CredentialModel {

    public static final String TYPE = "alacop-security-questions";

    public record Data(List<String> questions) {
        public Data() {
            this(List.of());
        }
    }

    /** One hashed answer: the password hash provider's own credential and secret data, as JSON. */
    public record HashedAnswer(String credentialData, String secretData) {
        public HashedAnswer() {
            this(null, null);
        }
    }

    public record Secret(List<HashedAnswer> answers) {
        public Secret() {
            this(List.of());
        }
    }

    private final Data data;
    private final Secret secret;

    private SecurityQuestionsCredentialModel(Data data, Secret secret) {
        this.data = data;
        this.secret = secret;
    }

    public static SecurityQuestionsCredentialModel create(List<String> questionIds, List<HashedAnswer> answers,
                                                          long nowMillis) {
        SecurityQuestionsCredentialModel model = new SecurityQuestionsCredentialModel(new Data(List.copyOf(questionIds)),
                new Secret(List.copyOf(answers)));
        model.setType(TYPE);
        model.setCreatedDate(nowMillis);
        model.setUserLabel(questionIds.size() + " questions");
        model.setCredentialData(write(model.data));
        model.setSecretData(write(model.secret));
        return model;
    }

    public static SecurityQuestionsCredentialModel createFromCredentialModel(CredentialModel stored) {
        try {
            SecurityQuestionsCredentialModel model = new SecurityQuestionsCredentialModel(
                    JsonSerialization.readValue(stored.getCredentialData(), Data.class),
                    stored.getSecretData() == null ? new Secret()
                            : JsonSerialization.readValue(stored.getSecretData(), Secret.class));
            model.setId(stored.getId());
            model.setType(stored.getType());
            model.setCreatedDate(stored.getCreatedDate());
            model.setUserLabel(stored.getUserLabel());
            model.setCredentialData(stored.getCredentialData());
            model.setSecretData(stored.getSecretData());
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable security questions " + stored.getId(), e);
        }
    }

    public List<String> questionIds() {
        return data.questions();
    }

    public List<HashedAnswer> hashedAnswers() {
        return secret.answers();
    }

    private static String write(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
