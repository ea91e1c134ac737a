package gov.alacop.keycloak.common.claims;

import static gov.alacop.keycloak.common.claims.AuthenticationMethod.KBA;
import static gov.alacop.keycloak.common.claims.AuthenticationMethod.MFA;
import static gov.alacop.keycloak.common.claims.AuthenticationMethod.OTP;
import static gov.alacop.keycloak.common.claims.AuthenticationMethod.PWD;
import static gov.alacop.keycloak.common.claims.AuthenticationMethod.SMS;
import static gov.alacop.keycloak.common.claims.AuthenticationMethod.TEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.sessions.AuthenticationSessionModel;

@DisplayName("The methods of a sign-in (amr)")
class SignInMethodsTest {

    @Nested
    @DisplayName("the note")
    class Note {

        @ParameterizedTest(name = "\"{0}\" reads as \"{1}\"")
        @CsvSource(delimiter = '|', value = {
                "pwd|pwd",
                "mfa otp pwd|pwd otp mfa",
                "  pwd   sms  |pwd sms",
                "pwd pwd tel|pwd tel",
                "pwd hwk PWD x|pwd",
                "kba|kba",
        })
        void parsesInClaimOrder(String note, String expected) {
            assertThat(SignInMethods.format(SignInMethods.parse(note))).isEqualTo(expected);
        }

        @Test
        @DisplayName("no note, an empty or a blank note name no method")
        void empty() {
            assertThat(SignInMethods.parse(null)).isEmpty();
            assertThat(SignInMethods.parse("")).isEmpty();
            assertThat(SignInMethods.parse("   ")).isEmpty();
            assertThat(SignInMethods.format(List.of())).isEmpty();
        }

        @Test
        @DisplayName("every value is RFC 8176's spelling")
        void values() {
            assertThat(Arrays.stream(AuthenticationMethod.values()).map(AuthenticationMethod::value))
                    .containsExactly("pwd", "otp", "sms", "tel", "kba", "mfa");
            assertThat(AuthenticationMethod.of("otp")).hasValue(OTP);
            assertThat(AuthenticationMethod.of("OTP")).isEmpty();
        }
    }

    @Nested
    @DisplayName("recording")
    class Recording {

        private final Map<String, String> notes = new HashMap<>();
        private final AuthenticationSessionModel authSession = authSession(notes);

        @Test
        @DisplayName("the password, then the second factor: pwd, the method, mfa")
        void signIn() {
            SignInMethods.record(authSession, PWD);
            assertThat(notes).containsEntry(SignInMethods.NOTE, "pwd");
            SignInMethods.record(authSession, SMS, MFA);
            assertThat(notes).containsEntry(SignInMethods.NOTE, "pwd sms mfa");
        }

        @Test
        @DisplayName("a setup during the sign-in adds its method, without mfa")
        void setupDuringSignIn() {
            SignInMethods.record(authSession, PWD);
            SignInMethods.recordSetup(authSession, OTP);
            assertThat(notes).containsEntry(SignInMethods.NOTE, "pwd otp");
        }

        @Test
        @DisplayName("a setup in an authentication session that recorded nothing (kc_action on a session) adds nothing")
        void setupFromApplication() {
            SignInMethods.recordSetup(authSession, TEL);
            assertThat(notes).doesNotContainKey(SignInMethods.NOTE);
        }
    }

    @Nested
    @DisplayName("the claim")
    class Claim {

        @Test
        @DisplayName("lists the note's methods, then other steps' references, each once")
        void union() {
            assertThat(SignInMethods.claim("pwd otp mfa", List.of("hwk", "otp", " ", "face")))
                    .containsExactly("pwd", "otp", "mfa", "hwk", "face");
        }

        @Test
        @DisplayName("without a note it is Keycloak's references alone; with neither it is empty")
        void stockOnly() {
            assertThat(SignInMethods.claim(null, List.of("pwd"))).containsExactly("pwd");
            assertThat(SignInMethods.claim(null, null)).isEmpty();
            assertThat(SignInMethods.claim("kba", List.of())).containsExactly(KBA.value());
        }
    }

    /** The two methods of the authentication session the recording uses, over a map. */
    private static AuthenticationSessionModel authSession(Map<String, String> notes) {
        return (AuthenticationSessionModel) Proxy.newProxyInstance(SignInMethodsTest.class.getClassLoader(),
                new Class<?>[] {AuthenticationSessionModel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUserSessionNotes" -> Map.copyOf(notes);
                    case "setUserSessionNote" -> notes.put((String) args[0], (String) args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
