package gov.alacop.keycloak.it.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.PhoneCodePage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.AwsStub;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.PhoneJourneys;
import gov.alacop.keycloak.it.support.PhoneJourneys.Number;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;

/**
 * The aws-sns and aws-voice senders: the real AWS SDK inside Keycloak calls a local stub of the AWS APIs through
 * the endpoint override, with SigV4-signed requests. The realm attributes alacop.messageSender.text/voice route
 * this realm's codes to them for the duration of a test.
 */
@AlaCopKeycloak
@DisplayName("Codes by text and voice through the AWS APIs")
class AwsSendersIT {

    static final String SEND_FAILED = "We couldn't send the code. Try again or choose another method.";
    static final ObjectMapper JSON = new ObjectMapper();
    static AwsStub aws;

    @BeforeAll
    static void startStub(KeycloakServer server) {
        aws = AwsStub.start(server);
    }

    @AfterAll
    static void stopStub() {
        aws.close();
    }

    @AfterEach
    void backToDefaultSenders(RealmAdmin admin) {
        route(admin, "", "");
    }

    @Test
    @DisplayName("a text goes out as a signed SNS Publish: E.164 number, the message with the code, Transactional")
    void textThroughSns(Browser browser, TestApplication application, RealmAdmin admin) {
        aws.accepting();
        route(admin, "aws-sns", "");
        TestUser officer = PhoneJourneys.officerToSetUpPhone(admin);
        Number number = Number.fresh();

        PhoneCodePage code = PhoneJourneys.signInToSetup(browser, application, officer)
                .sendCode(number.national(), "text");
        assertThat(code.intro()).contains("•••" + number.lastFour());
        assertThat(code.alert()).as("the page says once where the code went").isEmpty();

        Map<String, String> publish = aws.publishRequests().stream()
                .filter(p -> number.e164().equals(p.get("PhoneNumber"))).findFirst().orElseThrow();
        assertThat(publish).containsEntry("Action", "Publish")
                .containsEntry("MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType")
                .containsEntry("MessageAttributes.entry.1.Value.DataType", "String")
                .containsEntry("MessageAttributes.entry.1.Value.StringValue", "Transactional");
        String message = publish.get("Message");
        assertThat(message).matches("Your AlaCOP verification code is [0-9]{6}\\. It expires in 5 minutes\\.");
        String sent = message.replaceAll("[^0-9]", "").substring(0, 6);

        assertThat(code.verify(sent).signedInUser()).isEqualTo(officer.username());
    }

    @Test
    @DisplayName("a call goes out as a signed SendVoiceMessage whose SSML reads the code slowly twice")
    void callThroughVoiceApi(Browser browser, TestApplication application, RealmAdmin admin) throws Exception {
        aws.accepting();
        route(admin, "", "aws-voice");
        TestUser officer = PhoneJourneys.officerToSetUpPhone(admin);
        Number number = Number.fresh();

        PhoneCodePage code = PhoneJourneys.signInToSetup(browser, application, officer)
                .sendCode(number.national(), "voice");
        assertThat(code.intro()).isEqualTo("We're calling your phone •••" + number.lastFour()
                + ". Enter the code you hear to continue.");
        assertThat(code.alert()).as("the page says once where the code went").isEmpty();

        JsonNode call = null;
        for (String body : aws.voiceRequests()) {
            JsonNode node = JSON.readTree(body);
            if (number.e164().equals(node.path("DestinationPhoneNumber").asText())) {
                call = node;
            }
        }
        assertThat(call).isNotNull();
        assertThat(call.path("OriginationIdentity").asText()).isEqualTo(AwsStub.ORIGINATION_NUMBER);
        assertThat(call.path("MessageBodyTextType").asText()).isEqualTo("SSML");
        assertThat(call.path("VoiceId").asText()).isEqualToIgnoringCase("JOANNA");
        String ssml = call.path("MessageBody").asText();
        Matcher digits = Pattern
                .compile("<prosody rate=\"slow\"><say-as interpret-as=\"digits\">([0-9 ]{11})</say-as></prosody>")
                .matcher(ssml);
        assertThat(digits.find()).isTrue();
        String spoken = digits.group(1);
        assertThat(digits.find()).as("the code is read twice").isTrue();
        assertThat(digits.group(1)).isEqualTo(spoken);

        assertThat(code.verify(spoken.replace(" ", "")).signedInUser()).isEqualTo(officer.username());
    }

