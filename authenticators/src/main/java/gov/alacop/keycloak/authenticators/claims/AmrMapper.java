package gov.alacop.keycloak.authenticators.claims;

import java.util.List;

import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.utils.AmrUtils;
import org.keycloak.representations.IDToken;

import gov.alacop.keycloak.common.claims.SignInMethods;

/**
 * The {@code amr} claim (RFC 8176): what the AlaCOP steps recorded ({@link SignInMethods}) and, so that a stock step
 * an agency adds keeps its value, the references Keycloak's own {@code oidc-amr-mapper} would give (each completed
 * execution's {@code default.reference.value}, within its {@code default.reference.maxAge}). Keycloak's mapper alone
 * does not fit: it gives one fixed value per execution, and the AlaCOP second factor is one execution that verifies
 * the app, a text or a voice code.
 */
public final class AmrMapper extends ClaimMapper {

    public static final String PROVIDER_ID = "alacop-amr-mapper";
    public static final String CLAIM = "amr";

    public AmrMapper() {
        super(PROVIDER_ID, "AlaCOP authentication methods (amr)",
                "Adds the claim 'amr': the methods verified at sign-in (pwd, otp, sms, tel, kba, mfa), plus the "
                        + "reference values of other steps as Keycloak's 'Authentication Method Reference (AMR)' "
                        + "mapper gives them.",
                List.of());
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        List<String> stock = AmrUtils.getAuthenticationExecutionReferences(
                AuthenticatorUtils.parseCompletedExecutions(userSession.getNote(Constants.AUTHENTICATORS_COMPLETED)),
                userSession.getRealm());
        List<String> amr = SignInMethods.claim(userSession.getNote(SignInMethods.NOTE), stock);
        if (!amr.isEmpty()) {
            token.getOtherClaims().put(CLAIM, amr);
        }
    }
}
