package gov.alacop.keycloak.it.support;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * Keycloak's cookies as the browser holds them. Keycloak scopes them to the realm's path, so they are read on a
 * page under it (the realm's discovery document).
 */
public final class BrowserCookies {

    public static final String IDENTITY = "KEYCLOAK_IDENTITY";

    private BrowserCookies() {
    }

    /** The cookies the browser sends to the realm's pages. */
    public static Set<Cookie> ofRealm(Browser browser, String realmUrl) {
        browser.open(realmUrl + "/.well-known/openid-configuration");
        return browser.driver().manage().getCookies();
    }

    public static Optional<Cookie> identity(Browser browser, String realmUrl) {
        return ofRealm(browser, realmUrl).stream().filter(c -> IDENTITY.equals(c.getName())).findFirst();
    }

    /**
     * What a browser restart does to the realm's cookies: session cookies (no expiry) are gone, persistent ones
     * stay. Like a new browser context that was handed only the persistent cookies.
     */
    public static void restartBrowser(Browser browser, String realmUrl) {
        List<Cookie> persistent = ofRealm(browser, realmUrl).stream().filter(c -> c.getExpiry() != null).toList();
        WebDriver.Options manage = browser.driver().manage();
        manage.deleteAllCookies();
        for (Cookie cookie : persistent) {
            manage.addCookie(new Cookie.Builder(cookie.getName(), cookie.getValue())
                    .path(cookie.getPath())
                    .expiresOn(cookie.getExpiry())
                    .isHttpOnly(cookie.isHttpOnly())
                    .isSecure(cookie.isSecure())
                    .sameSite(cookie.getSameSite())
                    .build());
        }
    }

    /** Forgets every cookie of the realm, like a fresh browser. */
    public static void clear(Browser browser, String realmUrl) {
        ofRealm(browser, realmUrl);
        browser.driver().manage().deleteAllCookies();
    }
}
