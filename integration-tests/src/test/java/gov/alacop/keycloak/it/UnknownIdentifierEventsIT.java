package gov.alacop.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.PasswordPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.PhoneJourneys;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;

@AlaCopKeycloak
@DisplayName("What is typed for an unknown account does not reach the events verbatim")
class UnknownIdentifierEventsIT {

    @Test
    @DisplayName("a password typed into the identifier field appears in events only as a keyed hash")
    void typedTextNotInEvents(Browser browser, TestApplication application, RealmAdmin admin) {
        String typed = "Patrol#" + UUID.randomUUID().toString().substring(0, 8) + "Secret";
        PasswordPage page = ApplicationPage.startSignIn(browser, application).next(typed);
        page = page.signInRefused("Wrong#Password-2026");

        PhoneJourneys.forgetSession(browser);
        ApplicationPage.startSignIn(browser, application).next(typed).signInRefused("Wrong#Password-2026");

        List<EventRepresentation> events = admin.realm().getEvents(List.of("LOGIN_ERROR"), null, null, null, null,
                null, 0, 200);
        List<EventRepresentation> unknown = events.stream()
                .filter(e -> "user_not_found".equals(e.getError())).toList();
        assertThat(unknown).isNotEmpty();
        assertThat(events.toString() + events.stream().map(e -> String.valueOf(e.getDetails())).toList())
                .doesNotContainIgnoringCase(typed);
        List<String> hashes = unknown.stream().map(e -> e.getDetails().get("username"))
                .filter(u -> u != null && u.matches("unknown-[0-9a-f]{12}")).toList();
        assertThat(hashes).as("the same text gives the same hash").hasSizeGreaterThanOrEqualTo(2);
        assertThat(hashes.get(0)).isEqualTo(hashes.get(1));
    }
}
