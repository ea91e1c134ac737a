package gov.alacop.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BadRequestException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestUser;

@AlaCopKeycloak
@DisplayName("The shipped alacop realm")
class RealmConfigurationIT {

    @Test
    @DisplayName("uses the alacop theme, the identifier-first flow, remember-me and the password rules with the minimum age")
    void signInSettings(RealmAdmin admin) {
        RealmRepresentation realm = admin.realm().toRepresentation();
        assertThat(realm.getLoginTheme()).isEqualTo("alacop");
        assertThat(realm.getBrowserFlow()).isEqualTo("alacop browser");
        assertThat(admin.realm().flows().getRequiredAction("alacop-mfa-enrollment").isEnabled())
                .as("the enrollment wizard ships enabled").isTrue();
        assertThat(admin.realm().flows().getRequiredAction("alacop-stay-signed-in").isEnabled()).isTrue();
        assertThat(realm.isRememberMe()).isTrue();
        assertThat(realm.getPasswordPolicy()).isEqualTo("length(14) and maxLength(128) and upperCase(1) and "
                + "lowerCase(1) and digits(1) and specialChars(1) and passwordHistory(24) and notUsername and "
                + "notEmail and alacopMinPasswordAge(24) and alacopVisibleCharacters");
        // getExecutions lists the subflow's own steps after it (the subflow itself has no provider id).
        assertThat(admin.realm().flows().getExecutions("alacop browser forms"))
                .extracting(e -> e.getProviderId() == null ? e.getDisplayName() : e.getProviderId())
                .containsExactly("alacop-identifier", "alacop-password", "alacop second factor",
                        "conditional-user-configured", "alacop-second-factor");
    }

    @Test
    @DisplayName("locks an account for 15 minutes after 5 failures and records login and admin events for a year")
    void protectionAndAudit(RealmAdmin admin) {
        RealmRepresentation realm = admin.realm().toRepresentation();
        assertThat(realm.isBruteForceProtected()).isTrue();
        assertThat(realm.getFailureFactor()).isEqualTo(5);
        assertThat(realm.getMaxDeltaTimeSeconds()).isEqualTo(900);
        assertThat(realm.getWaitIncrementSeconds()).isEqualTo(900);
        assertThat(realm.isEventsEnabled()).isTrue();
        assertThat(realm.getEventsExpiration()).isEqualTo(31_536_000L);
        assertThat(realm.isAdminEventsEnabled()).isTrue();
        assertThat(realm.isAdminEventsDetailsEnabled()).isTrue();
    }

    @Test
    @DisplayName("has the public PKCE client lets and the confidential client ecrime")
    void clients(RealmAdmin admin) {
        ClientRepresentation lets = admin.realm().clients().findByClientId("lets").get(0);
        assertThat(lets.isPublicClient()).isTrue();
        assertThat(lets.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");
        assertThat(lets.getRedirectUris()).contains("http://localhost:3000/*");

        ClientRepresentation ecrime = admin.realm().clients().findByClientId("ecrime").get(0);
        assertThat(ecrime.isPublicClient()).isFalse();
        assertThat(ecrime.getClientAuthenticatorType()).isEqualTo("client-secret");
        assertThat(ecrime.getRedirectUris()).contains("http://localhost:3001/*");
    }

    @Test
    @DisplayName("validates the agency ORI: 2 letters and 7 letters or digits")
    void oriValidation(RealmAdmin admin) {
        TestUser officer = admin.createOfficer("Ron", "Troupe", "AL0010000");
        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        assertThat(user.getAttributes()).containsEntry("ori", List.of("AL0010000"));

        for (String bad : List.of("AL001", "al0010000", "1L0010000", "AL00100000", "AL-010000")) {
            user.setAttributes(Map.of("ori", List.of(bad)));
            assertThatThrownBy(() -> admin.realm().users().get(officer.id()).update(user))
                    .as("ORI %s", bad)
                    .isInstanceOf(BadRequestException.class);
        }
        assertThat(admin.realm().users().get(officer.id()).toRepresentation().getAttributes())
                .as("a refused update changes nothing")
                .containsEntry("ori", List.of("AL0010000"));
    }

    @Test
    @DisplayName("does not let officers change their own ORI in the account console")
    void oriIsAdministratorOnly(RealmAdmin admin) {
        Map<String, Object> profile = admin.realm().users().userProfile().getConfiguration().getAttributes().stream()
                .filter(a -> a.getName().equals("ori"))
                .findFirst()
                .map(a -> Map.<String, Object>of("edit", a.getPermissions().getEdit(), "view", a.getPermissions().getView()))
                .orElseThrow();
        assertThat(profile).containsEntry("edit", java.util.Set.of("admin"));
    }
}
