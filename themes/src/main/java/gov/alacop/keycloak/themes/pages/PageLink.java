package gov.alacop.keycloak.themes.pages;

import java.util.Objects;
import java.util.Optional;

/**
 * The one way onward that Keycloak's info and error pages offer, decided the way Keycloak's own templates do,
 * so ours only display it: back to the application that redirected here, or on to a pending action.
 * A class, not a record, so that FreeMarker reads {@code link.url} as the property.
 */
public final class PageLink {

    static final String BACK_TO_APPLICATION = "backToApplication";
    static final String PROCEED_WITH_ACTION = "proceedWithAction";

    private final String url;
    private final String messageKey;

    /**
     * @param url        where the link goes
     * @param messageKey the link text's message key
     */
    PageLink(String url, String messageKey) {
        this.url = url;
        this.messageKey = messageKey;
    }

    /**
     * @param skipLink        Keycloak asked for no link (the client is its placeholder, not a real application)
     * @param pageRedirectUri a validated address Keycloak wants the user to return to, or null
     * @param actionUri       a pending action's address (info page only), or null
     * @param clientHomeUrl   the client's registered home URL, or null
     */
    public static Optional<PageLink> choose(boolean skipLink, String pageRedirectUri, String actionUri, String clientHomeUrl) {
        if (skipLink) {
            return Optional.empty();
        }
        if (hasText(pageRedirectUri)) {
            return Optional.of(new PageLink(pageRedirectUri, BACK_TO_APPLICATION));
        }
        if (hasText(actionUri)) {
            return Optional.of(new PageLink(actionUri, PROCEED_WITH_ACTION));
        }
        return hasText(clientHomeUrl) ? Optional.of(new PageLink(clientHomeUrl, BACK_TO_APPLICATION)) : Optional.empty();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** Where the link goes. */
    public String getUrl() {
        return url;
    }

    /** The link text's message key. */
    public String getMessageKey() {
        return messageKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PageLink link && url.equals(link.url) && messageKey.equals(link.messageKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, messageKey);
    }

    @Override
    public String toString() {
        return messageKey + " -> " + url;
    }
}
