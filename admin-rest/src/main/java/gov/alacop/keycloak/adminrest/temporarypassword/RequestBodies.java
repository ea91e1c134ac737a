package gov.alacop.keycloak.adminrest.temporarypassword;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON bodies of both temporary-password endpoints with one strict reader (Keycloak's Jackson): nothing
 * after the value, no key twice, no field we do not know, every value a JSON string (or null where optional) —
 * {@code 4321} is not {@code "4321"}. A bad body gets a clear 400 that never echoes what was sent.
 */
final class RequestBodies {

    static final String SSN_LAST4 = "ssnLast4";
    static final Set<String> SINGLE_FIELDS = Set.of(SSN_LAST4);
    static final List<String> ROW_FIELDS = List.of("username", "firstName", "lastName", "email", "ori", SSN_LAST4,
            "reissue");

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private RequestBodies() {
    }

    static String ssnLast4(String body) {
        JsonNode node = parse(body);
        if (!node.isObject()) {
            throw new Malformed("The body must be a JSON object like {\"ssnLast4\":\"1234\"}.");
        }
        onlyKnownFields(node, SINGLE_FIELDS, "The body");
        JsonNode digits = node.get(SSN_LAST4);
        if (digits == null || !digits.isTextual()) {
            throw new Malformed("ssnLast4 is required, as a JSON string of 4 digits like \"1234\".");
        }
        return digits.asText();
    }

    static List<TemporaryPasswordRow> rows(String body) {
        return rows(body, BatchLimits.MAX_ROWS);
    }

    static List<TemporaryPasswordRow> rows(String body, int maxRows) {
        JsonNode node = parse(body);
        if (!node.isArray() || node.isEmpty()) {
            throw new Malformed("The body must be a non-empty JSON array of rows with " + String.join(", ", ROW_FIELDS)
                    + ".");
        }
        if (node.size() > maxRows) {
            throw BatchLimits.TooLarge.rows();
        }
        List<TemporaryPasswordRow> rows = new ArrayList<>();
        for (JsonNode row : node) {
            String name = "Row " + (rows.size() + 1);
            if (!row.isObject()) {
                throw new Malformed(name + " is not a JSON object.");
            }
            onlyKnownFields(row, ROW_FIELDS, name);
            rows.add(new TemporaryPasswordRow(text(row, "username", name), text(row, "firstName", name),
                    text(row, "lastName", name), text(row, "email", name), text(row, "ori", name),
                    text(row, SSN_LAST4, name), reissue(row, rows.size() + 1)));
        }
        return rows;
    }

    private static void onlyKnownFields(JsonNode object, java.util.Collection<String> known, String name) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            if (!known.contains(names.next())) {
                throw new Malformed(name + " has a field other than " + String.join(", ", known) + ".");
            }
        }
    }

    /** A JSON string, stripped, or null for null, missing or blank; any other JSON type is refused. */
    private static String text(JsonNode row, String field, String name) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new Malformed(name + ": " + field + " must be a JSON string" + (SSN_LAST4.equals(field)
                    ? " of 4 digits like \"1234\"" : "") + " or null.");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
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
            JsonNode node = STRICT.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new Malformed("The body is empty.");
            }
            return node;
        } catch (IOException e) {
            // Jackson's message is not passed on: it can quote the body.
            throw new Malformed("The body is not one valid JSON value (no trailing text, no key twice).");
        }
    }

    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
