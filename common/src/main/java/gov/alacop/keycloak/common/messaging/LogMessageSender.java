package gov.alacop.keycloak.common.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.jboss.logging.Logger;

import gov.alacop.keycloak.common.phone.PhoneMask;

/**
 * Appends one line per message to the outbox: {@code <instant>\t<channel>\t<E.164>\t<code>\t<text>}. The file is
 * the development stand-in for a phone; the server log only gets the masked number.
 */
final class LogMessageSender implements MessageSenderProvider {

    static final String OUTBOX_FILE = "outbox.tsv";
    private static final Logger LOG = Logger.getLogger(LogMessageSender.class);

    private final Path outbox;
    private final boolean refused;

    LogMessageSender(Path outbox, boolean refused) {
        this.outbox = outbox;
        this.refused = refused;
    }

    @Override
    public boolean supports(Channel channel) {
        return !refused;
    }

    @Override
    public void send(Channel channel, VerificationMessage message) throws MessageSendException {
        if (refused) {
            throw new MessageSendException("The 'log' message sender is not allowed in production mode");
        }
        String line = Instant.now() + "\t" + channel.value() + "\t" + message.to() + "\t" + message.code() + "\t"
                + message.text().replace('\t', ' ').replace('\n', ' ') + "\n";
        try {
            Files.createDirectories(outbox.getParent());
            synchronized (LogMessageSender.class) {
                Files.writeString(outbox, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            }
        } catch (IOException e) {
            throw new MessageSendException("Could not write the outbox " + outbox, e);
        }
        LOG.infof("Message sender 'log': %s message to %s written to the outbox", channel.value(),
                PhoneMask.mask(message.to()));
    }
}
