package gov.alacop.keycloak.it.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.PhoneCodePage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.Outbox;
import gov.alacop.keycloak.it.support.PhoneJourneys;
import gov.alacop.keycloak.it.support.PhoneJourneys.Number;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;

@AlaCopKeycloak
@DisplayName("Codes and full phone numbers never reach the server log or the events")
class SecretsNotLoggedIT {

    @Test
    @DisplayName("after a setup, wrong and right codes by text and voice: only masked numbers, no codes")
    void noSecrets(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = PhoneJourneys.officerToSetUpPhone(admin);
        Number number = Number.fresh();
        PhoneCodePage setup = PhoneJourneys.signInToSetup(browser, application, officer)
                .sendCode(number.national(), "text");
        String setupCode = server.outbox().await(number.e164(), 0).code();
        setup = setup.verifyRefused(setupCode.equals("000000") ? "111111" : "000000");
        setup.verify(setupCode);

        PhoneJourneys.forgetSession(browser);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        SecondFactorPage challenge = new SecondFactorPage(browser);
        server.outbox().await(number.e164(), 1);
        challenge.otherWays();
        challenge = challenge.choose("voice");
        String callCode = server.outbox().await(number.e164(), 2).code();
        challenge.verify(callCode);

        String log = server.logText();
        List<EventRepresentation> events = admin.realm().getEvents(null, null, officer.id(), null, null, null, 0, 100);
        List<AdminEventRepresentation> adminEvents = admin.realm().getAdminEvents();
        String eventText = events.stream().map(e -> String.valueOf(e.getDetails()) + e.getError()).toList().toString()
                + adminEvents.stream().map(e -> e.getRepresentation() + e.getResourcePath()).toList();
        assertThat(events).isNotEmpty();
        assertThat(log).contains("•••" + number.lastFour());

        List<Outbox.Message> sent = server.outbox().messagesTo(number.e164());
        assertThat(sent).hasSize(3);
        for (Outbox.Message message : sent) {
            Pattern code = Pattern.compile("\\b" + message.code() + "\\b");
            assertThat(code.matcher(log).find()).as("code %s in the server log", message.code()).isFalse();
            assertThat(code.matcher(eventText).find()).as("code %s in the events", message.code()).isFalse();
        }
        String national = number.e164().substring(2);
        for (String form : List.of(number.e164(), number.e164().substring(1), national, number.national())) {
            assertThat(log).doesNotContain(form);
            assertThat(eventText).doesNotContain(form);
        }
    }
}
