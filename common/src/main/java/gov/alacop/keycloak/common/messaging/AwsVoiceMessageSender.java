package gov.alacop.keycloak.common.messaging;

import java.util.function.Supplier;

import org.jboss.logging.Logger;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.SendVoiceMessageRequest;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.VoiceMessageBodyTextType;

import gov.alacop.keycloak.common.phone.PhoneMask;

final class AwsVoiceMessageSender implements MessageSenderProvider {

    private static final Logger LOG = Logger.getLogger(AwsVoiceMessageSender.class);

    private final Supplier<PinpointSmsVoiceV2Client> client;
    private final String originationIdentity;
    private final String voiceId;

    AwsVoiceMessageSender(Supplier<PinpointSmsVoiceV2Client> client, String originationIdentity, String voiceId) {
        this.client = client;
        this.originationIdentity = originationIdentity;
        this.voiceId = voiceId;
    }

    @Override
    public boolean supports(Channel channel) {
        return channel == Channel.VOICE;
    }

    @Override
    public void send(Channel channel, VerificationMessage message) throws MessageSendException {
        if (channel != Channel.VOICE) {
            throw new MessageSendException("aws-voice places voice calls only");
        }
        if (originationIdentity == null || originationIdentity.isBlank()) {
            throw new MessageSendException("aws-voice needs --spi-message-sender--aws-voice--origination-identity");
        }
        try {
            String id = client.get().sendVoiceMessage(SendVoiceMessageRequest.builder()
                    .destinationPhoneNumber(message.to())
                    .originationIdentity(originationIdentity.strip())
                    .messageBody(VoiceScript.ssml(message.code()))
                    .messageBodyTextType(VoiceMessageBodyTextType.SSML)
                    .voiceId(voiceId)
                    .build()).messageId();
            LOG.debugf("SendVoiceMessage accepted call %s to %s", id, PhoneMask.mask(message.to()));
        } catch (SdkException | IllegalStateException e) {
            throw new MessageSendException("SendVoiceMessage to " + PhoneMask.mask(message.to()) + " failed: "
                    + GatewayError.describe(e));
        }
    }
}
