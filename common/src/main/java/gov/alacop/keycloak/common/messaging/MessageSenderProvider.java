package gov.alacop.keycloak.common.messaging;

import org.keycloak.provider.Provider;

/** Delivers one-time codes to phones by text and/or voice. */
public interface MessageSenderProvider extends Provider {

    boolean supports(Channel channel);

    /** Sends or throws; never logs the code or the full number. */
    void send(Channel channel, VerificationMessage message) throws MessageSendException;

    @Override
    default void close() {
    }
}
