package gov.alacop.keycloak.common.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

import gov.alacop.keycloak.common.messaging.Channel;
import gov.alacop.keycloak.common.messaging.MessageSendException;
import gov.alacop.keycloak.common.messaging.MessageSenderProvider;
import gov.alacop.keycloak.common.messaging.VerificationMessage;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Checked;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Message;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Outcome;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Purpose;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Sent;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Status;
import gov.alacop.keycloak.common.testing.FakeKeycloak;
import gov.alacop.keycloak.common.testing.InMemorySingleUseObjects;

@DisplayName("The phone-code exchange")
class PhoneCodeExchangeTest {

    private static final String NUMBER = "+12055550123";
    private static final String PREFIX = "test.phone";
    private static final String IP = "10.0.0.1";

    /** A gateway that remembers what it sent, or refuses. */
    private static final class Gateway implements MessageSenderProvider {
        final List<VerificationMessage> sent = new ArrayList<>();
        boolean failing;

        @Override
        public boolean supports(Channel channel) {
            return true;
        }

        @Override
        public void send(Channel channel, VerificationMessage message) throws MessageSendException {
            if (failing) {
                throw new MessageSendException("gateway down");
            }
            sent.add(message);
        }

        String lastCode() {
            return sent.get(sent.size() - 1).code();
        }
    }

    private InMemorySingleUseObjects store;
    private Gateway gateway;
    private KeycloakSession session;
    private Map<String, String> realmAttributes;
    private RealmModel realm;
    private Map<String, String> notes;
    private UserModel user;
    private PhoneCodeExchange exchange;

    @BeforeEach
    void setUp() {
        // Two minutes into an hour: quota windows do not roll over during a test.
        store = new InMemorySingleUseObjects(1_800_000_000_000L - Math.floorMod(1_800_000_000_000L,
                SendLimits.DAY_MILLIS) + 120_000L);
        gateway = new Gateway();
        Map<Class<?>, Provider> providers = Map.of(MessageSenderProvider.class, gateway);
        session = FakeKeycloak.session(store, providers);
        realmAttributes = new HashMap<>();
        realm = FakeKeycloak.realm("realm", realmAttributes);
        notes = new HashMap<>();
        user = FakeKeycloak.user("user-1");
        exchange = exchange(Purpose.SIGN_IN, notes);
    }

    private PhoneCodeExchange exchange(Purpose purpose, Map<String, String> authNotes) {
        return new PhoneCodeExchange(session, realm, FakeKeycloak.authSession(authNotes), PREFIX, purpose,
                store.clock());
    }

    private String wrongCode() {
        return "000000".equals(gateway.lastCode()) ? "111111" : "000000";
    }

    @Nested
    @DisplayName("sending")
    class Sending {

        @Test
        @DisplayName("a first text goes out; its message needs no notice, the page says where it went")
        void firstText() {
            Sent sent = exchange.send(NUMBER, Channel.TEXT, user, IP);
            assertThat(sent.status()).isEqualTo(Status.SENT);
            assertThat(sent.message()).isEqualTo(Message.of("alacopCodeTextSent", "•••0123"));
            assertThat(sent.worthNotice()).isFalse();
            assertThat(gateway.sent).hasSize(1);
            assertThat(gateway.sent.get(0).to()).isEqualTo(NUMBER);
            assertThat(gateway.sent.get(0).text()).contains(gateway.lastCode());
            assertThat(exchange.number()).isEqualTo(NUMBER);
            assertThat(exchange.channel()).isEqualTo(Channel.TEXT);
            assertThat(exchange.maskedNumber()).isEqualTo("•••0123");
        }

        @Test
        @DisplayName("neither the code nor the number sits in the store; the notes hold only the code's hash")
        void noSecretsKept() {
            exchange.send(NUMBER, Channel.TEXT, user, IP);
            String code = gateway.lastCode();
            assertThat(store.live().keySet()).noneMatch(key -> key.contains("2055550123") || key.contains(code));
            assertThat(notes.get(PREFIX + ".code")).doesNotContain(code);
        }

