package gov.alacop.keycloak.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One full AlaCOP sign-in over HTTP as a browser does it, by one officer: the relying party's authorization request
 * (authorization code + PKCE), identifier, password, authenticator-app code, "Stay signed in?" answered No when it is
 * asked, then the relying party's code exchange. Each page's form is posted where the page says, with the fields a
 * browser sends for the button pressed. Static resources (CSS, scripts, images) are not fetched: Keycloak serves them
 * under a versioned path that a browser caches.
 */
final class SignInJourney {

    static final String UPN_DOMAIN = "alacop.gov";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ID_TOKEN = Pattern.compile("\"id_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern USERNAME_CLAIM = Pattern.compile("\"preferred_username\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern NONCE_CLAIM = Pattern.compile("\"nonce\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern TITLE = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL);
    private static final Pattern ALERT = Pattern.compile("class=\"kc-feedback-text\">(.*?)</span>", Pattern.DOTALL);
    private static final Pattern FIELD_ERROR = Pattern.compile("class=\"alacop-field__error\"[^>]*>(.*?)</p>",
            Pattern.DOTALL);
    private static final int MAX_HOPS = 6;

    private final String realmUrl;
    private final String clientId;
    private final String redirectUri;
    private final BrowserSession browser;
    private final HttpClient relyingParty;

    SignInJourney(String realmUrl, String clientId, String redirectUri, BrowserSession browser,
            HttpClient relyingParty) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.browser = browser;
        this.relyingParty = relyingParty;
    }

