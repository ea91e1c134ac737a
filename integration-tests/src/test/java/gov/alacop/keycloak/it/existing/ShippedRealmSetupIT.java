package gov.alacop.keycloak.it.existing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;

/** The other direction of the one source of truth: the realm imported from the shipped file needs no setup. */
@AlaCopKeycloak
@DisplayName("The shipped realm and the existing-realm setup agree")
class ShippedRealmSetupIT {

    @Test
    @DisplayName("a dry run on the realm imported from the shipped file plans nothing and finds no conflict")
    void shippedRealmNeedsNoSetup(KeycloakServer server, RealmAdmin admin) {
        JsonPath plan = given().auth().oauth2(admin.accessToken()).accept(ContentType.JSON)
                .post(server.baseUrl() + "/admin/realms/" + KeycloakServer.REALM
                        + "/alacop/setup?dryRun=true&clients=lets,ecrime")
                .then().statusCode(200).extract().jsonPath();
        assertThat(plan.getList("changes")).as(plan.prettify()).isEmpty();
        // Other tests of this shared server add test-only clients ("it-...") with a flow override of their own:
        // the setup rightly reports those, and nothing else.
        List<String> conflicts = plan.getList("conflicts.what");
        assertThat(conflicts).as(plan.prettify()).allMatch(what -> what.startsWith("client 'it-"));
    }

    @Test
    @DisplayName("its undo, planned only, would unbind AlaCOP and take the bundle's password rules out")
    void shippedRealmUndoPlan(KeycloakServer server, RealmAdmin admin) {
        JsonPath plan = given().auth().oauth2(admin.accessToken()).accept(ContentType.JSON)
                .delete(server.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/alacop/setup?dryRun=true")
                .then().statusCode(200).extract().jsonPath();
        List<String> what = plan.getList("changes.what");
        assertThat(what).contains("browser flow binding", "reset-credentials flow binding",
                "direct-grant flow binding", "login theme", "password policy",
                "required action 'alacop-mfa-enrollment'", "client 'lets': token mapper 'alacop upn'");
        assertThat(plan.getBoolean("applied")).isFalse();
        assertThat(admin.realm().toRepresentation().getBrowserFlow()).isEqualTo("alacop browser");
    }
}
