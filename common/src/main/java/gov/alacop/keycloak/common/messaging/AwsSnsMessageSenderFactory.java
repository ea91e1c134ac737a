package gov.alacop.keycloak.common.messaging;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import software.amazon.awssdk.services.sns.SnsClient;

/**
 * {@code aws-sns}: text messages through Amazon SNS {@code Publish} (transactional SMS). One client per server,
 * built lazily on first use from the options read in {@link #init} and closed in {@link #close}.
 */
public final class AwsSnsMessageSenderFactory implements MessageSenderProviderFactory {

    public static final String ID = "aws-sns";
    static final String SENDER_ID = "sender-id";

    private AwsClientSettings settings;
    private String senderId;
    private LazyClient<SnsClient> client;

    @Override
    public MessageSenderProvider create(KeycloakSession session) {
        return new AwsSnsMessageSender(client, senderId);
    }

    @Override
    public void init(Config.Scope config) {
        settings = AwsClientSettings.from(config);
        client = new LazyClient<>(() -> settings.configure(SnsClient.builder()).build());
        String configured = config.get(SENDER_ID);
        senderId = configured == null || configured.isBlank() ? null : configured.strip();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }


    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return AwsClientSettings.metadata(ProviderConfigurationBuilder.create()
                .property().name(SENDER_ID).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Optional alphanumeric sender id (AWS.SNS.SMS.SenderID), where carriers support it.").add());
    }
}
