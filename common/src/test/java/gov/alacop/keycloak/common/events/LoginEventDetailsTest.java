package gov.alacop.keycloak.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoginEventDetailsTest {

    @Test
    @DisplayName("details survive the round trip through the auth note, in order")
    void roundTrip() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("alacop_method", "text");
        details.put("other", "a=b");
        assertThat(LoginEventDetails.read(LoginEventDetails.write(details))).containsExactlyEntriesOf(details);
    }

    @Test
    @DisplayName("no note means no details; a line break in a value cannot forge another detail")
    void emptyAndForged() {
        assertThat(LoginEventDetails.read(null)).isEmpty();
        Map<String, String> forged = Map.of("k", "v\nadmin=true");
        assertThat(LoginEventDetails.read(LoginEventDetails.write(forged))).containsOnlyKeys("k");
    }
}
