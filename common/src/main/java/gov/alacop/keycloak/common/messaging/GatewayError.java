package gov.alacop.keycloak.common.messaging;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What of a gateway error may be logged: the exception type, AWS's error code, the HTTP status and the request id.
 * Never the SDK's message text, which can quote the request (the full phone number) back; and the exception is
 * not kept as a cause, so no stack trace or message of it reaches a log either.
 */
final class GatewayError {

    private GatewayError() {
    }

    static String describe(Exception e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        if (e instanceof AwsServiceException service) {
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            text.append(" code=").append(safe(code)).append(" status=").append(service.statusCode())
                    .append(" requestId=").append(safe(service.requestId()));
        }
        return text.toString();
    }

    /** AWS error codes and request ids are short tokens; anything else is not logged. */
    private static String safe(String value) {
        return value != null && value.matches("[A-Za-z0-9._:-]{1,80}") ? value : "-";
    }
}
