package gov.alacop.keycloak.common.questions;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/** Hashes and verifies normalized answers with the realm's password hash provider (its algorithm and cost). */
public final class AnswerHasher {

    private final PasswordHashProvider provider;
    private final int iterations;

    public AnswerHasher(KeycloakSession session, RealmModel realm) {
        PasswordPolicy policy = realm.getPasswordPolicy();
        String algorithm = policy == null ? null : policy.getHashAlgorithm();
        PasswordHashProvider chosen = algorithm == null ? null : session.getProvider(PasswordHashProvider.class, algorithm);
        this.provider = chosen != null ? chosen : session.getProvider(PasswordHashProvider.class);
        this.iterations = policy == null ? -1 : policy.getHashIterations();
    }

    AnswerHasher(PasswordHashProvider provider, int iterations) {
        this.provider = provider;
        this.iterations = iterations;
    }

    /** Refuses (fails closed) an answer that does not keep the 3–40 visible-character rule once normalized. */
    public SecurityQuestionsCredentialModel.HashedAnswer hash(String normalizedAnswer) {
        if (normalizedAnswer == null || !Answers.acceptableLength(normalizedAnswer)) {
            throw new IllegalArgumentException("The answer is not 3 to 40 visible characters");
        }
        PasswordCredentialModel encoded = provider.encodedCredential(normalizedAnswer, iterations);
        return new SecurityQuestionsCredentialModel.HashedAnswer(encoded.getCredentialData(), encoded.getSecretData());
    }

    /** For the password reset: does the typed answer match the stored hash? */
    public boolean verify(String typedAnswer, SecurityQuestionsCredentialModel.HashedAnswer stored) {
        CredentialModel model = new CredentialModel();
        model.setType(PasswordCredentialModel.TYPE);
        model.setCredentialData(stored.credentialData());
        model.setSecretData(stored.secretData());
        return provider.verify(Answers.normalize(typedAnswer), PasswordCredentialModel.createFromCredentialModel(model));
    }
}
