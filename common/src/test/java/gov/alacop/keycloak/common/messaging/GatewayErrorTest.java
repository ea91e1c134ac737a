package gov.alacop.keycloak.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;

@DisplayName("Gateway errors are described by code, never by the SDK's message")
class GatewayErrorTest {

    @Test
    @DisplayName("a service error: its type, error code, status and request id, not the message quoting the number")
    void serviceError() {
        InvalidParameterException e = (InvalidParameterException) InvalidParameterException.builder()
                .message("Invalid parameter: PhoneNumber Reason: +12055550199 is not valid")
                .statusCode(400).requestId("abc-123")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameter")
                        .errorMessage("+12055550199 is not valid").build())
                .build();
        assertThat(GatewayError.describe(e))
                .isEqualTo("InvalidParameterException code=InvalidParameter status=400 requestId=abc-123")
                .doesNotContain("2055550199");
    }

    @Test
    @DisplayName("a client error (timeout, no connection): only its type")
    void clientError() {
        assertThat(GatewayError.describe(SdkClientException.create("Unable to reach +12055550199")))
                .isEqualTo("SdkClientException");
    }
}
