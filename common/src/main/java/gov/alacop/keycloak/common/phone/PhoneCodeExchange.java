package gov.alacop.keycloak.common.phone;

import java.util.List;
import java.util.function.LongSupplier;

import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import gov.alacop.keycloak.common.messaging.Channel;

/**
 * One exchange of a code with one phone: send (or resend) a code, check what was typed, end the exchange. Every
 * user of a phone code (sign-in, phone setup, the self-service reset) goes through this class, so the sending
 * limits, the wrong-entry count and the words on the page ({@code alacopCode*} messages, with their arguments)
 * are the same everywhere. State lives in authentication-session notes under the caller's prefix and, for what
 * must hold cluster-wide (entry slots, cooldowns, quotas), in Keycloak's SingleUseObjectProvider.
 */
public final class PhoneCodeExchange {

    public static final String CODE_REQUIRED = "alacopCodeRequired";
    public static final String CODE_WRONG = "alacopCodeWrong";
    public static final String CODE_TOO_MANY_FAILURES = "alacopCodeTooManyFailures";
    public static final String CODE_EXPIRED = "alacopCodeExpired";
    public static final String TEXT_SENT = "alacopCodeTextSent";
    public static final String CALL_PLACED = "alacopCodeCallPlaced";
    public static final String SEND_FAILED = "alacopCodeSendFailed";
    public static final String SEND_COOLDOWN = "alacopCodeSendCooldown";
    public static final String SEND_LIMIT = "alacopCodeSendLimit";

    /** Longer input is refused without being looked at. */
    public static final int MAX_CODE_LENGTH = 20;

    /**
     * Who the code is for. A code at sign-in or reset goes to the user's verified number; a code at setup goes to a
     * number just typed, which has a smaller quota of its own, so typing somebody else's number cannot use up that
     * person's sign-in codes.
     */
    public enum Purpose {
        SIGN_IN, SETUP, RESET;

        SendLimits.Scope numberScope() {
            return this == SETUP ? SendLimits.Scope.UNVERIFIED_NUMBER : SendLimits.Scope.NUMBER;
        }
    }

    public enum Status { SENT, COOLDOWN, LIMIT, FAILED }

    /** What an entry came to. A used code reads as expired: either way a new code is needed. */
    public enum Outcome { ACCEPTED, MISSING, WRONG, TOO_MANY_FAILURES, EXPIRED }

    /** A message key of the login theme and its arguments, ready for {@code LoginFormsProvider} or a FormMessage. */
    public record Message(String key, List<Object> parameters) {
        public Message {
            parameters = List.copyOf(parameters);
        }

        public static Message of(String key, Object... parameters) {
            return new Message(key, List.of(parameters));
        }

        public Object[] parameterArray() {
            return parameters.toArray();
        }
    }

    /**
     * The result of a send. {@code message} says what happened; a successful first send needs no notice (the page
     * itself says where the code went), a successful resend on the same channel does ({@link #worthNotice()}).
     */
    public record Sent(Status status, Message message, boolean resend) {
        public boolean failed() {
            return status != Status.SENT;
        }

        /** Whether the page should show {@link #message()} in a notice box: an error, or a repeated send. */
        public boolean worthNotice() {
            return failed() || resend;
        }
    }

    /** The verdict on an entry, its message for the code field, and the event error to record for a refusal. */
    public record Checked(Outcome outcome, Message message, String eventError) {
        /** The message and event error of an outcome, also for codes this class does not check (the app). */
        public static Checked of(Outcome outcome) {
            return switch (outcome) {
                case ACCEPTED -> new Checked(outcome, null, null);
                case MISSING -> new Checked(outcome, Message.of(CODE_REQUIRED), Errors.INVALID_CODE);
                case WRONG -> new Checked(outcome, Message.of(CODE_WRONG), Errors.INVALID_CODE);
                case TOO_MANY_FAILURES -> new Checked(outcome, Message.of(CODE_TOO_MANY_FAILURES),
                        "code_too_many_failures");
                case EXPIRED -> new Checked(outcome, Message.of(CODE_EXPIRED), "code_expired");
            };
        }

        public boolean accepted() {
            return outcome == Outcome.ACCEPTED;
        }
    }

