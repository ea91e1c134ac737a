package gov.alacop.keycloak.it.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.IdentifierPage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.pages.StaySignedInPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.PhoneJourneys;
import gov.alacop.keycloak.it.support.PhoneJourneys.Number;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestUser;

@AlaCopKeycloak
@DisplayName("The security methods in the account console (Signing in)")
class SecurityMethodsInAccountConsoleIT {

    @Test
    @DisplayName("the account API lists phone and security questions with their set-up actions")
    void accountApi(RealmAdmin admin, KeycloakServer server) {
        Number number = Number.fresh();
        TestUser officer = PhoneJourneys.officerWithPhone(admin, number, "text");
        String token = admin.passwordGrantToken(officer);
        String body = RestAssured.given().auth().oauth2(token).accept("application/json")
                .get(server.realmUrl() + "/account/credentials").then().extract().asString();
        JsonPath json = JsonPath.from(body);
        assertThat(json.getList("type", String.class)).contains("alacop-phone", "alacop-security-questions");
        assertThat(json.getString("find { it.type == 'alacop-phone' }.updateAction")).isEqualTo("alacop-phone-setup");
        assertThat(json.getString("find { it.type == 'alacop-security-questions' }.createAction"))
                .isEqualTo("alacop-security-questions-setup");
        assertThat(json.getString("find { it.type == 'alacop-phone' }.userCredentialMetadatas[0].credential.userLabel"))
                .isEqualTo("•••" + number.lastFour());
        assertThat(body).doesNotContain(number.e164());
    }

    @Test
    @DisplayName("phone and security questions are listed with set-up actions; the phone shows masked")
    void listed(Browser browser, RealmAdmin admin, KeycloakServer server) {
        Number number = Number.fresh();
        TestUser officer = PhoneJourneys.officerWithPhone(admin, number, "text");

        browser.open(server.realmUrl() + "/account/account-security/signing-in");
        new IdentifierPage(browser).next(officer.upn()).enter(officer.password());
        SecondFactorPage challenge = new SecondFactorPage(browser);
        challenge.enter(server.outbox().await(number.e164(), 0).code());
        // Phone only is one method of two: the enrollment wizard comes first; this test is not about it.
        ApplicationPage.skipEnrollmentIfAsked(browser, By.id(StaySignedInPage.FORM_ID));
        new StaySignedInPage(browser).answerNo();

        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        wait.until(d -> d.getCurrentUrl().contains("/account/") && d.findElement(By.tagName("body")).getText()
                .contains("Phone (text or voice call)"));
        browser.screenshot("account-signing-in");
        String page = browser.driver().findElement(By.tagName("body")).getText();
        assertThat(page).contains("Phone (text or voice call)").contains("•••" + number.lastFour())
                .contains("Security questions").doesNotContain(number.e164());
    }
}
