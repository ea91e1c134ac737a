package gov.alacop.keycloak.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.UpdatePasswordPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

/** Input from the fuzz run of issue 9 §3 that got through: byte-order marks, lenient JSON, invisible text. */
@AlaCopKeycloak
@DisplayName("Hostile input is refused clearly")
class HostileInputIT {

    private static final String ZWSP = "\u200B";
    private static final String ACUTE = "\u0301";

    @Nested
    @DisplayName("bulk CSV (Apache Commons CSV)")
    class Csv {

        @Test
        @DisplayName("a UTF-8 byte-order mark before the header or the first row is dropped, not put in a username")
        void byteOrderMark(RealmAdmin admin) {
            String withHeader = unique("bh");
            String withoutHeader = unique("bn");

            JsonPath first = bulk(admin, "text/csv", "\uFEFFusername,firstName,lastName,email,ori,ssnLast4\n"
                    + withHeader + ",Clark,Kent,,AL0010000,2468\n").statusCode(200).extract().jsonPath();
            JsonPath second = bulk(admin, "text/csv", "\uFEFF" + withoutHeader + ",Lois,Lane,,AL0010000,1357\n")
                    .statusCode(200).extract().jsonPath();

            assertThat(first.getList("results.status")).containsExactly("created");
            assertThat(first.getString("results[0].username")).isEqualTo(withHeader);
            assertThat(second.getList("results.status")).containsExactly("created");
            assertThat(second.getString("results[0].username")).isEqualTo(withoutHeader);
            assertThat(admin.realm().users().searchByUsername(withHeader, true)).hasSize(1);
            assertThat(admin.realm().users().searchByUsername(withoutHeader, true)).hasSize(1);
        }

        @Test
        @DisplayName("a quoted value with a line break (legal CSV) is one value; the batch goes through")
        void quotedLineBreak(RealmAdmin admin) {
            String maryJane = unique("mj");
            String clark = unique("ck");
            String csv = "username,firstName,lastName,email,ori,ssnLast4\r\n"
                    + maryJane + ",\"Mary\r\nJane\",Watson,,AL0010000,2468\r\n"
                    + clark + ",Clark,Kent,,AL0010000,1357\r\n";

            JsonPath results = bulk(admin, "text/csv", csv).statusCode(200).extract().jsonPath();

            assertThat(results.getList("results.status")).containsExactly("created", "created");
            UserRepresentation created = admin.realm().users().searchByUsername(maryJane, true).get(0);
            assertThat(created.getFirstName()).isEqualTo("Mary Jane");
        }
    }

    @Nested
    @DisplayName("JSON bodies are read strictly by both endpoints: 400")
    class StrictJson {

        @ParameterizedTest(name = "single: {0}")
        @ValueSource(strings = {"{\"ssnLast4\":\"4321\"}garbage", "{\"ssnLast4\":\"1111\",\"ssnLast4\":\"4321\"}",
                "{\"ssnLast4\":\"4321\",\"other\":\"x\"}"})
        void single(String body, RealmAdmin admin) {
            TestUser officer = TestUsers.officer("Bruce", "Wayne").withOri("AL0020000").create(admin);
            given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON).body(body)
                    .post(api(admin) + "/users/" + officer.id() + "/temporary-password")
                    .then().statusCode(400).body("error", equalTo("invalid_request"));
            assertThat(admin.realm().users().get(officer.id()).toRepresentation().getRequiredActions())
                    .as("nothing issued").isEmpty();
        }

