package gov.alacop.keycloak.requiredactions.phone;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

import gov.alacop.keycloak.common.events.LoginEventDetails;
import gov.alacop.keycloak.common.messaging.Channel;
import gov.alacop.keycloak.common.messaging.PhoneMask;
import gov.alacop.keycloak.common.phone.PhoneCode;
import gov.alacop.keycloak.common.phone.PhoneCodeSender;
import gov.alacop.keycloak.common.phone.PhoneCodeState;
import gov.alacop.keycloak.common.phone.PhoneCredentialModel;
import gov.alacop.keycloak.common.phone.PhoneNumbers;

/**
 * "Set up your phone": number (national or international form) and text or voice, then a code sent to it that
 * must be entered before the number is saved. A page refresh shows the current step again and never sends.
 * Started from the account console it re-authenticates first (Keycloak's max auth age), so changing the number
 * needs a fully authenticated session.
 */
final class PhoneSetupRequiredAction implements RequiredActionProvider {

    static final String TEMPLATE = "alacop-phone-setup.ftl";
    static final String NOTE_PREFIX = "alacop.phone.setup";
    static final String FIELD_NUMBER = "phoneNumber";
    static final String FIELD_CHANNEL = "channel";
    static final String FIELD_CODE = "code";
    static final String FIELD_ACTION = "action";
    static final String ACTION_SEND = "send";
    static final String ACTION_VERIFY = "verify";
    /** {@code resend-text} or {@code resend-voice}. */
    static final String ACTION_RESEND = "resend-";
    static final String ACTION_CHANGE = "change";
    static final String DETAIL_LAST_DIGITS = "phone_last_digits";
    static final String DETAIL_CHANNEL = "phone_channel";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // Added by the enrollment step, an administrator, or the account console; never by itself.
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        PhoneCodeState state = state(context);
        if (state.number() != null) {
            context.challenge(codeStep(context, state, context.form()));
        } else {
            context.challenge(numberStep(context, null, state.channel(), context.form()));
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst(FIELD_ACTION);
        PhoneCodeState state = state(context);
        if (ACTION_CHANGE.equals(action) || (state.number() == null && !ACTION_SEND.equals(action))) {
            state.clear();
            context.challenge(numberStep(context, null, Channel.TEXT, context.form()));
        } else if (ACTION_SEND.equals(action)) {
            sendFirst(context, state, form);
        } else if (action != null && action.startsWith(ACTION_RESEND)) {
            Channel channel = Channel.parse(action.substring(ACTION_RESEND.length()));
            send(context, state, channel == null ? state.channel() : channel);
        } else {
            verify(context, state, form.getFirst(FIELD_CODE));
        }
    }

    private void sendFirst(RequiredActionContext context, PhoneCodeState state, MultivaluedMap<String, String> form) {
        PhoneSetupConfig config = PhoneSetupConfig.of(context.getConfig());
        String typed = form.getFirst(FIELD_NUMBER);
        Channel channel = Channel.parse(form.getFirst(FIELD_CHANNEL));
        if (channel == null) {
            channel = Channel.TEXT;
        }
        PhoneNumbers.Result number = PhoneNumbers.normalize(typed, config.defaultRegion(), config.allowedCallingCodes(),
                config.allowedRegions());
        if (!number.valid()) {
            String shown = typed != null && typed.length() <= PhoneNumbers.MAX_INPUT_LENGTH ? typed : "";
            LoginFormsProvider page = context.form().addError(switch (number.problem()) {
                case EMPTY -> new FormMessage(FIELD_NUMBER, "alacopPhoneNumberRequired");
                case COUNTRY_NOT_ALLOWED -> new FormMessage(FIELD_NUMBER, "alacopPhoneCountryNotAllowed",
                        config.callingCodesText());
                case REGION_NOT_ALLOWED -> new FormMessage(FIELD_NUMBER, "alacopPhoneRegionNotAllowed",
                        config.regionNamesText());
                case TYPE_NOT_ALLOWED -> new FormMessage(FIELD_NUMBER, "alacopPhoneTypeNotAllowed");
                default -> new FormMessage(FIELD_NUMBER, "alacopPhoneNumberInvalid");
            });
            context.challenge(numberStep(context, shown, channel, page));
            return;
        }
        state.clear();
        state.target(number.e164(), channel);
        send(context, state, channel);
    }