    @Test
    @DisplayName("SNS answering 500: a clear message, logged without the number; a call still gets through")
    void textGatewayFails(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        aws.failing();
        route(admin, "aws-sns", "");
        TestUser officer = PhoneJourneys.officerToSetUpPhone(admin);
        Number number = Number.fresh();

        PhoneCodePage code = PhoneJourneys.signInToSetup(browser, application, officer)
                .sendCode(number.national(), "text");
        assertThat(code.alert()).hasValue(SEND_FAILED);
        assertThat(aws.publishRequests()).anyMatch(p -> number.e164().equals(p.get("PhoneNumber")));
        assertThat(server.logText()).contains("Could not send a text code to •••" + number.lastFour())
                .doesNotContain(number.e164()).doesNotContain(number.e164().substring(1));

        // The other method: a call (through the development sender) right away, no cooldown after a failure.
        code = code.callInstead();
        String spoken = server.outbox().await(number.e164(), 0).code();
        assertThat(code.verify(spoken).signedInUser()).isEqualTo(officer.username());
    }

    @Test
    @DisplayName("a gateway error quoting the number is logged by its error code only, for texts and calls")
    void gatewayErrorTextNotLogged(Browser browser, TestApplication application, RealmAdmin admin,
                                   KeycloakServer server) {
        Number number = Number.fresh();
        aws.failingQuoting(number.e164());
        route(admin, "aws-sns", "aws-voice");
        TestUser officer = PhoneJourneys.officerToSetUpPhone(admin);

        PhoneCodePage code = PhoneJourneys.signInToSetup(browser, application, officer)
                .sendCode(number.national(), "text");
        assertThat(code.alert()).hasValue(SEND_FAILED);
        code = code.callInstead();
        assertThat(code.alert()).hasValue(SEND_FAILED);
        assertThat(aws.publishRequests()).anyMatch(p -> number.e164().equals(p.get("PhoneNumber")));
        assertThat(aws.voiceRequests()).anyMatch(body -> body.contains(number.e164()));

        String log = server.logText();
        assertThat(log).contains("Could not send a text code to •••" + number.lastFour())
                .contains("Could not send a voice code to •••" + number.lastFour())
                .contains("code=InvalidParameter").contains("code=ValidationException");
        for (String form : List.of(number.e164(), number.e164().substring(1), number.e164().substring(2))) {
            assertThat(log).doesNotContain(form);
        }
    }

    @Test
    @DisplayName("at sign-in, a failing SNS gives the clear message and 'Sign in another way' still gets a call")
    void signInWhileTextGatewayFails(Browser browser, TestApplication application, RealmAdmin admin,
                                     KeycloakServer server) {
        aws.failing();
        route(admin, "aws-sns", "");
        Number number = Number.fresh();
        TestUser officer = PhoneJourneys.officerWithPhone(admin, number, "text");

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        SecondFactorPage challenge = new SecondFactorPage(browser);
        assertThat(challenge.alert()).hasValue(SEND_FAILED);
        challenge.otherWays();
        challenge = challenge.choose("voice");
        String spoken = server.outbox().await(number.e164(), 0).code();
        assertThat(challenge.verify(spoken).signedInUser()).isEqualTo(officer.username());
    }

    @Test
    @DisplayName("SNS not answering in time: the page answers within the bounded timeout with the clear message")
    void textGatewayTimesOut(Browser browser, TestApplication application, RealmAdmin admin) {
        aws.slow();
        route(admin, "aws-sns", "");
        TestUser officer = PhoneJourneys.officerToSetUpPhone(admin);
        Number number = Number.fresh();

        var setup = PhoneJourneys.signInToSetup(browser, application, officer);
        Instant started = Instant.now();
        PhoneCodePage code = setup.sendCode(number.national(), "text");
        assertThat(code.alert()).hasValue(SEND_FAILED);
        // Not a timing assertion on speed: only that the SDK gave up rather than waiting for the stub's answer,
        // which comes 20 s after the timeout (a loaded CI machine may take seconds to render the page).
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofMillis(AwsStub.SLOW_ANSWER_MILLIS));
    }

    static void route(RealmAdmin admin, String text, String voice) {
        RealmRepresentation realm = admin.realm().toRepresentation();
        Map<String, String> attributes = new HashMap<>(realm.getAttributes() == null ? Map.of()
                : realm.getAttributes());
        attributes.put("alacop.messageSender.text", text);
        attributes.put("alacop.messageSender.voice", voice);
        realm.setAttributes(attributes);
        admin.realm().update(realm);
    }
}
