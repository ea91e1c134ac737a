package gov.alacop.keycloak.authenticators.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import gov.alacop.keycloak.authenticators.identifier.Identifier.Kind;

class IdentifierTest {

    @Nested
    @DisplayName("an identifier in the UPN domain")
    class InUpnDomain {

        @ParameterizedTest(name = "\"{0}\" signs in as username \"{1}\"")
        @CsvSource({
                "ck4321@alacop.gov, ck4321",
                "CK4321@ALACOP.GOV, ck4321",
                "'  Ck4321@AlaCop.gov  ', ck4321",
                "cs0101, cs0101",
                "CS0101, cs0101"
        })
        void isLookedUpByUsername(String typed, String username) {
            Identifier identifier = Identifier.parse(typed, "alacop.gov").orElseThrow();
            assertThat(identifier.kind()).isEqualTo(Kind.USERNAME);
            assertThat(identifier.lookupValue()).isEqualTo(username);
            assertThat(identifier.display()).isEqualTo(username + "@alacop.gov");
        }

        @Test
        @DisplayName("follows the configured domain")
        void followsConfiguredDomain() {
            Identifier identifier = Identifier.parse("ck4321@Police.Example", "police.example").orElseThrow();
            assertThat(identifier.kind()).isEqualTo(Kind.USERNAME);
            assertThat(identifier.lookupValue()).isEqualTo("ck4321");
            assertThat(Identifier.parse("ck4321@alacop.gov", "police.example").orElseThrow().kind())
                    .isEqualTo(Kind.EMAIL);
        }
    }

    @Nested
    @DisplayName("an identifier outside the UPN domain")
    class OtherDomain {

        @Test
        @DisplayName("is an e-mail address, shown as typed in lower case")
        void isEmail() {
            Identifier identifier = Identifier.parse("Clark.Kent@Example.ORG", "alacop.gov").orElseThrow();
            assertThat(identifier.kind()).isEqualTo(Kind.EMAIL);
            assertThat(identifier.lookupValue()).isEqualTo("clark.kent@example.org");
            assertThat(identifier.display()).isEqualTo("clark.kent@example.org");
        }

        @Test
        @DisplayName("'@alacop.gov' alone is not a username")
        void emptyLocalPart() {
            assertThat(Identifier.parse("@alacop.gov", "alacop.gov").orElseThrow().kind()).isEqualTo(Kind.EMAIL);
        }
    }

    @ParameterizedTest(name = "\"{0}\" is no identifier")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void blankInputIsRejected(String typed) {
        assertThat(Identifier.parse(typed, "alacop.gov")).isEmpty();
    }

    @Test
    @DisplayName("a 10 000-character input matches nobody and needs no lookup")
    void overlongInputIsUnmatchable() {
        Identifier identifier = Identifier.parse("a".repeat(10_000), "alacop.gov").orElseThrow();
        assertThat(identifier.unmatchable()).isTrue();
        assertThat(Identifier.parse("ck4321", "alacop.gov").orElseThrow().unmatchable()).isFalse();
    }

    @Test
    @DisplayName("without a UPN domain a bare username is shown bare")
    void noDomain() {
        Identifier identifier = Identifier.parse("ck4321", "").orElseThrow();
        assertThat(identifier.display()).isEqualTo("ck4321");
    }
}
