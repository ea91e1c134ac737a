package gov.alacop.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The 'log' message sender's outbox, the test's phone: lines {@code instant, channel, E.164, code, text}.
 */
public final class Outbox {

    /** One text or call as the server sent it. */
    public record Message(String channel, String to, String code, String text) {
    }

    private final Path file;

    Outbox(Path file) {
        this.file = file;
    }

    public List<Message> messagesTo(String e164) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(line -> line.split("\t", 5))
                    .filter(parts -> parts.length == 5 && parts[2].equals(e164))
                    .map(parts -> new Message(parts[1], parts[2], parts[3], parts[4]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int count(String e164) {
        return messagesTo(e164).size();
    }

    /** Waits briefly for message number {@code index} (0-based) to {@code e164}. */
    public Message await(String e164, int index) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<Message> messages = messagesTo(e164);
            if (messages.size() > index) {
                return messages.get(index);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No message #" + (index + 1) + " to " + e164 + " in " + file);
    }

    /** How many texts and calls went out, to any number, at or after {@code from}. */
    public int sentSince(Instant from) {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            return (int) Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(line -> line.split("\t", 5)).filter(p -> p.length == 5)
                    .filter(p -> !Instant.parse(p[0]).isBefore(from)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every code ever sent, to prove none reached the server log. */
    public List<String> allCodes() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(line -> line.split("\t", 5)).filter(p -> p.length == 5).map(p -> p[3]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
