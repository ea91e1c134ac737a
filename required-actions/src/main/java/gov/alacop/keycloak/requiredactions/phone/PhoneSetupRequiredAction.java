package gov.alacop.keycloak.requiredactions.phone;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import gov.alacop.keycloak.common.claims.AuthenticationMethod;
import gov.alacop.keycloak.common.claims.SignInMethods;
import gov.alacop.keycloak.common.events.LoginEventDetails;
import gov.alacop.keycloak.common.messaging.Channel;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Checked;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Message;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Sent;
import gov.alacop.keycloak.common.phone.PhoneCredentialModel;
import gov.alacop.keycloak.common.phone.PhoneMask;
import gov.alacop.keycloak.common.phone.PhoneNumbers;

/**
 * "Set up your phone": number (national or international form) and text or voice, then a code sent to it that
 * must be entered before the number is saved; the code goes through the shared {@link PhoneCodeExchange}. The step
 * shown always follows the stored exchange (the code step while it holds a number), so a page refresh shows the
 * current step again and never sends. Started from the account console it re-authenticates first (Keycloak's max
 * auth age), so changing the number needs a fully authenticated session; started from an application
 * ({@code kc_action}) the page offers Cancel, which Keycloak handles before {@link #processAction}.
 */
final class PhoneSetupRequiredAction implements RequiredActionProvider {

    static final String TEMPLATE = "alacop-phone-setup.ftl";
    static final String NOTE_PREFIX = "alacop.phone.setup";
    static final String FIELD_NUMBER = "phoneNumber";
    static final String FIELD_CHANNEL = "channel";
    static final String FIELD_CODE = "code";
    static final String FIELD_ACTION = "action";
    static final String ACTION_SEND = "send";
    /** {@code resend-text} or {@code resend-voice}. */
    static final String ACTION_RESEND = "resend-";
    static final String ACTION_CHANGE = "change";
    static final String DETAIL_LAST_DIGITS = "phone_last_digits";
    static final String DETAIL_CHANNEL = "phone_channel";

    /** What one request works with: the configuration is read once. */
    private record Request(RequiredActionContext context, PhoneSetupConfig config, PhoneCodeExchange exchange) {

        static Request of(RequiredActionContext context) {
            return new Request(context, PhoneSetupConfig.of(context.getConfig()),
                    PhoneSetupRequiredAction.exchange(context.getSession(), context.getAuthenticationSession()));
        }
    }

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
        Request request = Request.of(context);
        context.challenge(page(request, null, request.exchange().channel(), context.form()));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        Request request = Request.of(context);
        PhoneCodeExchange exchange = request.exchange();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst(FIELD_ACTION);
        if (ACTION_CHANGE.equals(action) || (exchange.number() == null && !ACTION_SEND.equals(action))) {
            exchange.clear();
            context.challenge(page(request, null, Channel.TEXT, context.form()));
        } else if (ACTION_SEND.equals(action)) {
            sendFirst(request, form);
        } else if (action != null && action.startsWith(ACTION_RESEND)) {
            Channel channel = Channel.parse(action.substring(ACTION_RESEND.length()));
            Sent sent = exchange.resend(channel == null ? exchange.channel() : channel, context.getUser(),
                    context.getConnection().getRemoteAddr());
            context.challenge(page(request, null, exchange.channel(), withNotice(context.form(), sent)));
        } else {
            verify(request, form.getFirst(FIELD_CODE));
        }
    }

    /** An officer who cancels a setup opened from an application keeps the phone they had; the typed one is gone. */
    @Override
    public void initiatedActionCanceled(KeycloakSession session, AuthenticationSessionModel authSession) {
        exchange(session, authSession).clear();
    }

    private void sendFirst(Request request, MultivaluedMap<String, String> form) {
        RequiredActionContext context = request.context();
        PhoneSetupConfig config = request.config();
        String typed = form.getFirst(FIELD_NUMBER);
        Channel channel = Channel.parse(form.getFirst(FIELD_CHANNEL));
        if (channel == null) {
            channel = Channel.TEXT;
        }
        PhoneNumbers.Result number = PhoneNumbers.normalize(typed, config.defaultRegion(), config.allowedCallingCodes(),
                config.allowedRegions());
        // Either way the number of an earlier send is over: the page shows the number step, or a new number's code.
        request.exchange().clear();
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
            context.challenge(page(request, shown, channel, page));
            return;
        }
        Sent sent = request.exchange().send(number.e164(), channel, context.getUser(),
                context.getConnection().getRemoteAddr());
        // Also when nothing went out: the code step offers the other channel and another number.
        context.challenge(page(request, null, channel, withNotice(context.form(), sent)));
    }

    private void verify(Request request, String entered) {
        RequiredActionContext context = request.context();
        PhoneCodeExchange exchange = request.exchange();
        Checked checked = exchange.check(entered);
        if (checked.accepted()) {
            String number = exchange.number();
            Channel channel = exchange.channel();
            // Through the provider, which replaces an earlier number.
            context.getUser().credentialManager().createCredentialThroughProvider(
                    PhoneCredentialModel.create(number, channel, System.currentTimeMillis()));
            context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                    .detail(Details.CREDENTIAL_TYPE, PhoneCredentialModel.TYPE)
                    .detail(DETAIL_LAST_DIGITS, PhoneMask.lastDigits(number))
                    .detail(DETAIL_CHANNEL, channel.value())
                    .success();
            exchange.finish(context.getUser());
            SignInMethods.recordSetup(context.getAuthenticationSession(), AuthenticationMethod.phone(channel));
            LoginEventDetails.applyTo(context.getEvent(), context.getAuthenticationSession());
            context.success();
            return;
        }
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL_ERROR)
                .detail(Details.CREDENTIAL_TYPE, PhoneCredentialModel.TYPE)
                .error(checked.eventError());
        Message message = checked.message();
        context.challenge(page(request, null, exchange.channel(), context.form()
                .addError(new FormMessage(FIELD_CODE, message.key(), message.parameterArray()))));
    }

    /**
     * The step the stored exchange is at: the code step while it holds a number, else the number step (with what
     * was typed and the channel chosen, after a refusal).
     */
    private static Response page(Request request, String typed, Channel channel, LoginFormsProvider form) {
        PhoneCodeExchange exchange = request.exchange();
        String callingCodes = request.config().callingCodesText();
        PhoneSetupBean bean = exchange.number() != null
                ? PhoneSetupBean.codeStep(exchange.channel(), exchange.maskedNumber(), callingCodes)
                : PhoneSetupBean.numberStep(typed, channel, callingCodes);
        return form.setAttribute("phoneSetup", bean).createForm(TEMPLATE);
    }

    /** The page says where the code went; a notice only for an error or a repeated send. */
    private static LoginFormsProvider withNotice(LoginFormsProvider form, Sent sent) {
        if (sent.failed()) {
            return form.setError(sent.message().key(), sent.message().parameterArray());
        }
        return sent.worthNotice() ? form.setSuccess(sent.message().key(), sent.message().parameterArray()) : form;
    }

    private static PhoneCodeExchange exchange(KeycloakSession session, AuthenticationSessionModel authSession) {
        return new PhoneCodeExchange(session, authSession.getRealm(), authSession, NOTE_PREFIX,
                PhoneCodeExchange.Purpose.SETUP);
    }

    @Override
    public void close() {
    }
}
