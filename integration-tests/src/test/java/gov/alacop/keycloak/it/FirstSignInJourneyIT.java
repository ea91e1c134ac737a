package gov.alacop.keycloak.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.UpdatePasswordPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

@AlaCopKeycloak
@DisplayName("An officer's first sign-in and later password changes")
class FirstSignInJourneyIT {

    private static final String TEMPORARY = "New$Alacop#k4321c";
    private static final String NEW_PASSWORD = "Justice#League2027";

    @Test
    @DisplayName("Clark: temporary password, one message per broken rule, then the application; a change within "
            + "24 hours is refused with the time; an administrator's reset is accepted")
    void clarkKent(Browser browser, TestApplication application, RealmAdmin admin) {
        String username = "kent.clark." + (1000 + new Random().nextInt(9000));
        String userId = TestUsers.officer("Clark", "Kent").withUsername(username).withoutPassword().toEnroll()
                .withEmail(username.replace(".", "") + "@example.org").create(admin).id();
        given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON).body("{\"ssnLast4\":\"4321\"}")
                .post(api(admin) + "/users/" + userId + "/temporary-password").then().statusCode(200);

        ApplicationPage.startSignIn(browser, application).next(username + "@alacop.gov").enter(TEMPORARY);
        UpdatePasswordPage page = new UpdatePasswordPage(browser, "update-your-password");
        assertThat(page.title()).isEqualTo("Update your password");
        assertThat(page.lead()).contains("You need to update your password because this is the first time you are "
                + "signing in, or because your password has expired.");
        assertThat(page.asksForCurrentPassword()).isTrue();
        assertThat(page.accountShown()).as("the officer's address, as on the other pages").hasValue(username + "@alacop.gov");
        assertThat(page.alert()).as("the page says why in its own words, once").isEmpty();
        assertThat(page.tabTitle()).isEqualTo("Update your password | AlaCOP");

        Map<String, String> rules = Map.of(
                "Short#1a", "Your password must have at least 14 characters.",
                "lowercase#only1234", "Your password must contain at least 1 upper case letter(s).",
                "UPPERCASE#ONLY1234", "Your password must contain at least 1 lower case letter(s).",
                "NoDigitsHere#Abcdef", "Your password must contain at least 1 numeral(s) (0-9).",
                "NoSpecial1234Abcdef", "Your password must contain at least 1 special character(s), such as # or $.",
                username, "Your password cannot be your username.",
                TEMPORARY, "cannot have the form of a temporary password");
        int n = 0;
        for (Map.Entry<String, String> rule : rules.entrySet()) {
            page = page.refused(TEMPORARY, rule.getKey(), rule.getKey(), "refused-" + (++n));
            assertThat(page.fieldError("password-new")).as("new password %s", rule.getKey())
                    .hasValueSatisfying(message -> assertThat(message).contains(rule.getValue()));
        }
        page = page.refused("Wrong#Current2027", NEW_PASSWORD, NEW_PASSWORD, "wrong-current");
        assertThat(page.fieldError("password")).contains("Your current password is incorrect.");
        page = page.refused(TEMPORARY, NEW_PASSWORD, NEW_PASSWORD + "x", "mismatch");
        assertThat(page.fieldError("password-confirm")).hasValueSatisfying(m -> assertThat(m).contains("don't match"));

        assertThat(page.accepted(TEMPORARY, NEW_PASSWORD).signedInUser()).isEqualTo(username);

        browser.open(application.loginUrl("UPDATE_PASSWORD"));
        UpdatePasswordPage again = new UpdatePasswordPage(browser, "change-within-24-hours");
        assertThat(again.asksForCurrentPassword()).isFalse();
        again = again.refused("Another#Password2027", "min-age-refused");
        assertThat(again.fieldError("password-new")).hasValueSatisfying(message -> assertThat(message).matches(
                "You can change your password again after \\d{1,2}:\\d{2} [AP]M on [A-Z][a-z]{2} \\d{1,2}\\."));

        given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "password", "value", "Helpdesk#Reset2027", "temporary", true))
                .put(admin.server().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/users/" + userId
                        + "/reset-password")
                .then().statusCode(204);
    }

    @Test
    @DisplayName("the next day (password set 25 hours ago) the officer may change it from the application")
    void nextDay(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Hal", "Jordan").withUsernamePrefix("nd").toEnroll()
                .withPassword("Green#Lantern2026")
                .withPasswordSetAt(Instant.now().minus(Duration.ofHours(25))).create(admin);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).signIn(officer.password());

        browser.open(application.loginUrl("UPDATE_PASSWORD"));
        ApplicationPage app = new UpdatePasswordPage(browser, "change-next-day").accepted(null, "Emerald#Knight2027");

        assertThat(app.signedInUser()).isEqualTo(officer.username());
    }

    private static String api(RealmAdmin admin) {
        return admin.server().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/alacop";
    }
}
