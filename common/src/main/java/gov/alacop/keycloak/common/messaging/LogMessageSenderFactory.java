package gov.alacop.keycloak.common.messaging;

import java.nio.file.Path;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * {@code log}: development sender for text and voice. It writes each message into an outbox file that tests read
 * and notes in the server log that a message went out (masked number, never the code). A production server
 * ({@code kc.sh start}) refuses it unless {@code --spi-message-sender--log--allow-in-production=true}.
 */
public final class LogMessageSenderFactory implements MessageSenderProviderFactory {

    public static final String ID = "log";
    static final String OUTBOX_DIR = "outbox-dir";
    static final String ALLOW_IN_PRODUCTION = "allow-in-production";

    private static final Logger LOG = Logger.getLogger(LogMessageSenderFactory.class);

    private Path outbox;
    private boolean refused;

    @Override
    public MessageSenderProvider create(KeycloakSession session) {
        return new LogMessageSender(outbox, refused);
    }

    @Override
    public void init(Config.Scope config) {
        String dir = config.get(OUTBOX_DIR);
        if (dir == null || dir.isBlank()) {
            String home = System.getProperty("kc.home.dir", System.getProperty("java.io.tmpdir"));
            dir = Path.of(home, "data", "message-outbox").toString();
        }
        outbox = Path.of(dir).resolve(LogMessageSender.OUTBOX_FILE);
        refused = !Environment.isDevMode() && !config.getBoolean(ALLOW_IN_PRODUCTION, false);
        if (refused && (ID.equals(Config.getProvider(MessageSenderSpi.NAME))
                || ID.equals(Config.getDefaultProvider(MessageSenderSpi.NAME)))) {
            throw new IllegalStateException("The 'log' message sender writes codes to a file and is for development "
                    + "only. Choose another --spi-message-sender--provider-default, or set "
                    + "--spi-message-sender--log--allow-in-production=true for a test server.");
        }
        if (!refused) {
            LOG.warnf("Message sender 'log' is active: codes go to %s instead of phones (development only).", outbox);
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(OUTBOX_DIR).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Folder of the outbox file (default: data/message-outbox under the Keycloak home).").add()
                .property().name(ALLOW_IN_PRODUCTION).type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(false)
                .helpText("Allow this development sender on a server started in production mode (test servers).").add()
                .build();
    }
}
