package gov.alacop.keycloak.authenticators.reset;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;

import gov.alacop.keycloak.common.messaging.Channel;
import gov.alacop.keycloak.common.phone.PhoneCode;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Checked;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Message;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Outcome;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Sent;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Status;
import gov.alacop.keycloak.common.phone.PhoneCredentialModel;
import gov.alacop.keycloak.common.phone.SendLimits;

/**
 * The phone proof of a reset. For an account that may be reset it is the shared {@link PhoneCodeExchange} (purpose
 * RESET, notes under this execution's prefix: a code sent at sign-in or setup lives under another prefix and never
 * counts here), with the same cluster-wide cooldowns and quotas as sign-in. For a decoy nothing is sent: the page
 * answers as the exchange would (the same notice, the same resend cooldown, "too many wrong codes" after as many
 * entries), and no code is ever right.
 */
abstract class ResetPhone {

    private static final String NOTE_PHONE = "phone";
    private static final String NOTE_DECOY_SENT = "decoySent";
    private static final String NOTE_DECOY_WRONG = "decoyWrong";

    /** Whether a code went out (or seemed to) in this step: a refresh then sends nothing. */
    abstract boolean sentOnce();

    abstract Sent send(Channel channel);

    abstract Checked check(String entered);

    /** After an accepted code. */
    abstract void finish();

    /** Forgets the code (the step ends). */
    abstract void clear();

    static ResetPhone real(AuthenticationFlowContext context, UserModel user, PhoneCredentialModel phone) {
        PhoneCodeExchange exchange = new PhoneCodeExchange(context.getSession(), context.getRealm(),
                context.getAuthenticationSession(), ResetNotes.of(context).key(NOTE_PHONE),
                PhoneCodeExchange.Purpose.RESET);
        String clientIp = context.getConnection().getRemoteAddr();
        return new ResetPhone() {
            @Override
            boolean sentOnce() {
                return exchange.number() != null;
            }

            @Override
            Sent send(Channel channel) {
                return exchange.send(phone.number(), channel, user, clientIp);
            }

            @Override
            Checked check(String entered) {
                return exchange.check(entered);
            }

            @Override
            void finish() {
                exchange.finish(user);
            }

            @Override
            void clear() {
                exchange.clear();
            }
        };
    }

    static ResetPhone decoy(AuthenticationFlowContext context, String masked) {
        ResetNotes notes = ResetNotes.of(context);
        return new ResetPhone() {
            @Override
            boolean sentOnce() {
                return notes.get(NOTE_DECOY_SENT) != null;
            }

            @Override
            Sent send(Channel channel) {
                long now = System.currentTimeMillis();
                String[] last = notes.get(NOTE_DECOY_SENT) == null ? new String[0] : notes.get(NOTE_DECOY_SENT).split(":");
                boolean sameChannel = last.length == 2 && last[0].equals(channel.value());
                long lastSent = sameChannel ? parse(last[1]) : 0;
                long wait = SendLimits.cooldownRemaining(channel, lastSent, now);
                if (wait > 0) {
                    return new Sent(Status.COOLDOWN, Message.of(PhoneCodeExchange.SEND_COOLDOWN,
                            Long.toString(SendLimits.secondsUntil(now + wait, now))), false);
                }
                notes.set(NOTE_DECOY_SENT, channel.value() + ":" + now);
                return new Sent(Status.SENT, Message.of(channel == Channel.VOICE ? PhoneCodeExchange.CALL_PLACED
                        : PhoneCodeExchange.TEXT_SENT, masked), sameChannel);
            }

            @Override
            Checked check(String entered) {
                if (entered == null || entered.isBlank()) {
                    return Checked.of(Outcome.MISSING);
                }
                if (!sentOnce()) {
                    return Checked.of(Outcome.EXPIRED);
                }
                int wrong = (int) Math.min(Integer.MAX_VALUE, parse(notes.get(NOTE_DECOY_WRONG)) + 1);
                notes.set(NOTE_DECOY_WRONG, Integer.toString(wrong));
                return Checked.of(wrong < PhoneCode.MAX_FAILURES ? Outcome.WRONG : Outcome.TOO_MANY_FAILURES);
            }

            @Override
            void finish() {
                clear();
            }

            @Override
            void clear() {
                notes.remove(NOTE_DECOY_SENT, NOTE_DECOY_WRONG);
            }
        };
    }

    private static long parse(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE / 2;
        }
    }
}
