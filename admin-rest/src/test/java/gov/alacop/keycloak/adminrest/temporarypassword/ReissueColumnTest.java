package gov.alacop.keycloak.adminrest.temporarypassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The optional reissue column / field of a bulk row")
class ReissueColumnTest {

    @Test
    @DisplayName("CSV: an optional 7th column; absent or empty means no re-issue")
    void csv() {
        List<TemporaryPasswordRow> rows = CsvRows.parse("username,firstName,lastName,email,ori,ssnLast4,reissue\n"
                + "u1,Clark,Kent,,,4321,true\n"
                + "u2,Clark,Kent,,,4321,\n"
                + "u3,Clark,Kent,,,4321\n"
                + "u4,Clark,Kent,,,4321,no\n");
        assertThat(rows).extracting(TemporaryPasswordRow::reissue).containsExactly(true, false, false, false);
        assertThatThrownBy(() -> CsvRows.parse("u1,Clark,Kent,,,4321,perhaps\n"))
                .isInstanceOf(CsvRows.MalformedCsv.class).hasMessageContaining("reissue");
    }

    @Test
    @DisplayName("JSON: a boolean field; anything else is refused")
    void json() {
        List<TemporaryPasswordRow> rows = RequestBodies.rows("[{\"username\":\"u1\",\"reissue\":true},"
                + "{\"username\":\"u2\"},{\"username\":\"u3\",\"reissue\":false}]");
        assertThat(rows).extracting(TemporaryPasswordRow::reissue).containsExactly(true, false, false);
        assertThatThrownBy(() -> RequestBodies.rows("[{\"username\":\"u1\",\"reissue\":\"yes\"}]"))
                .isInstanceOf(RequestBodies.Malformed.class).hasMessageContaining("reissue");
    }

    @Test
    @DisplayName("the row never prints the digits")
    void noDigitsInToString() {
        assertThat(new TemporaryPasswordRow("u1", "Clark", "Kent", null, null, "4321", true).toString())
                .doesNotContain("4321");
    }
}
