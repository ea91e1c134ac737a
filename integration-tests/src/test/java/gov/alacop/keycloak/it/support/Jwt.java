package gov.alacop.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The claims of a token the test received from the server under test (the signature is not checked). */
public final class Jwt {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Jwt() {
    }

    public static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
