package gov.alacop.keycloak.adminrest.temporarypassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The bulk CSV")
class CsvRowsTest {

    @Test
    @DisplayName("reads rows after an optional header, with quotes, blank e-mail and ORI, CRLF line ends")
    void reads() {
        List<TemporaryPasswordRow> rows = CsvRows.parse("username,firstName,lastName,email,ori,ssnLast4\r\n"
                + "ck4321,Clark,Kent,clark@example.org,AL0010000,4321\r\n"
                + "\r\n"
                + "so0001,Seán,\"O'Brien, Jr.\",,,0001\r\n");
        assertThat(rows).containsExactly(
                new TemporaryPasswordRow("ck4321", "Clark", "Kent", "clark@example.org", "AL0010000", "4321"),
                new TemporaryPasswordRow("so0001", "Seán", "O'Brien, Jr.", null, null, "0001"));
    }

    @Test
    @DisplayName("reads rows without a header")
    void noHeader() {
        assertThat(CsvRows.parse("ck4321,Clark,Kent,,,4321")).hasSize(1);
    }

    @Test
    @DisplayName("a doubled quote inside quotes is one quote")
    void escapedQuote() {
        assertThat(CsvRows.parse("u1,\"Big \"\"Al\"\"\",Smith,,,1234").get(0).firstName()).isEqualTo("Big \"Al\"");
    }

    @ParameterizedTest(name = "\"{0}\" is malformed")
    @ValueSource(strings = {"", "username,firstName,lastName,email,ori,ssnLast4", "ck4321,Clark,Kent,4321",
            "ck4321,Clark,Kent,,,4321,extra", "ck4321,\"Clark,Kent,,,4321"})
    void malformed(String csv) {
        assertThatThrownBy(() -> CsvRows.parse(csv)).isInstanceOf(CsvRows.MalformedCsv.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("4321"));
    }

    @Test
    @DisplayName("the row's text form never shows the digits")
    void rowToString() {
        assertThat(new TemporaryPasswordRow("ck4321", "Clark", "Kent", null, null, "9876").toString())
                .doesNotContain("9876");
    }
}