        @Test
        @DisplayName("a resend on the same channel after the cooldown is worth a notice")
        void resendSameChannel() {
            exchange.send(NUMBER, Channel.TEXT, user, IP);
            store.advanceMillis(SendLimits.TEXT_COOLDOWN_MILLIS);
            Sent again = exchange.resend(Channel.TEXT, user, IP);
            assertThat(again.status()).isEqualTo(Status.SENT);
            assertThat(again.worthNotice()).isTrue();
            assertThat(again.message()).isEqualTo(Message.of("alacopCodeTextSent", "•••0123"));
        }

        @Test
        @DisplayName("a call after a text is not held up by the text's cooldown, and its page says it all")
        void callAfterText() {
            exchange.send(NUMBER, Channel.TEXT, user, IP);
            Sent call = exchange.resend(Channel.VOICE, user, IP);
            assertThat(call.status()).isEqualTo(Status.SENT);
            assertThat(call.message()).isEqualTo(Message.of("alacopCodeCallPlaced", "•••0123"));
            assertThat(call.worthNotice()).isFalse();
            assertThat(exchange.channel()).isEqualTo(Channel.VOICE);
        }

        @Test
        @DisplayName("within the cooldown nothing goes out, and the message says how many seconds to wait")
        void cooldown() {
            exchange.send(NUMBER, Channel.TEXT, user, IP);
            store.advanceMillis(10_500);
            Sent refused = exchange.resend(Channel.TEXT, user, IP);
            assertThat(refused.status()).isEqualTo(Status.COOLDOWN);
            assertThat(refused.failed()).isTrue();
            assertThat(refused.worthNotice()).isTrue();
            assertThat(refused.message()).isEqualTo(Message.of("alacopCodeSendCooldown", "20"));
            assertThat(gateway.sent).hasSize(1);
        }

        @Test
        @DisplayName("the cooldown holds for the user across authentication sessions (a new sign-in)")
        void cooldownAcrossSessions() {
            exchange.send(NUMBER, Channel.TEXT, user, IP);
            Sent refused = exchange(Purpose.SIGN_IN, new HashMap<>()).send(NUMBER, Channel.TEXT, user, IP);
            assertThat(refused.status()).isEqualTo(Status.COOLDOWN);
        }

        @Test
        @DisplayName("past the limit the message says when to try again, in whole minutes rounded up")
        void limit() {
            realmAttributes.put(PhoneLimits.PER_USER, "1");
            exchange.send(NUMBER, Channel.TEXT, user, IP);
            store.advanceMillis(SendLimits.TEXT_COOLDOWN_MILLIS);
            Sent refused = exchange.resend(Channel.TEXT, user, IP);
            assertThat(refused.status()).isEqualTo(Status.LIMIT);
            // 2 min 30 s into the hour: 57.5 minutes left, shown as 58.
            assertThat(refused.message()).isEqualTo(Message.of("alacopCodeSendLimit", "58"));
            assertThat(refused.message().parameterArray()).containsExactly("58");
        }

        @ParameterizedTest(name = "{0} s -> {1} min")
        @CsvSource({"1,1", "59,1", "60,1", "61,2", "3599,60", "3600,60"})
        @DisplayName("minutes are rounded up, at least 1")
        void minutes(long seconds, long minutes) {
            assertThat(PhoneCodeExchange.minutes(seconds)).isEqualTo(minutes);
        }

        @Test
        @DisplayName("a failing gateway gives the failure message and no cooldown: the next try may go at once")
        void failure() {
            gateway.failing = true;
            Sent failed = exchange.send(NUMBER, Channel.TEXT, user, IP);
            assertThat(failed.status()).isEqualTo(Status.FAILED);
            assertThat(failed.message()).isEqualTo(Message.of("alacopCodeSendFailed"));
            assertThat(failed.worthNotice()).isTrue();
            gateway.failing = false;
            assertThat(exchange.resend(Channel.TEXT, user, IP).status()).isEqualTo(Status.SENT);
        }

