package gov.alacop.keycloak.it.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A local stand-in for the AWS SNS and End User Messaging SMS and Voice v2 APIs that the real AWS SDK inside
 * Keycloak calls through the senders' endpoint override. It answers only requests signed with SigV4 for the
 * test's access key, region and service, so an unsigned or wrongly signed call fails like it would at AWS.
 */
public final class AwsStub implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "AKIAALACOPTESTKEY01";
    public static final String SECRET_ACCESS_KEY = "alacop-test-secret-access-key-0000000000";
    public static final String ORIGINATION_NUMBER = "+12055550100";
    public static final int TIMEOUT_MILLIS = 3000;
    static final String VOICE_TARGET = "PinpointSMSVoiceV2.SendVoiceMessage";

    private final WireMockServer server;

    private AwsStub(WireMockServer server) {
        this.server = server;
    }

    public static AwsStub start(KeycloakServer keycloak) {
        WireMockServer server = new WireMockServer(options().port(keycloak.awsStubPort()).bindAddress("127.0.0.1"));
        server.start();
        return new AwsStub(server);
    }

    /** SNS Publish and SendVoiceMessage both succeed. */
    public AwsStub accepting() {
        server.resetAll();
        server.stubFor(signed(post(urlEqualTo("/")), "sns")
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("Action=Publish"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                                + "<MessageId>stub-text-1</MessageId></PublishResult><ResponseMetadata>"
                                + "<RequestId>stub-request-1</RequestId></ResponseMetadata></PublishResponse>")));
        server.stubFor(signed(post(urlEqualTo("/")), "sms-voice")
                .withHeader("X-Amz-Target", equalTo(VOICE_TARGET))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"MessageId\":\"stub-voice-1\"}")));
        return this;
    }

    /** Every call answers 500. */
    public AwsStub failing() {
        server.resetAll();
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code>"
                        + "<Message>stub failure</Message></Error></ErrorResponse>")));
        return this;
    }

    /** Every call answers 400 with an error whose message quotes {@code number}, as AWS's validation errors do. */
    public AwsStub failingQuoting(String number) {
        server.resetAll();
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Publish"))
                .willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameter</Code>"
                        + "<Message>Invalid parameter: PhoneNumber Reason: " + number + " is not valid to publish"
                        + "</Message></Error><RequestId>stub-request-2</RequestId></ErrorResponse>")));
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(VOICE_TARGET))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withHeader("x-amzn-ErrorType", "ValidationException")
                        .withBody("{\"__type\":\"ValidationException\",\"message\":\"Destination " + number
                                + " is not valid\",\"Reason\":\"INVALID_PARAMETER\"}")));
        return this;
    }

    /** How long a {@link #slow()} stub keeps every call waiting: far beyond the senders' timeout. */
    public static final int SLOW_ANSWER_MILLIS = TIMEOUT_MILLIS + 20_000;

    /** Every call answers much later than the senders wait. */
    public AwsStub slow() {
        server.resetAll();
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(SLOW_ANSWER_MILLIS)));
        return this;
    }

    private static MappingBuilder signed(MappingBuilder request, String service) {
        return request
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID
                        + "/[0-9]{8}/" + REGION + "/" + service + "/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*,"
                        + " Signature=[0-9a-f]{64}"))
                .withHeader("X-Amz-Date", matching("[0-9]{8}T[0-9]{6}Z"));
    }

    /** The SNS Publish requests received, as decoded form parameters. */
    public List<Map<String, String>> publishRequests() {
        return server.findAll(WireMock.postRequestedFor(urlEqualTo("/"))
                        .withRequestBody(containing("Action=Publish"))).stream()
                .map(AwsStub::form).toList();
    }

    /** The SendVoiceMessage request bodies received (JSON). */
    public List<String> voiceRequests() {
        return server.findAll(WireMock.postRequestedFor(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo(VOICE_TARGET))).stream()
                .map(LoggedRequest::getBodyAsString).toList();
    }

    public List<LoggedRequest> allRequests() {
        return server.getAllServeEvents().stream().map(e -> e.getRequest()).map(r -> (LoggedRequest) r).toList();
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> values = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop();
    }
}
