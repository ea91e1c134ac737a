package gov.alacop.keycloak.adminrest.temporarypassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BatchLimitsTest {

    @Test
    void readsUtf8WithoutTheByteOrderMark() throws IOException {
        byte[] body = "\uFEFFck4321,Clark".getBytes(StandardCharsets.UTF_8);
        assertThat(BatchLimits.readBody(new ByteArrayInputStream(body), null)).isEqualTo("ck4321,Clark");
    }

    @Test
    void refusesBodiesOverTheLimit() {
        byte[] body = new byte[BatchLimits.MAX_BYTES + 1];
        assertThatThrownBy(() -> BatchLimits.readBody(new ByteArrayInputStream(body), null))
                .isInstanceOf(BatchLimits.TooLarge.class);
        assertThatThrownBy(() -> BatchLimits.readBody(new ByteArrayInputStream(new byte[0]), "99999999"))
                .isInstanceOf(BatchLimits.TooLarge.class);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = "Se\u00E1n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> BatchLimits.readBody(new ByteArrayInputStream(latin1), null))
                .isInstanceOf(BatchLimits.NotUtf8.class);
    }
}
