package gov.alacop.keycloak.adminrest.temporarypassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The JSON bodies are read strictly")
class RequestBodiesTest {

    private static final String ROW = "{\"username\":\"ck4321\",\"firstName\":\"Clark\",\"lastName\":\"Kent\","
            + "\"email\":null,\"ori\":\"AL0010000\",\"ssnLast4\":\"4321\"}";

    @Test
    void goodBodies() {
        assertThat(RequestBodies.ssnLast4("{\"ssnLast4\":\"4321\"}")).isEqualTo("4321");
        assertThat(RequestBodies.ssnLast4(" {\"ssnLast4\":\"4321\"}\n")).isEqualTo("4321");
        assertThat(RequestBodies.rows("[" + ROW + "]")).containsExactly(
                new TemporaryPasswordRow("ck4321", "Clark", "Kent", null, "AL0010000", "4321"));
    }

    @ParameterizedTest(name = "single body {0}")
    @ValueSource(strings = {"{\"ssnLast4\":\"4321\"}garbage", "{\"ssnLast4\":\"4321\"} {}", "{\"ssnLast4\":\"4321\"}]",
            "{\"ssnLast4\":\"1111\",\"ssnLast4\":\"4321\"}", "{\"ssnLast4\":4321}", "{\"ssnLast4\":[\"4321\"]}",
            "{\"ssnLast4\":\"4321\",\"extra\":1}", "{'ssnLast4':'4321'}", "{\"ssnLast4\":\"4321\",}",
            "/* c */ {\"ssnLast4\":\"4321\"}", "\"4321\"", "", "null"})
    void singleRefused(String body) {
        assertThatThrownBy(() -> RequestBodies.ssnLast4(body)).isInstanceOf(RequestBodies.Malformed.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("4321").doesNotContain("garbage"));
    }

    @ParameterizedTest(name = "rows {0}")
    @ValueSource(strings = {
        "[{\"username\":\"u1\",\"firstName\":\"A\",\"lastName\":\"B\",\"ssnLast4\":4321}]",
        "[{\"username\":\"u1\",\"firstName\":\"A\",\"lastName\":\"B\",\"ssnLast4\":\"4321\"}]garbage",
        "[{\"username\":\"u1\",\"username\":\"u2\",\"firstName\":\"A\",\"lastName\":\"B\",\"ssnLast4\":\"4321\"}]",
        "[{\"username\":\"u1\",\"firstName\":true,\"lastName\":\"B\",\"ssnLast4\":\"4321\"}]",
        "[{\"username\":\"u1\",\"firstName\":{\"x\":1},\"lastName\":\"B\",\"ssnLast4\":\"4321\"}]",
        "[{\"username\":\"u1\",\"firstName\":\"A\",\"lastName\":\"B\",\"ssnLast4\":\"4321\",\"ssn\":\"4321\"}]",
        "[\"u1\"]", "[]", "{}"})
    void rowsRefused(String body) {
        assertThatThrownBy(() -> RequestBodies.rows(body)).isInstanceOf(RequestBodies.Malformed.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("4321").doesNotContain("garbage"));
    }

    @Test
    @DisplayName("the single endpoint and the bulk endpoint refuse ssnLast4 as a number alike")
    void numberRefusedByBoth() {
        assertThatThrownBy(() -> RequestBodies.ssnLast4("{\"ssnLast4\":4321}")).hasMessageContaining("ssnLast4");
        assertThatThrownBy(() -> RequestBodies.rows("[{\"username\":\"u1\",\"ssnLast4\":4321}]"))
                .hasMessageContaining("Row 1").hasMessageContaining("ssnLast4");
    }

    @Test
    @DisplayName("more rows than the limit are refused as a whole")
    void rowLimit() {
        assertThat(RequestBodies.rows("[" + ROW + "," + ROW + "]", 2)).hasSize(2);
        assertThatThrownBy(() -> RequestBodies.rows("[" + ROW + "," + ROW + "," + ROW + "]", 2))
                .isInstanceOf(BatchLimits.TooLarge.class);
    }
}
