package gov.alacop.keycloak.adminrest.temporarypassword;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bulk CSV: one officer per line, {@code username,firstName,lastName,email,ori,ssnLast4}, an optional
 * header line starting with {@code username}, RFC 4180 double quotes for values with commas or quotes.
 */
public final class CsvRows {

    static final int COLUMNS = 6;

    private CsvRows() {
    }

    public static List<TemporaryPasswordRow> parse(String text) {
        List<TemporaryPasswordRow> rows = new ArrayList<>();
        if (text == null) {
            throw new MalformedCsv("The CSV is empty.");
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = fields(line, i + 1);
            if (rows.isEmpty() && i == firstContentLine(lines) && "username".equalsIgnoreCase(fields.get(0).strip())) {
                continue;
            }
            if (fields.size() != COLUMNS && fields.size() != COLUMNS + 1) {
                throw new MalformedCsv("Line " + (i + 1) + " has " + fields.size() + " values; expected " + COLUMNS
                        + ": username,firstName,lastName,email,ori,ssnLast4 (and optionally reissue).");
            }
            rows.add(new TemporaryPasswordRow(fields.get(0).strip(), fields.get(1).strip(), fields.get(2).strip(),
                    blankToNull(fields.get(3)), blankToNull(fields.get(4)), fields.get(5).strip(),
                    fields.size() > COLUMNS && reissue(fields.get(COLUMNS), i + 1)));
        }
        if (rows.isEmpty()) {
            throw new MalformedCsv("The CSV has no rows.");
        }
        return rows;
    }

    private static int firstContentLine(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> fields(String line, int lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"' && current.toString().isBlank()) {
                quoted = true;
                current.setLength(0);
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new MalformedCsv("Line " + lineNumber + " has an unterminated quote.");
        }
        fields.add(current.toString());
        return fields;
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
