package gov.alacop.keycloak.common.messaging;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Picks the sender for a channel: a realm attribute {@code alacop.messageSender.text} / {@code .voice} naming a
 * provider wins (lets one realm use another gateway); otherwise the SPI's default provider when it handles the
 * channel ({@code log} handles both); otherwise {@code aws-sns} for text and {@code aws-voice} for voice.
 */
public final class MessageSenders {

    public static final String REALM_ATTRIBUTE_PREFIX = "alacop.messageSender.";

    private MessageSenders() {
    }

    public static MessageSenderProvider forChannel(KeycloakSession session, RealmModel realm, Channel channel)
            throws MessageSendException {
        String override = realm == null ? null : realm.getAttribute(REALM_ATTRIBUTE_PREFIX + channel.value());
        MessageSenderProvider sender;
        if (override != null && !override.isBlank()) {
            sender = session.getProvider(MessageSenderProvider.class, override.strip());
        } else {
            sender = session.getProvider(MessageSenderProvider.class);
            if (sender == null || !sender.supports(channel)) {
                sender = session.getProvider(MessageSenderProvider.class,
                        channel == Channel.TEXT ? AwsSnsMessageSenderFactory.ID : AwsVoiceMessageSenderFactory.ID);
            }
        }
        if (sender == null || !sender.supports(channel)) {
            throw new MessageSendException("No message sender is available for " + channel.value());
        }
        return sender;
    }
}
