package gov.alacop.keycloak.themes.signout;

import java.util.Optional;

/**
 * Where "Click here to log in to the previous application again" may lead after a sign-out. Only addresses the
 * application registered itself are ever offered: a post-logout redirect URI that Keycloak validated against the
 * client's registered list, or the client's registered home URL. Nothing typed into a request is offered as such.
 */
public final class PreviousApplication {

    private PreviousApplication() {
    }

    /**
     * @param knownApplication       the sign-out named a real application (not Keycloak's placeholder client)
     * @param validatedRedirectUri   the post-logout redirect URI after Keycloak validated it, or null
     * @param registeredHomeUrl      the client's registered home (base) URL, resolved, or null
     */
    public static Optional<String> link(boolean knownApplication, String validatedRedirectUri, String registeredHomeUrl) {
        if (!knownApplication) {
            return Optional.empty();
        }
        if (hasText(validatedRedirectUri)) {
            return Optional.of(validatedRedirectUri);
        }
        return hasText(registeredHomeUrl) ? Optional.of(registeredHomeUrl) : Optional.empty();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
