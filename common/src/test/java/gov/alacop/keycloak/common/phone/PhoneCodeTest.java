package gov.alacop.keycloak.common.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A phone code")
class PhoneCodeTest {

    static final long NOW = 1_800_000_000_000L;

    @Nested
    @DisplayName("is generated")
    class Generation {
        @Test
        @DisplayName("as 6 digits, varied")
        void sixDigits() {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                String code = PhoneCode.generate();
                assertThat(code).matches("[0-9]{6}");
                seen.add(code);
            }
            assertThat(seen).hasSizeGreaterThan(190);
        }

        @Test
        @DisplayName("and stored only as a salted hash")
        void storedHashed() {
            PhoneCode stored = PhoneCode.issue("123456", NOW, null);
            assertThat(stored.encode()).doesNotContain("123456");
            assertThat(PhoneCode.issue("123456", NOW, null).hash()).isNotEqualTo(stored.hash());
        }
    }

    @Nested
    @DisplayName("is verified")
    class Verification {
        PhoneCode code = PhoneCode.issue("042917", NOW, null);

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"042917", " 042917 ", "042 917", "042-917"})
        @DisplayName("accepting the right code with spaces or a dash")
        void accepts(String entered) {
            assertThat(code.check(entered, NOW + 1000)).isEqualTo(PhoneCode.Verdict.ACCEPTED);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"042918", "42917", "", "abcdef", "<script>"})
        @DisplayName("refusing anything else")
        void refuses(String entered) {
            assertThat(code.check(entered, NOW + 1000)).isEqualTo(PhoneCode.Verdict.WRONG);
        }

        @Test
        @DisplayName("refusing a null entry")
        void refusesNull() {
            assertThat(code.check(null, NOW)).isEqualTo(PhoneCode.Verdict.WRONG);
        }

        @Test
        @DisplayName("only for 5 minutes")
        void expires() {
            assertThat(code.check("042917", NOW + PhoneCode.VALIDITY_MILLIS)).isEqualTo(PhoneCode.Verdict.ACCEPTED);
            assertThat(code.check("042917", NOW + PhoneCode.VALIDITY_MILLIS + 1)).isEqualTo(PhoneCode.Verdict.EXPIRED);
        }

        @Test
        @DisplayName("once")
        void singleUse() {
            assertThat(code.markUsed().check("042917", NOW)).isEqualTo(PhoneCode.Verdict.USED);
        }

        @Test
        @DisplayName("until 5 wrong entries, then never, even with the right code")
        void fiveFailures() {
            PhoneCode current = code;
            for (int i = 0; i < PhoneCode.MAX_FAILURES; i++) {
                assertThat(current.check("000000", NOW)).isEqualTo(PhoneCode.Verdict.WRONG);
                current = PhoneCode.decode(current.withFailure().encode());
            }
            assertThat(current.check("042917", NOW)).isEqualTo(PhoneCode.Verdict.TOO_MANY_FAILURES);
        }

        @Test
        @DisplayName("a resend replaces the code and keeps the failure count")
        void resendKeepsFailures() {
            PhoneCode replacement = PhoneCode.issue("111111", NOW, code.withFailure().withFailure());
            assertThat(replacement.totalFailures()).isEqualTo(2);
            assertThat(replacement.check("042917", NOW)).isEqualTo(PhoneCode.Verdict.WRONG);
            assertThat(replacement.check("111111", NOW)).isEqualTo(PhoneCode.Verdict.ACCEPTED);
            PhoneCode again = PhoneCode.decode(PhoneCode.issue("222222", NOW, replacement.withFailure()).encode());
            assertThat(again.totalFailures()).isEqualTo(3);
        }

        @Test
        @DisplayName("a resend before the code is used up leaves only the tries the old code had left")
        void resendDoesNotBuyTries() {
            PhoneCode replacement = PhoneCode.issue("111111", NOW, code.withFailure().withFailure().withFailure());
            assertThat(replacement.failures()).isEqualTo(3);
            PhoneCode current = replacement.withFailure().withFailure();
            assertThat(current.check("111111", NOW)).isEqualTo(PhoneCode.Verdict.TOO_MANY_FAILURES);
        }

        @Test
        @DisplayName("after 5 wrong entries a new code can be used")
        void newCodeAfterFiveFailures() {
            PhoneCode exhausted = code;
            for (int i = 0; i < PhoneCode.MAX_FAILURES; i++) {
                exhausted = exhausted.withFailure();
            }
            PhoneCode fresh = PhoneCode.issue("333333", NOW, exhausted);
            assertThat(fresh.check("333333", NOW)).isEqualTo(PhoneCode.Verdict.ACCEPTED);
            assertThat(fresh.totalFailures()).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "a:b", "a:b:1:0:0", "a:b:1:x:0:0"})
    @DisplayName("a malformed note decodes to nothing")
    void malformed(String note) {
        assertThat(PhoneCode.decode(note)).isNull();
    }
}
