package gov.alacop.keycloak.it.existing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.openqa.selenium.By;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.EnrollmentPage;
import gov.alacop.keycloak.it.pages.IdentifierPage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.pages.SignOutPage;
import gov.alacop.keycloak.it.pages.SignedOutPage;
import gov.alacop.keycloak.it.pages.UpdatePasswordPage;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.ItSettings;
import gov.alacop.keycloak.it.support.Jwt;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;
import gov.alacop.keycloak.it.support.WithBrowser;

/**
 * An agency's Keycloak as it runs before AlaCOP: its own realm with users (passwords, authenticator apps), two
 * clients, groups and roles, a browser flow of its own, a password policy with one rule stricter than AlaCOP's, a
 * user-profile attribute of its own and another login theme. The bundle is deployed, then the setup: dry run, apply,
 * apply again, the officers' sign-ins through the AlaCOP pages, the undo, and a Keycloak without the bundle on the
 * same database. Runs on a Keycloak and a database of its own.
 */
@WithBrowser
@Tag("smoke")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Installing AlaCOP into an existing realm: setup, sign-ins, undo, removal")
class ExistingRealmSetupIT {

    static final String REALM = "agency";
    /** A realm with nothing of its own, for the command line and the comparison with the shipped file. */
    static final String BARE = "bare";
    private static final String AGENCY_FLOW = "agency browser";
    private static final String AGENCY_POLICY = "length(16) and notUsername";
    private static final String AGENCY_THEME = "keycloak";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The officer's app signs in several times: each code of a later period (a code is accepted once). */
    private final RealmAdmin.AppCodes codes = new RealmAdmin.AppCodes();
    private KeycloakServer server;
    private RealmAdmin admin;
    private TestApplication application;
    private TestUser withApp;
    private TestUser passwordOnly;
    private JsonNode exportBefore;
    private Map<String, List<String>> credentialsBefore;
    private JsonPath appliedPlan;

    @BeforeAll
    void agencyKeycloak() {
        server = KeycloakServer.standalone(home("existing"), database(), true, true, REALM, "keycloak-existing.log");
        admin = RealmAdmin.of(server);
        application = TestApplication.start(server, "lets");
        buildAgencyRealm();
    }

