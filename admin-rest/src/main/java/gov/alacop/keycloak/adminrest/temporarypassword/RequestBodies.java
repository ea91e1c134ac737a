package gov.alacop.keycloak.adminrest.temporarypassword;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the JSON bodies by hand, so that a bad body gets a clear 400 that never echoes what was sent. */
final class RequestBodies {

    private RequestBodies() {
    }

    static String ssnLast4(String body) {
        JsonNode node = parse(body);
        if (!node.isObject()) {
            throw new Malformed("The body must be a JSON object like {\"ssnLast4\":\"1234\"}.");
        }
        JsonNode digits = node.get("ssnLast4");
        if (digits == null || !digits.isTextual()) {
            throw new Malformed("ssnLast4 is required, as a string of 4 digits.");
        }
        return digits.asText();
    }

    static List<TemporaryPasswordRow> rows(String body) {
        JsonNode node = parse(body);
        if (!node.isArray() || node.isEmpty()) {
            throw new Malformed("The body must be a non-empty JSON array of rows with username, firstName, lastName, "
                    + "email, ori, ssnLast4.");
        }
        List<TemporaryPasswordRow> rows = new ArrayList<>();
        for (JsonNode row : node) {
            if (!row.isObject()) {
                throw new Malformed("Row " + (rows.size() + 1) + " is not a JSON object.");
            }
            rows.add(new TemporaryPasswordRow(text(row, "username"), text(row, "firstName"), text(row, "lastName"),
                    text(row, "email"), text(row, "ori"), text(row, "ssnLast4"), reissue(row, rows.size() + 1)));
        }
        return rows;
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isValueNode() ? value.asText().strip() : null;
        return text == null || text.isEmpty() ? null : text;
    }

    /** The optional {@code reissue} field: a JSON boolean (absent or null: false). */
    static boolean reissue(JsonNode row, int number) {
        JsonNode value = row.get("reissue");
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new Malformed("Row " + number + ": reissue must be true or false.");
        }
        return value.booleanValue();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new Malformed("The body is empty.");
        }
        try {
            return JsonSerialization.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new Malformed("The body is not valid JSON.");
        }
    }

    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