    /** Signs {@code account} in from a fresh browser session; returns the nanoseconds each step took. */
    Map<Step, Long> signIn(Account account) throws SignInFailure, InterruptedException {
        Map<Step, Long> took = new EnumMap<>(Step.class);
        browser.forgetCookies();
        String state = randomToken();
        String nonce = randomToken();
        String verifier = randomToken() + randomToken();
        long started = System.nanoTime();

        URI authorize = URI.create(realmUrl + "/protocol/openid-connect/auth?client_id=" + encode(clientId)
                + "&response_type=code&scope=openid&redirect_uri=" + encode(redirectUri) + "&state=" + state
                + "&nonce=" + nonce + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256");
        long at = System.nanoTime();
        HttpResponse<String> page = follow(Step.AUTHORIZE, get(Step.AUTHORIZE, authorize));
        took.put(Step.AUTHORIZE, System.nanoTime() - at);
        expect(Step.AUTHORIZE, page, Page.IDENTIFIER);

        at = System.nanoTime();
        page = follow(Step.IDENTIFIER, post(Step.IDENTIFIER, page, "kc-form-login",
                "username=" + encode(account.username() + "@" + UPN_DOMAIN) + "&login="));
        took.put(Step.IDENTIFIER, System.nanoTime() - at);
        expect(Step.IDENTIFIER, page, Page.PASSWORD);

        at = System.nanoTime();
        page = follow(Step.PASSWORD, post(Step.PASSWORD, page, "kc-form-login",
                "password=" + encode(account.password()) + "&login="));
        took.put(Step.PASSWORD, System.nanoTime() - at);
        expect(Step.PASSWORD, page, Page.APP_CODE);

        at = System.nanoTime();
        String code = account.app().next(System.currentTimeMillis());
        page = follow(Step.APP_CODE, post(Step.APP_CODE, page, "alacop-second-factor-form",
                "code=" + code + "&action=verify"));
        took.put(Step.APP_CODE, System.nanoTime() - at);

        if (!isRedirectToRelyingParty(page)) {
            expect(Step.APP_CODE, page, Page.STAY_SIGNED_IN);
            at = System.nanoTime();
            page = follow(Step.STAY_SIGNED_IN, post(Step.STAY_SIGNED_IN, page, "alacop-stay-signed-in-form",
                    "staySignedIn=no"));
            took.put(Step.STAY_SIGNED_IN, System.nanoTime() - at);
            if (!isRedirectToRelyingParty(page)) {
                throw new SignInFailure(Step.STAY_SIGNED_IN, "no redirect to the relying party: " + describe(page));
            }
        }
        Map<String, String> callback = query(page.headers().firstValue("Location").orElseThrow());
        if (callback.containsKey("error")) {
            throw new SignInFailure(Step.STAY_SIGNED_IN, "the relying party got error=" + callback.get("error"));
        }
        if (!state.equals(callback.get("state")) || !callback.containsKey("code")) {
            throw new SignInFailure(Step.STAY_SIGNED_IN, "the redirect to the relying party has no code for its state");
        }

        at = System.nanoTime();
        exchange(callback.get("code"), verifier, nonce, account);
        took.put(Step.TOKEN, System.nanoTime() - at);
        took.put(Step.SIGN_IN, System.nanoTime() - started);
        return took;
    }

    /** The relying party's back channel: code + PKCE verifier for tokens; the ID token names the officer. */
    private void exchange(String code, String verifier, String nonce, Account account)
            throws SignInFailure, InterruptedException {
        String form = "grant_type=authorization_code&client_id=" + encode(clientId) + "&code=" + encode(code)
                + "&redirect_uri=" + encode(redirectUri) + "&code_verifier=" + encode(verifier);
        HttpResponse<String> tokens;
        try {
            tokens = relyingParty.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SignInFailure(Step.TOKEN, e.toString());
        }
        Matcher idToken = ID_TOKEN.matcher(tokens.body());
        if (tokens.statusCode() != 200 || !idToken.find()) {
            throw new SignInFailure(Step.TOKEN, "HTTP " + tokens.statusCode() + " " + shorten(tokens.body()));
        }
        String[] parts = idToken.group(1).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        Matcher username = USERNAME_CLAIM.matcher(claims);
        Matcher echoedNonce = NONCE_CLAIM.matcher(claims);
        if (!username.find() || !account.username().equals(username.group(1))) {
            throw new SignInFailure(Step.TOKEN, "the ID token names another user");
        }
        if (!echoedNonce.find() || !nonce.equals(echoedNonce.group(1))) {
            throw new SignInFailure(Step.TOKEN, "the ID token carries another nonce");
        }
    }

    private HttpResponse<String> get(Step step, URI uri) throws SignInFailure, InterruptedException {
        try {
            return browser.get(uri);
        } catch (IOException e) {
            throw new SignInFailure(step, e.toString());
        }
    }

    /** Posts {@code form} where the page's form {@code formId} posts. */
    private HttpResponse<String> post(Step step, HttpResponse<String> page, String formId, String form)
            throws SignInFailure, InterruptedException {
        Matcher action = Pattern.compile("<form[^>]*id=\"" + formId + "\"[^>]*action=\"([^\"]+)\"")
                .matcher(page.body());
        if (!action.find()) {
            throw new SignInFailure(step, "no form " + formId + " on " + describe(page));
        }
        try {
            return browser.postForm(page.uri().resolve(action.group(1).replace("&amp;", "&")), form);
        } catch (IOException e) {
            throw new SignInFailure(step, e.toString());
        }
    }

    /** Follows Keycloak's own redirects (as the browser would) until a page, or the redirect to the relying party. */
    private HttpResponse<String> follow(Step step, HttpResponse<String> response)
            throws SignInFailure, InterruptedException {
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            if (response.statusCode() / 100 != 3 || isRedirectToRelyingParty(response)) {
                return response;
            }
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new SignInFailure(step, "HTTP " + 302 + " without a Location"));
            response = get(step, response.uri().resolve(location));
        }
        throw new SignInFailure(step, "more than " + MAX_HOPS + " redirects");
    }

    private boolean isRedirectToRelyingParty(HttpResponse<String> response) {
        return response.statusCode() / 100 == 3
                && response.headers().firstValue("Location").orElse("").startsWith(redirectUri);
    }

    private static void expect(Step step, HttpResponse<String> page, Page expected) throws SignInFailure {
        if (page.statusCode() != 200 || Page.of(page.body()) != expected) {
            throw new SignInFailure(step, "expected the " + expected.label + ", got " + describe(page));
        }
    }

    /** HTTP status, which page, and the message it shows: enough to tell what went wrong, nothing the officer typed. */
    static String describe(HttpResponse<String> page) {
        StringBuilder text = new StringBuilder("HTTP ").append(page.statusCode());
        if (page.statusCode() / 100 == 3) {
            return text.append(" to ").append(page.headers().firstValue("Location").orElse("?")
                    .replaceAll("[?#].*", "?…")).toString();
        }
        Page kind = Page.of(page.body());
        text.append(", ").append(kind == Page.OTHER ? "page \"" + firstText(TITLE, page.body()) + "\"" : kind.label);
        String alert = firstText(ALERT, page.body());
        if (!alert.isEmpty()) {
            text.append(": \"").append(alert).append('"');
        }
        String fieldError = firstText(FIELD_ERROR, page.body());
        if (!fieldError.isEmpty()) {
            text.append(" (field: \"").append(fieldError).append("\")");
        }
        return text.toString();
    }

    private static String firstText(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? shorten(m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip()) : "";
    }

    private static String shorten(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    private static Map<String, String> query(String location) {
        Map<String, String> values = new java.util.HashMap<>();
        int q = location.indexOf('?');
        if (q < 0) {
            return values;
        }
        for (String pair : location.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The AlaCOP pages a sign-in passes, told apart by their form. */
    private enum Page {
        IDENTIFIER("identifier page"),
        PASSWORD("password page"),
        APP_CODE("app-code page"),
        STAY_SIGNED_IN("\"Stay signed in?\" page"),
        ENROLLMENT("enrollment wizard"),
        OTHER("other page");

        private final String label;

        Page(String label) {
            this.label = label;
        }

        static Page of(String body) {
            if (body.contains("id=\"alacop-second-factor-form\"")) {
                return APP_CODE;
            }
            if (body.contains("id=\"alacop-stay-signed-in-form\"")) {
                return STAY_SIGNED_IN;
            }
            if (body.contains("id=\"kc-form-login\"")) {
                return body.contains("name=\"password\"") ? PASSWORD
                        : body.contains("name=\"username\"") ? IDENTIFIER : OTHER;
            }
            if (body.contains("id=\"alacop-enrollment")) {
                return ENROLLMENT;
            }
            return OTHER;
        }
    }

    /** An officer's account: username, password and authenticator app. */
    record Account(String username, String password, AppCodes app) {
    }
}
