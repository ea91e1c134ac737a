package gov.alacop.keycloak.common.phone;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

import gov.alacop.keycloak.common.messaging.Channel;
import gov.alacop.keycloak.common.messaging.MessageSendException;
import gov.alacop.keycloak.common.messaging.MessageSenders;
import gov.alacop.keycloak.common.messaging.VerificationMessage;

/**
 * For {@link PhoneCodeExchange}: sends a fresh code to the number of a {@link PhoneCodeState}, within the resend
 * cooldown and the cluster-wide limits. The new code replaces the old one and inherits its failure count. The cooldown is both in the
 * authentication session and cluster-wide per user ({@link SendCooldown}), so a new sign-in does not skip it.
 * The client address is the one Keycloak resolved through its proxy settings ({@code --proxy-headers}).
 */
final class PhoneCodeSender {

    static final String TEXT_MESSAGE_KEY = "alacopPhoneTextMessage";
    private static final String DEFAULT_TEXT = "Your AlaCOP verification code is {0}. It expires in 5 minutes.";
    private static final Logger LOG = Logger.getLogger(PhoneCodeSender.class);

    /** {@code retryAfterSeconds} is set for COOLDOWN and LIMIT. */
    record Result(PhoneCodeExchange.Status status, long retryAfterSeconds) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final LongSupplier clock;

    PhoneCodeSender(KeycloakSession session, RealmModel realm, LongSupplier clock) {
        this.session = session;
        this.realm = realm;
        this.clock = clock;
    }

    /**
     * @param numberScope the quota the number counts against: {@code NUMBER} for a verified number,
     *                    {@code UNVERIFIED_NUMBER} for one typed at setup
     */
    Result send(PhoneCodeState state, Channel channel, UserModel user, String clientIp, SendLimits.Scope numberScope) {
        long now = clock.getAsLong();
        long wait = SendLimits.cooldownRemaining(channel, state.lastSentMillis(channel), now);
        if (wait > 0) {
            return new Result(PhoneCodeExchange.Status.COOLDOWN, SendLimits.secondsUntil(now + wait, now));
        }
        String userKey = userKey(user);
        SendCooldown cooldown = new SendCooldown(session);
        wait = cooldown.tryTake(userKey, channel, now);
        if (wait > 0) {
            return new Result(PhoneCodeExchange.Status.COOLDOWN, SendLimits.secondsUntil(now + wait, now));
        }
        Map<SendLimits.Scope, String> subjects = new LinkedHashMap<>();
        subjects.put(SendLimits.Scope.USER, userKey);
        subjects.put(numberScope, state.number());
        subjects.put(SendLimits.Scope.IP, clientIp == null ? "unknown" : clientIp);
        long limited = new SendQuota(session).tryAcquire(subjects, now, PhoneLimits.of(realm));
        if (limited > 0) {
            cooldown.giveBack(userKey, channel);
            LOG.infof("Phone code for user %s not sent: sending limit reached", user.getId());
            return new Result(PhoneCodeExchange.Status.LIMIT, SendLimits.secondsUntil(now + limited, now));
        }
        String code = PhoneCode.generate();
        try {
            MessageSenders.forChannel(session, realm, channel)
                    .send(channel, new VerificationMessage(state.number(), code, text(user, code)));
        } catch (MessageSendException e) {
            cooldown.giveBack(userKey, channel);
            LOG.warnf("Could not send a %s code to %s for user %s: %s", channel.value(),
                    PhoneMask.mask(state.number()), user.getId(), e.getMessage());
            return new Result(PhoneCodeExchange.Status.FAILED, 0);
        } catch (RuntimeException e) {
            // Only the type: the message of an unexpected exception could quote the number.
            cooldown.giveBack(userKey, channel);
            LOG.warnf("Could not send a %s code to %s for user %s: %s", channel.value(),
                    PhoneMask.mask(state.number()), user.getId(), e.getClass().getName());
            return new Result(PhoneCodeExchange.Status.FAILED, 0);
        }
        state.sent(PhoneCode.issue(code, now, state.replacedCode()), channel, now);
        return new Result(PhoneCodeExchange.Status.SENT, 0);
    }

    /** After an accepted code the exchange is over: the next one (e.g. the next sign-in) need not wait. */
    void exchangeFinished(UserModel user) {
        new SendCooldown(session).clear(userKey(user));
    }

    private String userKey(UserModel user) {
        return realm.getId() + "/" + user.getId();
    }

    private String text(UserModel user, String code) {
        String pattern = DEFAULT_TEXT;
        try {
            Locale locale = session.getContext().resolveLocale(user);
            Properties messages = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
            pattern = messages.getProperty(TEXT_MESSAGE_KEY, DEFAULT_TEXT);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Login theme messages unavailable, using the default text: %s", e.getMessage());
        }
        return new MessageFormat(pattern, Locale.ROOT).format(new Object[] {code});
    }
}
