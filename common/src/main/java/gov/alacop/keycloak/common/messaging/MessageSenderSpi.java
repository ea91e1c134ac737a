package gov.alacop.keycloak.common.messaging;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * SPI {@code message-sender}: text and voice delivery of one-time codes. Providers {@code aws-sns} (text),
 * {@code aws-voice} (voice) and {@code log} (development). Options: {@code --spi-message-sender--provider-default=log}
 * picks the development sender for both channels; provider options are {@code --spi-message-sender--<id>--<option>}.
 */
public final class MessageSenderSpi implements Spi {

    public static final String NAME = "message-sender";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return MessageSenderProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return MessageSenderProviderFactory.class;
    }
}