    @AfterAll
    void stop() {
        if (application != null) {
            application.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (server != null) {
            server.shutdown();
        }
    }

    @Test
    @Order(1)
    @DisplayName("the dry run plans AlaCOP's changes, keeps the stricter minimum length, and changes nothing")
    void dryRun() {
        JsonPath plan = setup("?dryRun=true&clients=lets", 200);
        assertThat(plan.getBoolean("dryRun")).isTrue();
        assertThat(plan.getBoolean("applied")).isFalse();
        List<String> what = plan.getList("changes.what");
        assertThat(what).contains("record of the previous settings (for the undo)",
                "flow 'alacop browser'", "flow 'alacop browser forms'", "flow 'alacop second factor'",
                "flow 'alacop direct grant'", "flow 'alacop reset credentials'",
                "step settings 'alacop-identifier'", "step settings 'alacop-password'",
                "browser flow binding", "reset-credentials flow binding", "direct-grant flow binding",
                "required action 'alacop-phone-setup'", "required action 'alacop-security-questions-setup'",
                "required action 'alacop-mfa-enrollment'", "required action 'alacop-stay-signed-in'",
                "password policy", "brute-force protection", "login events", "admin events", "login theme",
                "user-profile attributes", "forgot password (reset credentials allowed)");
        assertThat(what).allSatisfy(w -> assertThat(w).doesNotContain("agency browser", "records"));
        assertThat(change(plan, "browser flow binding")).containsEntry("before", AGENCY_FLOW)
                .containsEntry("after", "alacop browser");
        assertThat(change(plan, "login theme")).containsEntry("before", AGENCY_THEME).containsEntry("after", "alacop");
        assertThat(change(plan, "password policy").get("after")).startsWith("length(16) and notUsername and")
                .contains("passwordHistory(24)", "alacopMinPasswordAge(24)").doesNotContain("length(14)");
        assertThat(plan.getList("kept.what")).contains("password policy: length");
        assertThat(plan.getList("conflicts.what")).as("reported, not overwritten: the setup never touches clients")
                .containsExactly("client 'records': direct-grant flow override");
        JsonNode afterDryRun = partialExport();
        assertThat(differences("", exportBefore, afterDryRun)).as("a dry run changes nothing").isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("apply changes what the plan says and nothing else; users, credentials, other clients, groups, "
            + "roles and the agency's flow stay; a second run plans nothing")
    void applyThenAgain() {
        appliedPlan = setup("?clients=lets", 200);
        assertThat(appliedPlan.getBoolean("applied")).isTrue();
        JsonNode after = partialExport();
        Set<String> planned = new TreeSet<>(appliedPlan.getList("changes.what"));

        for (String key : differingKeys(exportBefore, after)) {
            assertThat(PLAN_OF_KEY).as("realm setting %s changed", key).containsKey(key);
            assertThat(planned).as("the plan names the change of %s: %s", key,
                    differences(key, exportBefore.get(key), after.get(key)))
                    .anyMatch(what -> what.startsWith(PLAN_OF_KEY.get(key)));
        }
        assertThat(byName(after.get("authenticationFlows"), "alias").get(AGENCY_FLOW))
                .isEqualTo(byName(exportBefore.get("authenticationFlows"), "alias").get(AGENCY_FLOW));
        Map<String, JsonNode> clientsBefore = byName(exportBefore.get("clients"), "clientId");
        Map<String, JsonNode> clientsAfter = byName(after.get("clients"), "clientId");
        clientsBefore.forEach((clientId, client) -> {
            if (!clientId.equals("lets")) {
                assertThat(clientsAfter.get(clientId)).as("client %s", clientId).isEqualTo(client);
            }
        });
        assertThat(differences("groups", exportBefore.get("groups"), after.get("groups"))).isEmpty();
        assertThat(differences("roles", exportBefore.get("roles"), after.get("roles"))).isEmpty();
        assertThat(credentials()).as("users and their credentials").isEqualTo(credentialsBefore);
        assertThat(admin.realm(REALM).users().userProfile().getConfiguration().getAttribute("badgeNumber"))
                .as("the agency's own user-profile attribute").isNotNull();

        JsonPath again = setup("?clients=lets", 200);
        assertThat(again.getList("changes")).as("a second run plans nothing").isEmpty();
        assertThat(again.getBoolean("applied")).isFalse();
        assertThat(differences("", after, partialExport())).as("the second run changed nothing").isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("an existing officer signs in through the AlaCOP pages with the authenticator app set up before")
    void existingOfficerSignsIn(Browser browser) {
        IdentifierPage identifier = ApplicationPage.startSignIn(browser, application);
        browser.screenshot("identifier");
        identifier.next(withApp.username()).enter(withApp.password());
        SecondFactorPage second = new SecondFactorPage(browser);
        browser.screenshot("second-factor");
        ApplicationPage signedIn = second.verify(codes.next());
        assertThat(signedIn.signedInUser()).isEqualTo(withApp.username());
        JsonNode idToken = Jwt.claims(signedIn.idToken());
        assertThat(idToken.path("upn").asText()).as("the claims of the clients the setup bound")
                .isEqualTo(withApp.username() + "@alacop.gov");
        List<String> amr = new java.util.ArrayList<>();
        idToken.path("amr").forEach(value -> amr.add(value.asText()));
        assertThat(amr).containsExactly("pwd", "otp", "mfa");

        SignOutPage.open(browser, server.realmUrl(), "client_id=lets").signOut();
        new SignedOutPage(browser);
        browser.screenshot("signed-out");
        browser.open(application.loginUrl());
        assertThat(new IdentifierPage(browser).title()).as("signed out: the sign-in starts again").isNotBlank();
    }

    @Test
    @Order(4)
    @DisplayName("an officer with only a password is offered the enrollment and can skip it")
    void passwordOnlyOfficerSkipsEnrollment(Browser browser) {
        ApplicationPage.startSignIn(browser, application).next(passwordOnly.username()).enter(passwordOnly.password());
        EnrollmentPage wizard = new EnrollmentPage(browser);
        assertThat(wizard.skipOffered()).isTrue();
        browser.screenshot("enrollment");
        assertThat(ApplicationPage.afterSignIn(browser).signedInUser()).isEqualTo(passwordOnly.username());
    }

    @Test
    @Order(5)
    @DisplayName("a new officer: temporary password from the AlaCOP API, the realm's stricter length, the wizard")
    void newOfficerFirstSignIn(Browser browser) {
        String username = TestUsers.freshUsername("new");
        String userId = TestUsers.officer("Diana", "Prince").withUsername(username).withOri(null).withoutPassword()
                .toEnroll().create(admin.realm(REALM)).id();
        given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON).body("{\"ssnLast4\":\"1941\"}")
                .post(server.baseUrl() + "/admin/realms/" + REALM + "/alacop/users/" + userId + "/temporary-password")
                .then().statusCode(200);

        ApplicationPage.startSignIn(browser, application).next(username).enter("New$Alacop#p1941d");
        UpdatePasswordPage update = new UpdatePasswordPage(browser, "update-password");
        update = update.refused("New$Alacop#p1941d", "Justice#2027xy", "Justice#2027xy", "too-short-for-agency");
        assertThat(update.fieldError("password-new")).as("the agency's 16 characters, not AlaCOP's 14")
                .hasValueSatisfying(message -> assertThat(message).contains("16"));
        assertThat(update.accepted("New$Alacop#p1941d", "Themyscira#Amazon2027").signedInUser()).isEqualTo(username);
    }

    @Test
    @Order(6)
    @DisplayName("bad options are clear 4xx answers that change nothing")
    void badOptions() {
        JsonNode before = partialExport();
        assertThat(setup("?dryrun=true", 400).getString("error")).isEqualTo("unknown_option");
        assertThat(setup("?dryRun=maybe", 400).getString("error")).isEqualTo("invalid_option");
        assertThat(setup("?clients=nope", 404).getString("error")).isEqualTo("unknown_client");
        given().auth().oauth2("not-a-token").post(setupUrl("")).then().statusCode(401);
        try (Keycloak auditor = auditor()) {
            String token = auditor.tokenManager().getAccessTokenString();
            assertThat(given().auth().oauth2(token).accept(ContentType.JSON).post(setupUrl("?dryRun=true"))
                    .statusCode()).as("view-realm may see the plan").isEqualTo(200);
            assertThat(given().auth().oauth2(token).accept(ContentType.JSON).post(setupUrl("")).statusCode())
                    .as("applying needs manage-realm").isEqualTo(403);
            assertThat(given().auth().oauth2(token).accept(ContentType.JSON).delete(setupUrl("")).statusCode())
                    .as("the undo needs manage-realm").isEqualTo(403);
        }
        assertThat(differences("", before, partialExport())).as("refused calls changed nothing").isEmpty();
    }

    @Test
    @Order(7)
    @DisplayName("the command line on a bare realm: a readable dry run, apply gives every AlaCOP setting as shipped, "
            + "undo")
    void commandLineOnABareRealm() throws Exception {
        RealmRepresentation bare = new RealmRepresentation();
        bare.setRealm(BARE);
        bare.setEnabled(true);
        admin.keycloak().realms().create(bare);
        admin.realm(BARE).clients().create(client("lets", true)).close();

        SetupCli.Run dryRun = SetupCli.run(server, BARE, "--dry-run", "--clients", "lets");
        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).startsWith("AlaCOP setup of realm 'bare' (dry run: nothing changed)")
                .contains("  change    browser flow binding: browser -> alacop browser",
                        "  change    password policy: (none) -> length(14) and maxLength(128)")
                .doesNotContain("CONFLICT");
        assertThat(admin.realm(BARE).toRepresentation().getBrowserFlow()).isEqualTo("browser");

        SetupCli.Run apply = SetupCli.run(server, BARE, "--apply", "--clients", "lets");
        assertThat(apply.exitCode()).as(apply.output()).isZero();
        assertThat(apply.output()).contains("(applied)");
        ShippedRealmComparison.assertSetupMatchesShippedFile(partialExport(BARE),
                JSON.readTree(ItSettings.projectDir().resolve("realm-export/alacop-realm.json").toFile()),
                admin.realm(BARE).users().userProfile().getConfiguration());

        SetupCli.Run again = SetupCli.run(server, BARE, "--apply", "--clients", "lets");
        assertThat(again.output()).contains("(nothing to change)", "0 changes");

        SetupCli.Run undo = SetupCli.run(server, BARE, "--undo");
        assertThat(undo.exitCode()).as(undo.output()).isZero();
        assertThat(undo.output()).startsWith("AlaCOP undo of realm 'bare' (applied)")
                .contains("  change    browser flow binding: alacop browser -> browser");
        RealmRepresentation undone = admin.realm(BARE).toRepresentation();
        assertThat(undone.getBrowserFlow()).isEqualTo("browser");
        assertThat(undone.getPasswordPolicy()).isNullOrEmpty();

        SetupCli.Run refused = SetupCli.run(server, BARE, "--apply", "--clients", "nope");
        assertThat(refused.exitCode()).isEqualTo(4);
        assertThat(refused.output()).contains("unknown_client");
        SetupCli.Run wrongPassword = SetupCli.runAs(server, BARE, "not-the-password", "--dry-run");
        assertThat(wrongPassword.exitCode()).isEqualTo(3);
        assertThat(wrongPassword.output()).contains("sign-in to master refused").doesNotContain("not-the-password");
    }

    @Test
    @Order(8)
    @DisplayName("undo: the agency's flow, theme and policy come back, stock sign-in works, a second undo plans nothing")
    void undo(Browser browser) {
        JsonPath plan = undo("", 200);
        assertThat(change(plan, "browser flow binding")).containsEntry("after", AGENCY_FLOW);
        assertThat(change(plan, "password policy")).containsEntry("after", AGENCY_POLICY);
        RealmRepresentation realm = admin.realm(REALM).toRepresentation();
        assertThat(realm.getBrowserFlow()).isEqualTo(AGENCY_FLOW);
        assertThat(realm.getResetCredentialsFlow()).isEqualTo("reset credentials");
        assertThat(realm.getDirectGrantFlow()).isEqualTo("direct grant");
        assertThat(realm.getLoginTheme()).isEqualTo(AGENCY_THEME);
        assertThat(realm.getPasswordPolicy()).isEqualTo(AGENCY_POLICY);
        assertThat(undo("", 200).getList("changes")).as("a second undo plans nothing").isEmpty();
        assertThat(credentials().get(withApp.username())).as("officers keep their AlaCOP-era credentials")
                .isEqualTo(credentialsBefore.get(withApp.username()));

        stockSignIn(browser, "stock-after-undo");
    }

    @Test
    @Order(9)
    @DisplayName("a Keycloak without the bundle starts on the database after the undo and signs officers in")
    void keycloakWithoutTheBundle(Browser browser) {
        application.close();
        admin.close();
        server.shutdown();
        server = KeycloakServer.standalone(home("plain"), database(), false, false, REALM, "keycloak-plain.log");
        admin = RealmAdmin.of(server);
        application = TestApplication.start(server, "lets");
        allowRedirects();
        assertThat(server.logText()).doesNotContain("Password policy not found");
        stockSignIn(browser, "stock-without-bundle");
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Realm settings (keys of the partial export) and the plan entry that must name their change. */
    private static final Map<String, String> PLAN_OF_KEY = Map.ofEntries(
            Map.entry("browserFlow", "browser flow binding"),
            Map.entry("resetCredentialsFlow", "reset-credentials flow binding"),
            Map.entry("directGrantFlow", "direct-grant flow binding"),
            Map.entry("authenticationFlows", "flow 'alacop"),
            Map.entry("authenticatorConfig", "step settings 'alacop"),
            Map.entry("requiredActions", "required action"),
            Map.entry("passwordPolicy", "password policy"),
            Map.entry("bruteForceProtected", "brute-force protection"),
            Map.entry("failureFactor", "brute force: failures"),
            Map.entry("waitIncrementSeconds", "brute force: wait increment"),
            Map.entry("maxFailureWaitSeconds", "brute force: max wait"),
            Map.entry("maxDeltaTimeSeconds", "brute force: failure reset"),
            Map.entry("quickLoginCheckMilliSeconds", "brute force: quick-login check"),
            Map.entry("minimumQuickLoginWaitSeconds", "brute force: minimum quick-login"),
            Map.entry("eventsEnabled", "login events"),
            Map.entry("eventsExpiration", "login events retention"),
            Map.entry("eventsListeners", "event listeners"),
            Map.entry("adminEventsEnabled", "admin events"),
            Map.entry("adminEventsDetailsEnabled", "admin events: include representation"),
            Map.entry("attributes", "record of the previous settings"),
            Map.entry("otpPolicyLookAheadWindow", "OTP policy"),
            Map.entry("otpPolicyCodeReusable", "OTP policy"),
            Map.entry("loginTheme", "login theme"),
            Map.entry("resetPasswordAllowed", "forgot password"),
            Map.entry("rememberMe", "remember me"),
            Map.entry("ssoSessionIdleTimeoutRememberMe", "remember-me session idle"),
            Map.entry("ssoSessionMaxLifespanRememberMe", "remember-me session max"),
            Map.entry("components", "user-profile attributes"),
            Map.entry("clients", "client 'lets': token mapper"));

    private void buildAgencyRealm() {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(REALM);
        realm.setDisplayName("Agency");
        realm.setEnabled(true);
        realm.setLoginTheme(AGENCY_THEME);
        realm.setPasswordPolicy(AGENCY_POLICY);
        realm.setSslRequired("external");
        admin.keycloak().realms().create(realm);
        RealmResource agency = admin.realm(REALM);

        agency.flows().copy("browser", Map.of("newName", AGENCY_FLOW)).close();
        RealmRepresentation bound = agency.toRepresentation();
        bound.setBrowserFlow(AGENCY_FLOW);
        agency.update(bound);

        agency.clients().create(client("lets", true)).close();
        ClientRepresentation records = client("records", false);
        // The agency's own password grant for this client: the setup reports it and leaves it.
        records.setAuthenticationFlowBindingOverrides(Map.of("direct_grant",
                agency.flows().getFlows().stream().filter(f -> f.getAlias().equals("direct grant")).findFirst()
                        .orElseThrow().getId()));
        agency.clients().create(records).close();
        allowRedirects();
        GroupRepresentation patrol = new GroupRepresentation();
        patrol.setName("patrol");
        agency.groups().add(patrol).close();
        RoleRepresentation officer = new RoleRepresentation();
        officer.setName("officer");
        agency.roles().create(officer);

        UPConfig profile = agency.users().userProfile().getConfiguration();
        UPAttribute badge = new UPAttribute("badgeNumber");
        badge.setDisplayName("Badge number");
        badge.setPermissions(new UPAttributePermissions(Set.of("admin", "user"), Set.of("admin")));
        profile.addOrReplaceAttribute(badge);
        agency.users().userProfile().update(profile);

        withApp = TestUsers.officer("Jane", "Doe").withOri(null).withTotp().create(agency);
        passwordOnly = TestUsers.officer("Rick", "Roe").withOri(null).toEnroll().create(agency);
        exportBefore = partialExport();
        credentialsBefore = credentials();
    }

    private ClientRepresentation client(String clientId, boolean publicClient) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setEnabled(true);
        client.setPublicClient(publicClient);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        if (publicClient) {
            client.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        } else {
            client.setSecret("records-secret-for-tests-only");
        }
        return client;
    }

    private void allowRedirects() {
        RealmResource agency = admin.realm(REALM);
        ClientRepresentation lets = agency.clients().findByClientId("lets").get(0);
        lets.setRedirectUris(List.of(application.baseUrl() + "/*"));
        Map<String, String> attributes = lets.getAttributes();
        attributes.put("post.logout.redirect.uris", application.baseUrl() + "/*");
        agency.clients().get(lets.getId()).update(lets);
    }

    /** Keycloak's own pages (the agency's theme and flow): username and password, then the authenticator app. */
    private void stockSignIn(Browser browser, String screenshot) {
        browser.open(application.loginUrl());
        browser.waiting().until(d -> !d.findElements(By.id("kc-form-login")).isEmpty());
        assertThat(browser.driver().findElements(By.id("alacop-identifier-form"))).isEmpty();
        browser.driver().findElement(By.id("username")).sendKeys(withApp.username());
        browser.driver().findElement(By.id("password")).sendKeys(withApp.password());
        browser.screenshot(screenshot + "-password");
        browser.driver().findElement(By.id("kc-login")).click();
        browser.waiting().until(d -> !d.findElements(By.id("otp")).isEmpty());
        browser.driver().findElement(By.id("otp")).sendKeys(codes.next());
        browser.driver().findElement(By.id("kc-login")).click();
        browser.waiting().until(d -> !d.findElements(By.id("app-user")).isEmpty()
                || !d.findElements(By.id("app-error")).isEmpty());
        assertThat(new ApplicationPage(browser).signedInUser()).isEqualTo(withApp.username());
    }

    private JsonPath setup(String query, int status) {
        return call("POST", setupUrl(query), status);
    }

    private JsonPath undo(String query, int status) {
        return call("DELETE", setupUrl(query), status);
    }

    private JsonPath call(String method, String url, int status) {
        Response response = given().auth().oauth2(admin.accessToken()).accept(ContentType.JSON).request(method, url);
        assertThat(response.statusCode()).as("%s %s: %s", method, url, response.asString()).isEqualTo(status);
        return response.jsonPath();
    }

    private String setupUrl(String query) {
        return server.baseUrl() + "/admin/realms/" + REALM + "/alacop/setup" + query;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> change(JsonPath plan, String what) {
        List<Map<String, String>> changes = plan.getList("changes");
        return changes.stream().filter(c -> what.equals(c.get("what"))).findFirst()
                .orElseThrow(() -> new AssertionError("no change '" + what + "' in " + plan.prettify()));
    }

    private JsonNode partialExport() {
        return partialExport(REALM);
    }

    private JsonNode partialExport(String realm) {
        String body = given().auth().oauth2(admin.accessToken())
                .post(server.baseUrl() + "/admin/realms/" + realm
                        + "/partial-export?exportClients=true&exportGroupsAndRoles=true")
                .then().statusCode(200).extract().asString();
        try {
            return canonical(JSON.readTree(body));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Arrays sorted by their elements' text: Keycloak's exports list roles, scopes and mappers in no fixed order. */
    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = JSON.createObjectNode();
            new TreeSet<String>(iterable(node.fieldNames())).forEach(name -> copy.set(name, canonical(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new java.util.ArrayList<>();
            node.forEach(item -> items.add(canonical(item)));
            items.sort(java.util.Comparator.comparing(JsonNode::toString));
            com.fasterxml.jackson.databind.node.ArrayNode copy = JSON.createArrayNode();
            items.forEach(copy::add);
            return copy;
        }
        return node;
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    /** Where two exports differ, as JSON paths, for a readable failure. */
    private static List<String> differences(String path, JsonNode before, JsonNode after) {
        List<String> out = new java.util.ArrayList<>();
        if (before == null || after == null || before.getNodeType() != after.getNodeType()) {
            out.add(path + ": " + before + " -> " + after);
        } else if (before.isObject()) {
            Set<String> names = new TreeSet<>(iterable(before.fieldNames()));
            names.addAll(iterable(after.fieldNames()));
            names.forEach(name -> out.addAll(differences(path + "." + name, before.get(name), after.get(name))));
        } else if (!before.equals(after)) {
            out.add(path + ": " + abbreviate(before) + " -> " + abbreviate(after));
        }
        return out;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** Username -> ids and types of the user's credentials. */
    private Map<String, List<String>> credentials() {
        Map<String, List<String>> result = new java.util.TreeMap<>();
        RealmResource agency = admin.realm(REALM);
        agency.users().list(0, 1000).forEach(user -> result.put(user.getUsername(),
                agency.users().get(user.getId()).credentials().stream()
                        .map(c -> c.getType() + ":" + c.getId()).sorted().toList()));
        return result;
    }

    private static Set<String> differingKeys(JsonNode before, JsonNode after) {
        Set<String> keys = new TreeSet<>();
        Iterator<String> names = after.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!after.get(name).equals(before.get(name))) {
                keys.add(name);
            }
        }
        before.fieldNames().forEachRemaining(name -> {
            if (!after.has(name)) {
                keys.add(name);
            }
        });
        return keys;
    }

    private static Map<String, JsonNode> byName(JsonNode array, String field) {
        Map<String, JsonNode> result = new java.util.TreeMap<>();
        for (JsonNode item : array) {
            result.put(item.path(field).asText(), item);
        }
        return result;
    }

    private static Path home(String purpose) {
        return Path.of(ItSettings.keycloakHome() + "-" + purpose);
    }

    /** A database of its own, next to the one of the shared server: {@code <test database>_setup}. */
    private static String database() {
        return ItSettings.dbUrl() + "_setup";
    }

    /** A master-realm user with only view-realm on the agency realm: may read the plan, not apply it. */
    private Keycloak auditor() {
        RealmResource master = admin.realm("master");
        String username = TestUsers.freshUsername("auditor");
        String password = TestUsers.freshPassword();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setFirstName("Audit");
        user.setLastName("Only");
        user.setEmail(username + "@example.org");
        user.setEmailVerified(true);
        CredentialRepresentation secret = new CredentialRepresentation();
        secret.setType(CredentialRepresentation.PASSWORD);
        secret.setValue(password);
        secret.setTemporary(false);
        user.setCredentials(List.of(secret));
        String userId;
        try (jakarta.ws.rs.core.Response created = master.users().create(user)) {
            assertThat(created.getStatus()).isEqualTo(201);
            String path = created.getLocation().getPath();
            userId = path.substring(path.lastIndexOf('/') + 1);
        }
        String realmClient = master.clients().findByClientId(REALM + "-realm").get(0).getId();
        RoleRepresentation viewRealm = master.clients().get(realmClient).roles().get("view-realm").toRepresentation();
        master.users().get(userId).roles().clientLevel(realmClient).add(List.of(viewRealm));
        return Keycloak.getInstance(server.baseUrl(), "master", username, password, "admin-cli");
    }
}