        @Test
        @DisplayName("a resend without a number fails closed")
        void resendWithoutNumber() {
            Sent sent = exchange.resend(Channel.TEXT, user, IP);
            assertThat(sent.status()).isEqualTo(Status.FAILED);
            assertThat(gateway.sent).isEmpty();
        }

        @Test
        @DisplayName("a number typed at setup counts against a quota of its own, not its owner's sign-in codes")
        void setupQuota() {
            realmAttributes.put(PhoneLimits.PER_UNVERIFIED_NUMBER, "1");
            realmAttributes.put(PhoneLimits.PER_NUMBER, "1");
            assertThat(exchange(Purpose.SETUP, new HashMap<>()).send(NUMBER, Channel.TEXT, FakeKeycloak.user("a"), IP)
                    .status()).isEqualTo(Status.SENT);
            assertThat(exchange(Purpose.SETUP, new HashMap<>()).send(NUMBER, Channel.TEXT, FakeKeycloak.user("b"), IP)
                    .status()).isEqualTo(Status.LIMIT);
            assertThat(exchange.send(NUMBER, Channel.TEXT, user, IP).status()).isEqualTo(Status.SENT);
            assertThat(exchange(Purpose.RESET, new HashMap<>()).send(NUMBER, Channel.TEXT, FakeKeycloak.user("c"), IP)
                    .status()).as("the reset uses the verified number's quota").isEqualTo(Status.LIMIT);
        }

        @Test
        @DisplayName("clearing forgets the number and its code, but not the cooldown")
        void clear() {
            exchange.send(NUMBER, Channel.TEXT, user, IP);
            String first = gateway.lastCode();
            exchange.clear();
            assertThat(exchange.number()).isNull();
            assertThat(exchange.check(first).outcome()).isEqualTo(Outcome.EXPIRED);
            assertThat(exchange.send("+12055550199", Channel.TEXT, user, IP).status()).isEqualTo(Status.COOLDOWN);
        }

        @Test
        @DisplayName("a code of another number starts with all its tries")
        void otherNumber() {
            exchange.send(NUMBER, Channel.TEXT, user, IP);
            for (int i = 0; i < 4; i++) {
                exchange.check(wrongCode());
            }
            store.advanceMillis(SendLimits.TEXT_COOLDOWN_MILLIS);
            exchange.send("+12055550199", Channel.TEXT, user, IP);
            assertThat(exchange.number()).isEqualTo("+12055550199");
            assertThat(exchange.check(wrongCode()).outcome()).isEqualTo(Outcome.WRONG);
        }
    }

    @Nested
    @DisplayName("checking")
    class Checking {

        @BeforeEach
        void sendOne() {
            exchange.send(NUMBER, Channel.TEXT, user, IP);
        }

        @Test
        @DisplayName("the right code is accepted once; again it reads as expired (used)")
        void acceptedOnce() {
            String code = gateway.lastCode();
            Checked checked = exchange.check(" " + code + " ");
            assertThat(checked.accepted()).isTrue();
            assertThat(checked.message()).isNull();
            Checked again = exchange.check(code);
            assertThat(again.outcome()).isEqualTo(Outcome.EXPIRED);
            assertThat(again.message()).isEqualTo(Message.of("alacopCodeExpired"));
            assertThat(again.eventError()).isEqualTo("code_used");
        }

        @Test
        @DisplayName("an empty entry asks for the code and costs no try")
        void missing() {
            for (int i = 0; i < 10; i++) {
                Checked checked = exchange.check(i % 2 == 0 ? "" : "   ");
                assertThat(checked.outcome()).isEqualTo(Outcome.MISSING);
                assertThat(checked.message()).isEqualTo(Message.of("alacopCodeRequired"));
            }
            assertThat(exchange.check(null).outcome()).isEqualTo(Outcome.MISSING);
            assertThat(exchange.check(gateway.lastCode()).accepted()).isTrue();
        }