        @ParameterizedTest(name = "bulk: {0}")
        @ValueSource(strings = {
            "[{\"username\":\"%s\",\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"ssnLast4\":4321}]",
            "[{\"username\":\"%s\",\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"ssnLast4\":\"4321\"}]garbage",
            "[{\"username\":\"%s\",\"firstName\":\"Ann\",\"firstName\":\"Bob\",\"lastName\":\"Lee\",\"ssnLast4\":\"4321\"}]"})
        void bulk(String template, RealmAdmin admin) {
            String username = unique("sj");
            String response = HostileInputIT.bulk(admin, "application/json", String.format(template, username))
                    .statusCode(400).body("error", equalTo("invalid_request")).extract().asString();
            assertThat(response).doesNotContain("4321").doesNotContain("garbage");
            assertThat(admin.realm().users().searchByUsername(username, true)).as("nothing created").isEmpty();
        }
    }

    @Nested
    @DisplayName("names")
    class Names {

        @Test
        @DisplayName("names that render blank or mix Latin with Cyrillic look-alikes are refused with a row error")
        void blankAndLookAlikeNames(RealmAdmin admin) {
            String zeroWidth = unique("zw");
            String filler = unique("hf");
            String lookAlike = unique("la");
            String cyrillicLast = unique("cl");
            String good = unique("ok");
            String body = "[" + row(zeroWidth, ZWSP + ZWSP, "Kent", "1357") + ","
                    + row(filler, "Clark", "\u3164", "1357") + ","
                    + row(lookAlike, "Cl\u0430rk", "Kent", "1357") + ","
                    + row(cyrillicLast, "Clark", "K\u0435nt", "1357") + ","
                    + row(good, "Clark", "Kent", "1357") + "]";

            JsonPath results = bulk(admin, "application/json", body).statusCode(200).extract().jsonPath();

            assertThat(results.getList("results.status")).containsExactly("error", "error", "error", "error", "created");
            assertThat(results.getList("results.error")).containsExactly("invalid_first_name", "invalid_last_name",
                    "invalid_first_name", "invalid_last_name", null);
            assertThat(results.getString("results[0].reason")).contains("show nothing");
            assertThat(results.getString("results[1].reason")).contains("show nothing");
            assertThat(results.getString("results[2].reason")).contains("scripts");
            assertThat(results.getString("results[3].reason")).contains("scripts");
            for (String refused : List.of(zeroWidth, filler, lookAlike, cyrillicLast)) {
                assertThat(admin.realm().users().searchByUsername(refused, true)).as(refused).isEmpty();
            }
        }

        @ParameterizedTest(name = "{0} {1} signs in with {2}")
        @CsvSource(delimiter = '|', value = {
            "\u0130lker|Y\u0131lmaz|New$Alacop#y2468i|\u0130lker",
            "\uFB01ona|Smith|New$Alacop#s2468f|fiona",
            "\uFF26red|\uFF2Bent|New$Alacop#k2468f|Fred"})
        @DisplayName("initials are letters an officer can type; the issued password signs in")
        void typeableInitials(String first, String last, String password, String storedFirst, Browser browser,
                TestApplication application, RealmAdmin admin) {
            String username = unique("ti");
            bulk(admin, "application/json", "[" + row(username, first, last, "2468") + "]").statusCode(200)
                    .body("results[0].status", equalTo("created"));
            assertThat(admin.realm().users().searchByUsername(username, true).get(0).getFirstName())
                    .as("stored NFKC").isEqualTo(storedFirst);

            ApplicationPage.startSignIn(browser, application).next(username + "@alacop.gov").enter(password);
            assertThat(new UpdatePasswordPage(browser, "update-password-after-typeable-initial").title()).isNotBlank();
        }
    }

    @Nested
    @DisplayName("invisible characters in passwords")
    class Passwords {

        @Test
        @DisplayName("\"Update your password\": zero-width spaces or combining accents do not make 16 characters")
        void onThePage(Browser browser, TestApplication application, RealmAdmin admin) {
            TestUser officer = TestUsers.officer("Clark", "Kent").create(admin);
            UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
            user.setRequiredActions(List.of("UPDATE_PASSWORD"));
            admin.realm().users().get(officer.id()).update(user);
            ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
            UpdatePasswordPage page = new UpdatePasswordPage(browser, "update-password-forced");

            page = submitByScript(browser, officer.password(), "Aa1!" + ZWSP.repeat(12), "invisible-refused");
            assertThat(page.fieldError("password-new")).hasValueSatisfying(
                    message -> assertThat(message).contains("characters you can see"));

            page = submitByScript(browser, officer.password(), "Aa1!" + ACUTE.repeat(12), "combining-refused");
            assertThat(page.fieldError("password-new")).hasValueSatisfying(
                    message -> assertThat(message).contains("14"));

            page = submitByScript(browser, officer.password(), "Patrol#Knight" + ZWSP + "2026", "mixed-refused");
            assertThat(page.fieldError("password-new")).isPresent();

            // An honest password still goes through.
            page.accepted(officer.password(), "Patrol#Knight2026");
        }

        @ParameterizedTest(name = "Aa1! + 12 x U+{0}")
        @ValueSource(strings = {"200B", "0301", "2060", "0000"})
        @DisplayName("the admin API refuses them with a clear 400 before storing anything")
        void throughTheAdminApi(String hex, RealmAdmin admin) {
            TestUser officer = TestUsers.officer("Clark", "Kent").create(admin);
            String invisible = new String(Character.toChars(Integer.parseInt(hex, 16)));
            String error = given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                    .body(Map.of("type", "password", "temporary", false, "value", "Aa1!" + invisible.repeat(12)))
                    .put(admin.server().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/users/" + officer.id()
                            + "/reset-password")
                    .then().statusCode(400).extract().path("error");
            assertThat(error).isIn("alacopPasswordInvisibleCharacters", "invalidPasswordMinLengthMessage");
            assertThat(error).isEqualTo("0301".equals(hex) ? "invalidPasswordMinLengthMessage"
                    : "alacopPasswordInvisibleCharacters");
        }
    }

    @Nested
    @DisplayName("the bulk endpoint's limits")
    class Limits {

        @Test
        @DisplayName("more than 500 rows: 413 with a message, no row processed")
        void tooManyRows(RealmAdmin admin) {
            String first = unique("lr");
            StringBuilder body = new StringBuilder("[").append(row(first, "Ann", "Lee", "1234"));
            for (int i = 1; i <= 500; i++) {
                // cheap rows: refused by the digits, so that today's code answers quickly too
                body.append(',').append(row(unique("lr"), "Ann", "Lee", "12a4"));
            }
            body.append(']');
            bulk(admin, "application/json", body.toString()).statusCode(413)
                    .body("error", equalTo("batch_too_large"))
                    .body("errorMessage", Matchers.containsString("500"));
            assertThat(admin.realm().users().searchByUsername(first, true)).isEmpty();
        }

        @Test
        @DisplayName("a body over 512 KiB: 413 with a message, no row processed")
        void tooLargeBody(RealmAdmin admin) {
            String username = unique("lb");
            String csv = username + ",Ann," + "L".repeat(600 * 1024) + ",,,1234\n";
            bulk(admin, "text/csv", csv).statusCode(413).body("error", equalTo("batch_too_large"));
            assertThat(admin.realm().users().searchByUsername(username, true)).isEmpty();
        }
    }

    /**
     * Sets the fields by script (chromedriver's key events do not carry lone combining marks reliably) and submits,
     * all in one script by element id: no element handle can go stale while a page is replaced. The old document is
     * marked, so the wait ends when a new one has loaded.
     */
    static UpdatePasswordPage submitByScript(Browser browser, String current, String password, String screenshot) {
        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        browser.waiting().until(d -> "complete".equals(script.executeScript("return document.readyState")));
        script.executeScript("""
                const values = {'password': arguments[0], 'password-new': arguments[1], 'password-confirm': arguments[1]};
                for (const id in values) {
                  const field = document.getElementById(id);
                  if (field) { field.value = values[id]; }
                }
                window.alacopOldPage = true;
                document.getElementById('kc-submit').click();
                """, current, password);
        // While the old page unloads, a script may fail: asked again until the new one answers.
        browser.waiting().ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(script.executeScript(
                "return window.alacopOldPage === undefined && document.readyState === 'complete'")));
        return new UpdatePasswordPage(browser, screenshot);
    }

    private static ValidatableResponse bulk(RealmAdmin admin, String contentType, String body) {
        return given().auth().oauth2(admin.accessToken()).contentType(contentType + "; charset=utf-8").body(body)
                .post(api(admin) + "/temporary-passwords").then();
    }

    private static String api(RealmAdmin admin) {
        return admin.server().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/alacop";
    }

    private static String row(String username, String first, String last, String digits) {
        return "{\"username\":\"" + username + "\",\"firstName\":\"" + first + "\",\"lastName\":\"" + last
                + "\",\"ori\":\"AL0010000\",\"ssnLast4\":\"" + digits + "\"}";
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