    private final PhoneCodeState state;
    private final PhoneCodeSender sender;
    private final Purpose purpose;
    private final LongSupplier clock;

    /**
     * @param notePrefix the prefix of this user's authentication-session notes (each user has its own, so a
     *                   sign-in and a setup in the same authentication session do not see each other's code)
     */
    public PhoneCodeExchange(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                             String notePrefix, Purpose purpose) {
        this(session, realm, authSession, notePrefix, purpose, System::currentTimeMillis);
    }

    /** With the clock of a test. */
    PhoneCodeExchange(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                      String notePrefix, Purpose purpose, LongSupplier clock) {
        this.state = new PhoneCodeState(session, authSession, notePrefix);
        this.sender = new PhoneCodeSender(session, realm, clock);
        this.purpose = purpose;
        this.clock = clock;
    }

    /** The number codes go to (E.164), or null before the first send and after {@link #clear()}. */
    public String number() {
        return state.number();
    }

    /** The channel of the last send (text until one was chosen). */
    public Channel channel() {
        return state.channel();
    }

    /** {@code •••0123} for the page. */
    public String maskedNumber() {
        return PhoneMask.mask(state.number());
    }

    /**
     * Sends a fresh code to {@code number} on {@code channel}, within the cooldown and the sending limits. A code
     * of another number is forgotten first; a code of the same number is replaced, its wrong entries carried over.
     */
    public Sent send(String number, Channel channel, UserModel user, String clientIp) {
        if (!number.equals(state.number())) {
            state.clear();
        }
        boolean resend = state.code() != null && state.channel() == channel;
        state.target(number, channel);
        PhoneCodeSender.Result result = sender.send(state, channel, user, clientIp, purpose.numberScope());
        return new Sent(result.status(), message(result, channel), resend);
    }

    /** Sends another code to the number of this exchange; {@link Status#FAILED} when there is none. */
    public Sent resend(Channel channel, UserModel user, String clientIp) {
        if (state.number() == null) {
            return new Sent(Status.FAILED, Message.of(SEND_FAILED), false);
        }
        return send(state.number(), channel, user, clientIp);
    }

    /**
     * Checks an entry against the current code. An empty entry is {@link Outcome#MISSING} and costs no try; any
     * other refusal counts as a wrong entry. The last allowed wrong entry already reads "too many".
     */
    public Checked check(String entered) {
        String code = entered == null ? "" : entered.strip();
        if (code.isEmpty()) {
            return Checked.of(Outcome.MISSING);
        }
        PhoneCode.Verdict verdict = state.verify(code.length() <= MAX_CODE_LENGTH ? code : "",
                clock.getAsLong());
        return switch (verdict) {
            case ACCEPTED -> Checked.of(Outcome.ACCEPTED);
            case WRONG -> state.attemptsLeft() > 0 ? Checked.of(Outcome.WRONG)
                    : new Checked(Outcome.TOO_MANY_FAILURES, Message.of(CODE_TOO_MANY_FAILURES), Errors.INVALID_CODE);
            case TOO_MANY_FAILURES -> Checked.of(Outcome.TOO_MANY_FAILURES);
            case EXPIRED -> Checked.of(Outcome.EXPIRED);
            case USED -> new Checked(Outcome.EXPIRED, Message.of(CODE_EXPIRED), "code_used");
        };
    }

    /** Forgets the number and its code (another number comes next); the cooldown stays. */
    public void clear() {
        state.clear();
    }

    /** After an accepted code: forgets everything, and the next exchange (e.g. the next sign-in) need not wait. */
    public void finish(UserModel user) {
        state.finish();
        sender.exchangeFinished(user);
    }

    private Message message(PhoneCodeSender.Result result, Channel channel) {
        return switch (result.status()) {
            case SENT -> Message.of(channel == Channel.VOICE ? CALL_PLACED : TEXT_SENT, maskedNumber());
            case COOLDOWN -> Message.of(SEND_COOLDOWN, Long.toString(result.retryAfterSeconds()));
            case LIMIT -> Message.of(SEND_LIMIT, Long.toString(minutes(result.retryAfterSeconds())));
            case FAILED -> Message.of(SEND_FAILED);
        };
    }

    /** "Try again in N minutes": whole minutes, rounded up, at least 1. */
    static long minutes(long seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }
}
