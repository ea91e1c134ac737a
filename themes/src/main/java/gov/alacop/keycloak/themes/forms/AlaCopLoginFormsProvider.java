package gov.alacop.keycloak.themes.forms;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.MessageType;
import org.keycloak.forms.login.freemarker.FreeMarkerLoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.SystemClientUtil;
import org.keycloak.protocol.oidc.FrontChannelLogoutHandler;
import org.keycloak.services.messages.Messages;
import org.keycloak.services.util.ResolveRelative;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.theme.Theme;

import gov.alacop.keycloak.themes.pages.PageLink;
import gov.alacop.keycloak.themes.signout.Account;
import gov.alacop.keycloak.themes.signout.PreviousApplication;
import gov.alacop.keycloak.themes.signout.SignOutBean;

/**
 * Keycloak's FreeMarker login pages plus the data the AlaCOP sign-out pages need, so that their templates only
 * display: a {@code signOut} bean on the account confirmation, the "please wait" page and the signed-out page,
 * and a {@code pageLink} (the link onward) on the info and error pages.
 * Keycloak shows "you are logged out" through its generic info page; for themes that have
 * {@value #SIGNED_OUT_TEMPLATE} that one message is rendered by it instead. Keycloak's generic "you need to ..."
 * warnings are left off the required-action pages that explain themselves ({@link #STOCK_ACTION_MESSAGES}).
 */
final class AlaCopLoginFormsProvider extends FreeMarkerLoginFormsProvider {

    static final String SIGN_OUT_ATTRIBUTE = "signOut";
    static final String SIGNED_OUT_TEMPLATE = "alacop-signed-out.ftl";
    private static final String LOGOUT_CONFIRM_TEMPLATE = "logout-confirm.ftl";
    private static final String FRONT_CHANNEL_LOGOUT_TEMPLATE = "frontchannel-logout.ftl";
    private static final String INFO_TEMPLATE = "info.ftl";
    private static final String ERROR_TEMPLATE = "error.ftl";
    /** Set by Keycloak on the info page when a validated return address is to be offered as a link. */
    private static final String PAGE_REDIRECT_URI = "pageRedirectUri";
    /** Set by Keycloak on the info page for a pending action (e.g. an e-mailed link). */
    private static final String ACTION_URI = "actionUri";
    static final String PAGE_LINK_ATTRIBUTE = "pageLink";
    /**
     * The client's "Logout confirmation" switch (26.5+). Read as the attribute rather than through
     * {@code OIDCAdvancedConfigWrapper.isLogoutConfirmationEnabled()}, which 26.4 does not have (NoSuchMethodError);
     * 26.4 has no such switch, so there the attribute is absent and the page continues as Keycloak does.
     */
    private static final String LOGOUT_CONFIRMATION_ATTRIBUTE = "logout.confirmation.enabled";
    private static final String MESSAGE_ATTRIBUTE = "message";
    /**
     * The warnings Keycloak puts above a required action's page when it has no message of its own ("You need to set
     * up Mobile Authenticator to activate your account.", "You need to change your password to activate your
     * account."). Our pages say why in their own words, so these are not shown on them.
     */
    static final Map<String, Set<String>> STOCK_ACTION_MESSAGES = Map.of(
            "login-config-totp.ftl", Set.of(Messages.CONFIGURE_TOTP),
            "login-update-password.ftl", Set.of(Messages.UPDATE_PASSWORD, Messages.RESET_PASSWORD));

    AlaCopLoginFormsProvider(KeycloakSession session) {
        super(session);
    }

    @Override
    protected Response processTemplate(Theme theme, String templateName, Locale locale) {
        String template = templateName;
        switch (templateName) {
            case LOGOUT_CONFIRM_TEMPLATE -> attributes.put(SIGN_OUT_ATTRIBUTE, new SignOutBean(account(), null, null));
            case FRONT_CHANNEL_LOGOUT_TEMPLATE -> attributes.put(SIGN_OUT_ATTRIBUTE, frontChannelLogout());
            case INFO_TEMPLATE -> {
                if (Messages.SUCCESS_LOGOUT.equals(getFirstMessageUnformatted()) && hasTemplate(theme, SIGNED_OUT_TEMPLATE)) {
                    attributes.put(SIGN_OUT_ATTRIBUTE, new SignOutBean(null, previousApplication(text(PAGE_REDIRECT_URI)), null));
                    template = SIGNED_OUT_TEMPLATE;
                } else {
                    putPageLink(text(PAGE_REDIRECT_URI), text(ACTION_URI));
                }
            }
            case ERROR_TEMPLATE -> putPageLink(null, null);
            default -> {
                // other pages need nothing extra
            }
        }
        if (messageType == MessageType.WARNING
                && STOCK_ACTION_MESSAGES.getOrDefault(templateName, Set.of()).contains(getFirstMessageUnformatted())) {
            attributes.remove(MESSAGE_ATTRIBUTE);
        }
        return super.processTemplate(theme, template, locale);
    }

    /**
     * Keycloak's "logging out" page runs the applications' front-channel sign-outs. When the application asked to
     * return to a validated address and wants no confirmation, the page continues there (Keycloak's behaviour);
     * otherwise it ends on the signed-out message.
     */
    private SignOutBean frontChannelLogout() {
        FrontChannelLogoutHandler handler = FrontChannelLogoutHandler.current(session);
        String redirect = handler == null ? null : handler.getLogoutRedirectUri();
        ClientModel application = application();
        boolean confirm = application != null
                && Boolean.parseBoolean(application.getAttribute(LOGOUT_CONFIRMATION_ATTRIBUTE));
        String continueUrl = redirect != null && !confirm ? redirect : null;
        return new SignOutBean(null, previousApplication(confirm ? redirect : null), continueUrl);
    }

    /** The info and error pages' link onward (see {@link PageLink}), when there is one. */
    private void putPageLink(String pageRedirectUri, String actionUri) {
        ClientModel application = application();
        String home = application == null ? null
                : ResolveRelative.resolveRelativeUri(session, application.getRootUrl(), application.getBaseUrl());
        PageLink.choose(attributes.containsKey(Constants.SKIP_LINK), pageRedirectUri, actionUri, home)
                .ifPresent(link -> attributes.put(PAGE_LINK_ATTRIBUTE, link));
    }

    private String text(String attribute) {
        Object value = attributes.get(attribute);
        return value == null ? null : value.toString();
    }

    private String previousApplication(String validatedRedirectUri) {
        ClientModel application = application();
        boolean known = application != null
                && !application.getId().equals(SystemClientUtil.getSystemClient(realm).getId());
        String home = application == null ? null
                : ResolveRelative.resolveRelativeUri(session, application.getRootUrl(), application.getBaseUrl());
        return PreviousApplication.link(known, validatedRedirectUri, home).orElse(null);
    }

    private Account account() {
        UserModel account = user;
        AuthenticationSessionModel authSession = authSession();
        if (account == null && authSession != null) {
            account = authSession.getAuthenticatedUser();
        }
        return account == null ? null : Account.of(realm, account);
    }

    private ClientModel application() {
        AuthenticationSessionModel authSession = authSession();
        return authSession != null ? authSession.getClient() : client;
    }

    private AuthenticationSessionModel authSession() {
        return authenticationSession != null ? authenticationSession : session.getContext().getAuthenticationSession();
    }

    private static boolean hasTemplate(Theme theme, String name) {
        try {
            return theme.getTemplate(name) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
