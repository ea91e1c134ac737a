package gov.alacop.keycloak.common.phone;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

import gov.alacop.keycloak.common.messaging.Channel;

/**
 * The phone method: the verified number and the preferred way to receive codes. The full number is personal
 * data, so it sits in the secret data (never returned by the admin API); the credential data and the label only
 * hold the last digits and the channel.
 */
public final class PhoneCredentialModel extends CredentialModel {

    public static final String TYPE = "alacop-phone";

    public record Data(String lastDigits, String channel) {
        public Data() {
            this(null, null);
        }
    }

    public record Secret(String number) {
        public Secret() {
            this(null);
        }
    }

    private final Data data;
    private final Secret secret;

    private PhoneCredentialModel(Data data, Secret secret) {
        this.data = data;
        this.secret = secret;
    }

    public static PhoneCredentialModel create(String e164, Channel channel, long nowMillis) {
        PhoneCredentialModel model = new PhoneCredentialModel(
                new Data(PhoneMask.lastDigits(e164), channel.value()), new Secret(e164));
        model.setType(TYPE);
        model.setCreatedDate(nowMillis);
        model.setUserLabel(PhoneMask.mask(e164));
        model.setCredentialData(write(model.data));
        model.setSecretData(write(model.secret));
        return model;
    }

    public static PhoneCredentialModel createFromCredentialModel(CredentialModel stored) {
        try {
            PhoneCredentialModel model = new PhoneCredentialModel(
                    JsonSerialization.readValue(stored.getCredentialData(), Data.class),
                    stored.getSecretData() == null ? new Secret()
                            : JsonSerialization.readValue(stored.getSecretData(), Secret.class));
            model.setId(stored.getId());
            model.setType(stored.getType());
            model.setCreatedDate(stored.getCreatedDate());
            model.setUserLabel(stored.getUserLabel());
            model.setCredentialData(stored.getCredentialData());
            model.setSecretData(stored.getSecretData());
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable phone credential " + stored.getId(), e);
        }
    }

    public String number() {
        return secret.number();
    }

    public Channel channel() {
        Channel channel = Channel.parse(data.channel());
        return channel == null ? Channel.TEXT : channel;
    }

    public String maskedNumber() {
        return PhoneMask.mask(secret.number());
    }

    private static String write(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
