package gov.alacop.keycloak.passwordpolicy.order;

import org.keycloak.models.KeycloakSession;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PasswordPolicyManagerProviderFactory;

import gov.alacop.keycloak.common.provider.StatelessProviderFactory;

/**
 * Replaces Keycloak's {@code default} password-policy manager without any server option: when an SPI has several
 * providers and none is configured, Keycloak picks the one with the highest positive {@link #order()}
 * ({@code DefaultKeycloakSessionFactory.resolveDefaultProvider}); Keycloak's own has order 0.
 * {@code --spi-password-policy-manager--provider=default} switches back.
 */
public final class OrderedPasswordPolicyManagerFactory extends StatelessProviderFactory<PasswordPolicyManagerProvider>
        implements PasswordPolicyManagerProviderFactory {

    public static final String ID = "alacop-ordered";

    public OrderedPasswordPolicyManagerFactory() {
        super(ID);
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public PasswordPolicyManagerProvider create(KeycloakSession session) {
        return new OrderedPasswordPolicyManager(session);
    }
}
