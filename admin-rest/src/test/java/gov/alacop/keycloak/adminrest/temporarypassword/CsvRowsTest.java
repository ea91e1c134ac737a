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
            "ck4321,Clark,Kent,,,4321,extra", "ck4321,\"Clark,Kent,,,4321", "ck4321,\"Cl\"ark,Kent,,,4321"})
    void malformed(String csv) {
        assertThatThrownBy(() -> CsvRows.parse(csv)).isInstanceOf(CsvRows.MalformedCsv.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("4321"));
    }

    @Test
    @DisplayName("a UTF-8 byte-order mark is dropped, with or without a header line")
    void byteOrderMark() {
        assertThat(CsvRows.parse("\uFEFFck4321,Clark,Kent,,,4321\n").get(0).username()).isEqualTo("ck4321");
        List<TemporaryPasswordRow> rows = CsvRows.parse("\uFEFFusername,firstName,lastName,email,ori,ssnLast4\n"
                + "ck4321,Clark,Kent,,,4321\n");
        assertThat(rows).extracting(TemporaryPasswordRow::username).containsExactly("ck4321");
    }

    @Test
    @DisplayName("a quoted value may hold a line break (RFC 4180); names keep one space for it")
    void quotedLineBreak() {
        List<TemporaryPasswordRow> rows = CsvRows.parse("username,firstName,lastName,email,ori,ssnLast4\r\n"
                + "mj0001,\"Mary\r\nJane\",Watson,,,0001\r\n"
                + "ck4321,Clark,Kent,,,4321\r\n");
        assertThat(rows).extracting(TemporaryPasswordRow::username).containsExactly("mj0001", "ck4321");
        assertThat(rows.get(0).firstName()).isEqualTo("Mary Jane");
    }

    @Test
    @DisplayName("names are stored NFKC: full-width letters and ligatures become the letters a keyboard types")
    void normalizedNames() {
        TemporaryPasswordRow row = CsvRows.parse("u1,\uFF26red,\uFB01sher,,,1234").get(0);
        assertThat(row.firstName()).isEqualTo("Fred");
        assertThat(row.lastName()).isEqualTo("fisher");
    }

    @Test
    @DisplayName("more rows than the limit are refused as a whole")
    void rowLimit() {
        String csv = "u1,A,B,,,1234\nu2,A,B,,,1234\nu3,A,B,,,1234\n";
        assertThat(CsvRows.parse(csv, 3)).hasSize(3);
        assertThatThrownBy(() -> CsvRows.parse(csv, 2)).isInstanceOf(BatchLimits.TooLarge.class);
    }

    @Test
    @DisplayName("a row reports a missing or invisible username and over-long values before any work")
    void rowProblems() {
        assertThat(new TemporaryPasswordRow("ck4321", "Clark", "Kent", null, null, "4321").problem()).isNull();
        assertThat(new TemporaryPasswordRow(null, "Clark", "Kent", null, null, "4321").problem().code())
                .isEqualTo("invalid_username");
        assertThat(new TemporaryPasswordRow("\uFEFFck4321", "Clark", "Kent", null, null, "4321").problem().code())
                .isEqualTo("invalid_username");
        assertThat(new TemporaryPasswordRow("ck4321", "C".repeat(256), "Kent", null, null, "4321").problem())
                .isEqualTo(new TemporaryPasswordRow.Problem("value_too_long", "firstName is longer than 255 characters."));
    }

    @Test
    @DisplayName("the row's text form never shows the digits")
    void rowToString() {
        assertThat(new TemporaryPasswordRow("ck4321", "Clark", "Kent", null, null, "9876").toString())
                .doesNotContain("9876");
    }
}
