package gov.alacop.keycloak.adminrest.temporarypassword;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What one bulk call may cost: at most {@value #MAX_ROWS} rows and {@value #MAX_BYTES} bytes of body, each value
 * at most {@value #MAX_VALUE_LENGTH} characters (the user profile's own limit for names and usernames). Every row
 * then costs one user write and one password hash. The body is read up to the limit and no further.
 */
final class BatchLimits {

    static final int MAX_ROWS = 500;
    static final int MAX_BYTES = 512 * 1024;
    static final int MAX_VALUE_LENGTH = 255;

    private static final char BOM = '\uFEFF';

    private BatchLimits() {
    }

    /** The body as UTF-8 text without a leading byte-order mark; throws {@link TooLarge} past {@link #MAX_BYTES}. */
    static String readBody(InputStream in, String contentLength) throws IOException {
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.strip()) > MAX_BYTES) {
                    throw TooLarge.bytes();
                }
            } catch (NumberFormatException e) {
                // the server checks the header itself; the counted bytes decide below
            }
        }
        if (in == null) {
            return "";
        }
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw TooLarge.bytes();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NotUtf8();
        }
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** The batch is over a limit: HTTP 413 with this message. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message, null, false, false);
        }

        static TooLarge bytes() {
            return new TooLarge("The body is larger than " + MAX_BYTES + " bytes; send at most " + MAX_ROWS
                    + " rows per call.");
        }

        static TooLarge rows() {
            return new TooLarge("The batch has more than " + MAX_ROWS + " rows; split it into several calls.");
        }
    }

    /** The body is not UTF-8 text: HTTP 400. */
    static final class NotUtf8 extends RuntimeException {
        NotUtf8() {
            super("The body must be UTF-8 text.", null, false, false);
        }
    }
}
