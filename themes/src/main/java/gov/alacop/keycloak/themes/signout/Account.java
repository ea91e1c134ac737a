package gov.alacop.keycloak.themes.signout;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import gov.alacop.keycloak.common.realm.AlaCopRealm;

/** How an account is shown on the sign-out pages: the officer's name and the UPN ({@code username@domain}). */
public record Account(String name, String upn) {

    public static Account of(RealmModel realm, UserModel user) {
        return of(user.getFirstName(), user.getLastName(), user.getUsername(), AlaCopRealm.upnDomain(realm));
    }

    static Account of(String firstName, String lastName, String username, String upnDomain) {
        String name = Stream.of(firstName, lastName)
                .filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
        String user = username.toLowerCase(Locale.ROOT);
        String upn = user.contains("@") || upnDomain == null || upnDomain.isBlank() ? user : user + "@" + upnDomain.strip();
        return new Account(name.isEmpty() ? upn : name, upn);
    }
}
