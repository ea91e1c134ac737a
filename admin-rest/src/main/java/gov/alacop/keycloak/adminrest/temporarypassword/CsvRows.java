package gov.alacop.keycloak.adminrest.temporarypassword;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the bulk CSV with Apache Commons CSV (RFC 4180: double quotes for values with commas, quotes or line
 * breaks): one officer per record, {@code username,firstName,lastName,email,ori,ssnLast4}, an optional header
 * record starting with {@code username}, blank lines ignored, a leading byte-order mark dropped.
 */
public final class CsvRows {

    static final int COLUMNS = 6;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private CsvRows() {
    }

    public static List<TemporaryPasswordRow> parse(String text) {
        return parse(text, BatchLimits.MAX_ROWS);
    }

    static List<TemporaryPasswordRow> parse(String text, int maxRows) {
        if (text == null || text.isBlank()) {
            throw new MalformedCsv("The CSV is empty.");
        }
        String csv = text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        List<TemporaryPasswordRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), FORMAT)) {
            boolean first = true;
            for (CSVRecord record : parser) {
                boolean header = first && "username".equalsIgnoreCase(record.get(0).strip());
                first = false;
                if (header) {
                    continue;
                }
                if (record.size() != COLUMNS && record.size() != COLUMNS + 1) {
                    throw new MalformedCsv("The record ending on line " + parser.getCurrentLineNumber() + " has "
                            + record.size() + " values; expected " + COLUMNS
                            + ": username,firstName,lastName,email,ori,ssnLast4 (and optionally reissue).");
                }
                if (rows.size() == maxRows) {
                    throw BatchLimits.TooLarge.rows();
                }
                rows.add(new TemporaryPasswordRow(blankToNull(record.get(0)), blankToNull(record.get(1)),
                        blankToNull(record.get(2)), blankToNull(record.get(3)), blankToNull(record.get(4)),
                        blankToNull(record.get(5)), record.size() > COLUMNS
                                && reissue(record.get(COLUMNS), (int) parser.getCurrentLineNumber())));
            }
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            // Commons CSV's message is not passed on: it can quote the input.
            throw new MalformedCsv("The CSV cannot be read: a quoted value is not closed, or a closing quote is "
                    + "followed by other characters than a comma or a line break.");
        }
        if (rows.isEmpty()) {
            throw new MalformedCsv("The CSV has no rows.");
        }
        return rows;
    }

    /** The optional 7th column {@code reissue}: {@code true}/{@code yes}/{@code 1}, or empty/{@code false}/{@code no}/{@code 0}. */
    static boolean reissue(String value, int lineNumber) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "true", "yes", "1" -> true;
            case "", "false", "no", "0" -> false;
            default -> throw new MalformedCsv("Line " + lineNumber + ": reissue must be true or false.");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The CSV cannot be read; the message names the line, never a value. */
    public static final class MalformedCsv extends RuntimeException {
        MalformedCsv(String message) {
            super(message, null, false, false);
        }
    }
}
