package gov.alacop.keycloak.common.messaging;

import org.keycloak.provider.ProviderFactory;

public interface MessageSenderProviderFactory extends ProviderFactory<MessageSenderProvider> {
}
