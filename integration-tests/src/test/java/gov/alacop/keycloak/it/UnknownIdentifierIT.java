package gov.alacop.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.PasswordPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.FormSignIn;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.Pause;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

@AlaCopKeycloak
@DisplayName("Unknown identifiers: nothing tells an outsider which accounts exist")
class UnknownIdentifierIT {

    @Test
    @DisplayName("an unknown UPN gets the same password page and the same refusal as a wrong password")
    void unknownLooksLikeKnown(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Perry", "White").create(admin);
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

        // The attempt is audited for administrators, with the reason they need, but not with the text typed
        // (often a password typed into the wrong field): a keyed hash of it (see UnknownIdentifierEventsIT).
        List<EventRepresentation> errors = admin.realm().getEvents(List.of("LOGIN_ERROR"), null, null, null, null,
                null, 0, 100);
        assertThat(errors).anySatisfy(event -> {
            assertThat(event.getError()).isEqualTo("user_not_found");
            assertThat(event.getDetails().get("username")).matches("unknown-[0-9a-f]{12}");
        });
        assertThat(errors).filteredOn(event -> event.getDetails() != null)
                .noneSatisfy(event -> assertThat(event.getDetails().values()).contains(unknown));
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
        TestUser officer = TestUsers.officer("Bibbo", "Bibbowski").create(admin);
        PasswordPage page = ApplicationPage.startSignIn(browser, application).next(officer.upn());
        String wrongMessage = null;
        for (int i = 1; i <= 5; i++) {
            // More than a second apart, like a person typing: Keycloak's quick-login check would lock sooner.
            Pause.millis(1100);
            page = page.signInRefused("Wrong#Password-" + i);
            wrongMessage = page.fieldError("password").orElseThrow();
            if (i == 4) {
                assertThat(admin.realm().attackDetection().bruteForceUserStatus(officer.id()))
                        .containsEntry("disabled", false)
                        .containsEntry("numFailures", 4);
            }
        }
        Pause.millis(1100);
        PasswordPage locked = page.signInRefused(officer.password());
        assertThat(locked.fieldError("password")).hasValue(wrongMessage);

        assertThat(admin.realm().attackDetection().bruteForceUserStatus(officer.id()))
                .containsEntry("disabled", true);
    }

    /**
     * Lower bound of the timing comparison: an account's refusal must take at least this share of the median time of
     * an unknown identifier's refusal (which computes one dummy hash). A refusal without any hash answers in a
     * fraction of that time.
     */
    static final double SAME_COST_RATIO = 0.6;

    @Test
    @DisplayName("a locked, a disabled and a password-less account cost the same hashing time as an unknown one")
    void lockedCostsLikeUnknown(TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser locked = TestUsers.officer("Lana", "Lang").create(admin);
        TestUser disabled = TestUsers.officer("Pete", "Ross").create(admin);
        TestUser passwordless = TestUsers.officer("Jimmy", "Olsen").create(admin);
        var disabledUser = admin.realm().users().get(disabled.id()).toRepresentation();
        disabledUser.setEnabled(false);
        admin.realm().users().get(disabled.id()).update(disabledUser);
        admin.realm().users().get(passwordless.id()).credentials()
                .forEach(c -> admin.realm().users().get(passwordless.id()).removeCredential(c.getId()));
        String redirect = application.baseUrl() + "/callback";
        // Two failures within a second: Keycloak's quick-login check locks the account (for 15 minutes while this
        // test runs, so that a slow machine cannot see it unlock halfway).
        var realm = admin.realm().toRepresentation();
        Integer quickWait = realm.getMinimumQuickLoginWaitSeconds();
        realm.setMinimumQuickLoginWaitSeconds(900);
        admin.realm().update(realm);
        FormSignIn lockedForm;
        try {
            lockedForm = FormSignIn.atPasswordPage(server, "lets", redirect, locked.upn());
            lockedForm.timePassword("Wrong#Password-1");
            lockedForm.timePassword("Wrong#Password-2");
            waitUntilLocked(admin, locked);
        } finally {
            var restored = admin.realm().toRepresentation();
            restored.setMinimumQuickLoginWaitSeconds(quickWait);
            admin.realm().update(restored);
        }

        Map<String, FormSignIn> forms = new LinkedHashMap<>();
        forms.put("unknown", FormSignIn.atPasswordPage(server, "lets", redirect,
                "zz" + locked.username() + "@alacop.gov"));
        forms.put("brute-force locked", lockedForm);
        forms.put("disabled", FormSignIn.atPasswordPage(server, "lets", redirect, disabled.upn()));
        forms.put("no password", FormSignIn.atPasswordPage(server, "lets", redirect, passwordless.upn()));
        Map<String, List<Duration>> times = new LinkedHashMap<>();
        forms.keySet().forEach(kind -> times.put(kind, new ArrayList<>()));
        for (int round = 0; round < 9; round++) {
            for (Map.Entry<String, FormSignIn> form : forms.entrySet()) {
                times.get(form.getKey()).add(form.getValue().timePassword("Wrong#Password-" + round));
            }
        }
        assertThat(admin.realm().attackDetection().bruteForceUserStatus(locked.id())).as("still locked")
                .containsEntry("disabled", true);
        Duration unknown = FormSignIn.median(times.get("unknown"));
        for (String kind : List.of("brute-force locked", "disabled", "no password")) {
            Duration median = FormSignIn.median(times.get(kind));
            assertThat((double) median.toNanos()).as("%s: median %s ms against %s ms for an unknown identifier (%s)",
                    kind, median.toMillis(), unknown.toMillis(), times)
                    .isGreaterThanOrEqualTo(SAME_COST_RATIO * unknown.toNanos());
        }
    }

    private static void waitUntilLocked(RealmAdmin admin, TestUser user) {
        for (int i = 0; i < 50; i++) {
            if (Boolean.TRUE.equals(admin.realm().attackDetection().bruteForceUserStatus(user.id()).get("disabled"))) {
                return;
            }
            Pause.millis(100);
        }
        throw new IllegalStateException("the account did not lock");
    }
}
