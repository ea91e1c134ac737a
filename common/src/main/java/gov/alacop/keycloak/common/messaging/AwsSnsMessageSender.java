package gov.alacop.keycloak.common.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

import gov.alacop.keycloak.common.phone.PhoneMask;

final class AwsSnsMessageSender implements MessageSenderProvider {

    static final String SMS_TYPE = "AWS.SNS.SMS.SMSType";
    static final String SENDER_ID = "AWS.SNS.SMS.SenderID";
    private static final Logger LOG = Logger.getLogger(AwsSnsMessageSender.class);

    private final Supplier<SnsClient> client;
    private final String senderId;

    AwsSnsMessageSender(Supplier<SnsClient> client, String senderId) {
        this.client = client;
        this.senderId = senderId;
    }

    @Override
    public boolean supports(Channel channel) {
        return channel == Channel.TEXT;
    }

    @Override
    public void send(Channel channel, VerificationMessage message) throws MessageSendException {
        if (channel != Channel.TEXT) {
            throw new MessageSendException("aws-sns sends text messages only");
        }
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put(SMS_TYPE, string("Transactional"));
        if (senderId != null) {
            attributes.put(SENDER_ID, string(senderId));
        }
        try {
            String id = client.get().publish(PublishRequest.builder()
                    .phoneNumber(message.to())
                    .message(message.text())
                    .messageAttributes(attributes)
                    .build()).messageId();
            LOG.debugf("SNS accepted text message %s to %s", id, PhoneMask.mask(message.to()));
        } catch (SdkException | IllegalStateException e) {
            throw new MessageSendException("SNS Publish to " + PhoneMask.mask(message.to()) + " failed: "
                    + GatewayError.describe(e));
        }
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