    private void send(RequiredActionContext context, PhoneCodeState state, Channel channel) {
        state.target(state.number(), channel);
        PhoneCodeSender.Result result = new PhoneCodeSender(context.getSession(), context.getRealm())
                .send(state, channel, context.getUser(), context.getConnection().getRemoteAddr(),
                        PhoneCodeSender.Purpose.SETUP);
        LoginFormsProvider page = context.form();
        switch (result.status()) {
            case SENT -> page.setSuccess(channel == Channel.VOICE ? "alacopPhoneCallPlaced" : "alacopPhoneTextSent",
                    PhoneMask.mask(state.number()));
            case COOLDOWN -> page.setError("alacopPhoneSendCooldown", Long.toString(result.retryAfterSeconds()));
            case LIMIT -> page.setError("alacopPhoneSendLimit", minutes(result.retryAfterSeconds()));
            case FAILED -> page.setError("alacopPhoneSendFailed");
        }
        // Also when nothing went out: the code step offers the other channel and another number.
        context.challenge(codeStep(context, state, page));
    }

    private void verify(RequiredActionContext context, PhoneCodeState state, String entered) {
        PhoneCode.Verdict verdict = state.verify(entered, System.currentTimeMillis());
        if (verdict == PhoneCode.Verdict.ACCEPTED) {
            PhoneCredentialModel credential = PhoneCredentialModel.create(state.number(), state.channel(),
                    System.currentTimeMillis());
            // Through the provider, which replaces an earlier number.
            context.getUser().credentialManager().createCredentialThroughProvider(credential);
            context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                    .detail(Details.CREDENTIAL_TYPE, PhoneCredentialModel.TYPE)
                    .detail(DETAIL_LAST_DIGITS, PhoneMask.lastDigits(state.number()))
                    .detail(DETAIL_CHANNEL, state.channel().value())
                    .success();
            state.finish();
            new PhoneCodeSender(context.getSession(), context.getRealm()).exchangeFinished(context.getUser());
            LoginEventDetails.applyTo(context.getEvent(), context.getAuthenticationSession());
            context.success();
            return;
        }
        String message = switch (verdict) {
            case WRONG -> state.attemptsLeft() > 0 ? "alacopPhoneCodeWrong" : "alacopPhoneCodeTooManyFailures";
            case TOO_MANY_FAILURES -> "alacopPhoneCodeTooManyFailures";
            default -> "alacopPhoneCodeExpired";
        };
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL_ERROR)
                .detail(Details.CREDENTIAL_TYPE, PhoneCredentialModel.TYPE)
                .error(verdict == PhoneCode.Verdict.WRONG ? "invalid_code" : "code_" + verdict.name().toLowerCase());
        context.challenge(codeStep(context, state, context.form().addError(new FormMessage(FIELD_CODE, message))));
    }

    private jakarta.ws.rs.core.Response numberStep(RequiredActionContext context, String typed, Channel channel,
                                                   LoginFormsProvider page) {
        PhoneSetupConfig config = PhoneSetupConfig.of(context.getConfig());
        return page.setAttribute("phoneSetup", new PhoneSetupPage(PhoneSetupPage.STEP_NUMBER,
                        typed == null ? "" : typed, channel.value(), null, config.callingCodesText()))
                .createForm(TEMPLATE);
    }

    private jakarta.ws.rs.core.Response codeStep(RequiredActionContext context, PhoneCodeState state,
                                                 LoginFormsProvider page) {
        PhoneSetupConfig config = PhoneSetupConfig.of(context.getConfig());
        return page.setAttribute("phoneSetup", new PhoneSetupPage(PhoneSetupPage.STEP_CODE, "",
                        state.channel().value(), PhoneMask.mask(state.number()), config.callingCodesText()))
                .createForm(TEMPLATE);
    }

    private static PhoneCodeState state(RequiredActionContext context) {
        return new PhoneCodeState(context.getSession(), context.getAuthenticationSession(), NOTE_PREFIX);
    }

    private static String minutes(long seconds) {
        return Long.toString(Math.max(1, (seconds + 59) / 60));
    }

    @Override
    public void close() {
    }
}