        @Test
        @DisplayName("4 wrong entries are wrong; the 5th already reads 'too many', and then the right one too")
        void tooMany() {
            String wrong = wrongCode();
            for (int i = 0; i < 4; i++) {
                Checked checked = exchange.check(wrong);
                assertThat(checked.outcome()).isEqualTo(Outcome.WRONG);
                assertThat(checked.message()).isEqualTo(Message.of("alacopCodeWrong"));
                assertThat(checked.eventError()).isEqualTo(Errors.INVALID_CODE);
            }
            Checked fifth = exchange.check(wrong);
            assertThat(fifth.outcome()).isEqualTo(Outcome.TOO_MANY_FAILURES);
            assertThat(fifth.message()).isEqualTo(Message.of("alacopCodeTooManyFailures"));
            Checked right = exchange.check(gateway.lastCode());
            assertThat(right.outcome()).isEqualTo(Outcome.TOO_MANY_FAILURES);
            assertThat(right.eventError()).isEqualTo("code_too_many_failures");
        }

        @Test
        @DisplayName("a resend does not reset the wrong entries")
        void resendKeepsFailures() {
            String wrong = wrongCode();
            for (int i = 0; i < 3; i++) {
                exchange.check(wrong);
            }
            store.advanceMillis(SendLimits.TEXT_COOLDOWN_MILLIS);
            exchange.resend(Channel.TEXT, user, IP);
            wrong = wrongCode();
            assertThat(exchange.check(wrong).outcome()).isEqualTo(Outcome.WRONG);
            assertThat(exchange.check(wrong).outcome()).isEqualTo(Outcome.TOO_MANY_FAILURES);
        }

        @Test
        @DisplayName("a very long entry is refused like a wrong one, without being looked at")
        void longEntry() {
            assertThat(exchange.check("9".repeat(10_000)).outcome()).isEqualTo(Outcome.WRONG);
        }

        @Test
        @DisplayName("after 5 minutes the code has expired")
        void expired() {
            store.advanceMillis(PhoneCode.VALIDITY_MILLIS + 1);
            Checked checked = exchange.check(gateway.lastCode());
            assertThat(checked.outcome()).isEqualTo(Outcome.EXPIRED);
            assertThat(checked.message()).isEqualTo(Message.of("alacopCodeExpired"));
            assertThat(checked.eventError()).isEqualTo("code_expired");
        }

        @Test
        @DisplayName("without a code there is nothing to accept")
        void noCode() {
            PhoneCodeExchange fresh = exchange(Purpose.SETUP, new HashMap<>());
            assertThat(fresh.check("123456").outcome()).isEqualTo(Outcome.EXPIRED);
        }

        @Test
        @DisplayName("finishing forgets the notes and the cooldown: the next exchange may send at once")
        void finish() {
            assertThat(exchange.check(gateway.lastCode()).accepted()).isTrue();
            exchange.finish(user);
            assertThat(notes).isEmpty();
            assertThat(exchange(Purpose.SIGN_IN, new HashMap<>()).send(NUMBER, Channel.TEXT, user, IP).status())
                    .isEqualTo(Status.SENT);
        }
    }

    @Test
    @DisplayName("every outcome has its message; codes the exchange does not check (the app) use the same")
    void outcomes() {
        assertThat(Checked.of(Outcome.MISSING).message().key()).isEqualTo("alacopCodeRequired");
        assertThat(Checked.of(Outcome.WRONG).message().key()).isEqualTo("alacopCodeWrong");
        assertThat(Checked.of(Outcome.TOO_MANY_FAILURES).message().key()).isEqualTo("alacopCodeTooManyFailures");
        assertThat(Checked.of(Outcome.EXPIRED).message().key()).isEqualTo("alacopCodeExpired");
        assertThat(Checked.of(Outcome.ACCEPTED).accepted()).isTrue();
    }
}
