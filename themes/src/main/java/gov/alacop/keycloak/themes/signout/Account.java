package gov.alacop.keycloak.themes.signout;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** How an account is shown on the sign-out pages: the officer's name and the UPN ({@code username@domain}). */
public record Account(String name, String upn) {

    /** The identifier step's provider id and its UPN-domain option (see the authenticators module). */
    static final String IDENTIFIER_PROVIDER_ID = "alacop-identifier";
    static final String UPN_DOMAIN_OPTION = "upnDomain";
    static final String DEFAULT_UPN_DOMAIN = "alacop.gov";

    public static Account of(RealmModel realm, UserModel user) {
        return of(user.getFirstName(), user.getLastName(), user.getUsername(), upnDomain(realm));
    }

    static Account of(String firstName, String lastName, String username, String upnDomain) {
        String name = Stream.of(firstName, lastName)
                .filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
        String user = username.toLowerCase(Locale.ROOT);
        String upn = user.contains("@") || upnDomain == null || upnDomain.isBlank() ? user : user + "@" + upnDomain.strip();
        return new Account(name.isEmpty() ? upn : name, upn);
    }

    /** The UPN domain configured on the realm's identifier step, or the default. */
    static String upnDomain(RealmModel realm) {
        return realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(execution -> IDENTIFIER_PROVIDER_ID.equals(execution.getAuthenticator()))
                .map(AuthenticationExecutionModel::getAuthenticatorConfig)
                .filter(Objects::nonNull)
                .map(realm::getAuthenticatorConfigById)
                .filter(Objects::nonNull)
                .map(AuthenticatorConfigModel::getConfig)
                .map(config -> config.get(UPN_DOMAIN_OPTION))
                .filter(domain -> domain != null && !domain.isBlank())
                .findFirst()
                .orElse(DEFAULT_UPN_DOMAIN);
    }
}
