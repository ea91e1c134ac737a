package gov.alacop.keycloak.common.messaging;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;

/**
 * {@code aws-voice}: voice calls through AWS End User Messaging SMS and Voice v2 {@code SendVoiceMessage}. One
 * client per server, built on first use and closed in {@link #close}.
 */
public final class AwsVoiceMessageSenderFactory implements MessageSenderProviderFactory {

    public static final String ID = "aws-voice";
    static final String ORIGINATION_IDENTITY = "origination-identity";
    static final String VOICE_ID = "voice-id";
    static final String DEFAULT_VOICE_ID = "JOANNA";

    private AwsClientSettings settings;
    private String originationIdentity;
    private String voiceId;
    private LazyClient<PinpointSmsVoiceV2Client> client;

    @Override
    public MessageSenderProvider create(KeycloakSession session) {
        return new AwsVoiceMessageSender(client, originationIdentity, voiceId);
    }

    @Override
    public void init(Config.Scope config) {
        settings = AwsClientSettings.from(config);
        client = new LazyClient<>(() -> settings.configure(PinpointSmsVoiceV2Client.builder()).build());
        originationIdentity = config.get(ORIGINATION_IDENTITY);
        voiceId = config.get(VOICE_ID, DEFAULT_VOICE_ID).strip();
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
        return 10;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return AwsClientSettings.metadata(ProviderConfigurationBuilder.create()
                .property().name(ORIGINATION_IDENTITY).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Voice-capable origination phone number (E.164), its id or ARN, or a pool id.").add()
                .property().name(VOICE_ID).type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_VOICE_ID)
                .helpText("Voice that reads the code (SendVoiceMessage VoiceId).").add());
    }
}
