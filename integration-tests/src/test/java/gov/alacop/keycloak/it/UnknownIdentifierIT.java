package gov.alacop.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.PasswordPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;

@AlaCopKeycloak
@DisplayName("Unknown identifiers: nothing tells an outsider which accounts exist")
class UnknownIdentifierIT {

    @Test
    @DisplayName("an unknown UPN gets the same password page and the same refusal as a wrong password")
    void unknownLooksLikeKnown(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = admin.createOfficer("Perry", "White", "AL0010000");
        String unknown = "zz" + officer.username() + "@alacop.gov";

        PasswordPage knownPage = ApplicationPage.startSignIn(browser, application).next(officer.upn());
        String knownStructure = knownPage.structure();
        PasswordPage knownRefused = knownPage.signInRefused("Wrong#Password-2026");
        String knownRefusedStructure = knownRefused.structure();

        PasswordPage unknownPage = knownRefused.back().next(unknown);
        assertThat(unknownPage.shownIdentifier()).isEqualTo(unknown);
        assertThat(unknownPage.structure()).isEqualTo(knownStructure);

        PasswordPage unknownRefused = unknownPage.signInRefused("Wrong#Password-2026");
        assertThat(unknownRefused.structure()).isEqualTo(knownRefusedStructure);
        assertThat(unknownRefused.fieldError("password")).isEqualTo(knownRefused.fieldError("password"));

        // The attempt is audited for administrators, with the reason they need.
        List<EventRepresentation> errors = admin.realm().getEvents(List.of("LOGIN_ERROR"), null, null, null, null,
                null, 0, 100);
        assertThat(errors).anySatisfy(event -> {
            assertThat(event.getError()).isEqualTo("user_not_found");
            assertThat(event.getDetails()).containsEntry("username", unknown);
        });
    }

    @Test
    @DisplayName("a 10 000-character identifier gets the ordinary password page, never an error page")
    void overlongIdentifier(Browser browser, TestApplication application) {
        String huge = "a".repeat(10_000);
        PasswordPage page = ApplicationPage.startSignIn(browser, application).next(huge);
        PasswordPage refused = page.signInRefused("Whatever#Password1");
        assertThat(refused.fieldError("password")).isPresent();
    }

    @Test
    @DisplayName("after 5 wrong passwords the account locks, and the lock reads like any wrong password")
    void bruteForceLockout(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = admin.createOfficer("Bibbo", "Bibbowski", "AL0010000");
        PasswordPage page = ApplicationPage.startSignIn(browser, application).next(officer.upn());
        String wrongMessage = null;
        for (int i = 1; i <= 5; i++) {
            // More than a second apart, like a person typing: Keycloak's quick-login check would lock sooner.
            pause(1100);
            page = page.signInRefused("Wrong#Password-" + i);
            wrongMessage = page.fieldError("password").orElseThrow();
            if (i == 4) {
                assertThat(admin.realm().attackDetection().bruteForceUserStatus(officer.id()))
                        .containsEntry("disabled", false)
                        .containsEntry("numFailures", 4);
            }
        }
        pause(1100);
        PasswordPage locked = page.signInRefused(officer.password());
        assertThat(locked.fieldError("password")).hasValue(wrongMessage);

        assertThat(admin.realm().attackDetection().bruteForceUserStatus(officer.id()))
                .containsEntry("disabled", true);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
