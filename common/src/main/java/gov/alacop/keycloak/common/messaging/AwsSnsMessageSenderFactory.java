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
    private volatile SnsClient client;

    @Override
    public MessageSenderProvider create(KeycloakSession session) {
        return new AwsSnsMessageSender(this::client, senderId);
    }

    @Override
    public void init(Config.Scope config) {
        settings = AwsClientSettings.from(config);
        String configured = config.get(SENDER_ID);
        senderId = configured == null || configured.isBlank() ? null : configured.strip();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    /**
     * Built on first use rather than in postInit so that a server without AWS credentials (development, or a
     * realm that only uses the app) starts and only sending fails.
     */
    private SnsClient client() {
        SnsClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = settings.configure(SnsClient.builder()).build();
                }
                current = client;
            }
        }
        return current;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
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
