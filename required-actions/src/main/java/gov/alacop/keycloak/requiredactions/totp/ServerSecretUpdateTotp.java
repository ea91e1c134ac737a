package gov.alacop.keycloak.requiredactions.totp;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.UpdateTotp;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.FormMessage;

import gov.alacop.keycloak.common.claims.AuthenticationMethod;
import gov.alacop.keycloak.common.claims.SignInMethods;

/**
 * Keycloak's "Configure OTP", with the secret taken from the server. Keycloak's login forms keep the secret they
 * show (QR code and key) in the authentication-session note {@value #SECRET_NOTE}, but {@link UpdateTotp} saves
 * whatever the browser posts in the hidden {@code totpSecret} field when the code matches it, so a forged post
 * could store any string (or fail with a 500 when the field is missing). Here the posted field is replaced by the
 * note before Keycloak's own processing runs: policy, reused-code check, events, labels, cancel and everything
 * else stay Keycloak's. Without a note (the page was never shown in this authentication session) nothing is
 * saved and the page is shown again with a fresh secret.
 */
final class ServerSecretUpdateTotp extends UpdateTotp {

    /** Set by Keycloak's FreeMarker login forms whenever the setup page renders; removed by Keycloak on success. */
    static final String SECRET_NOTE = "TOTP_SECRET_KEY";
    static final String FIELD_SECRET = "totpSecret";

    @Override
    public void processAction(RequiredActionContext context) {
        String secret = context.getAuthenticationSession().getAuthNote(SECRET_NOTE);
        if (secret == null || secret.isEmpty()) {
            context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL_ERROR)
                    .detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE)
                    .error(Errors.INVALID_REQUEST);
            context.challenge(context.form()
                    .addError(new FormMessage("totp", "invalidTotpMessage"))
                    .createResponse(UserModel.RequiredAction.CONFIGURE_TOTP));
            return;
        }
        MultivaluedMap<String, String> posted = context.getHttpRequest().getDecodedFormParameters();
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        posted.forEach((name, values) -> {
            if (!FIELD_SECRET.equals(name)) {
                form.put(name, values);
            }
        });
        form.putSingle(FIELD_SECRET, secret);
        super.processAction(new FormOverridingContext(context, form));
        if (context.getStatus() == RequiredActionContext.Status.SUCCESS) {
            // The code of the new app proves possession of it: the tokens of this sign-in say "otp" (not "mfa").
            SignInMethods.recordSetup(context.getAuthenticationSession(), AuthenticationMethod.OTP);
        }
    }
}
