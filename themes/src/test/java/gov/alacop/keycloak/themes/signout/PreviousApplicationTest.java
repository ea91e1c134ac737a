package gov.alacop.keycloak.themes.signout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The 'log in to the previous application again' link")
class PreviousApplicationTest {

    @Nested
    @DisplayName("is offered")
    class Offered {

        @Test
        @DisplayName("to the post-logout address Keycloak validated against the client's registered list")
        void validatedRedirect() {
            assertThat(PreviousApplication.link(true, "https://lets.alacop.gov/bye", "https://lets.alacop.gov/"))
                    .hasValue("https://lets.alacop.gov/bye");
        }

        @Test
        @DisplayName("to the client's registered home URL otherwise")
        void homeUrl() {
            assertThat(PreviousApplication.link(true, null, "https://lets.alacop.gov/")).hasValue("https://lets.alacop.gov/");
        }
    }

    @Nested
    @DisplayName("is not offered")
    class NotOffered {

        @Test
        @DisplayName("when no application is known (Keycloak's placeholder client)")
        void unknownApplication() {
            assertThat(PreviousApplication.link(false, "https://lets.alacop.gov/bye", "https://lets.alacop.gov/")).isEmpty();
        }

        @Test
        @DisplayName("when the application registered no address")
        void nothingRegistered() {
            assertThat(PreviousApplication.link(true, null, " ")).isEmpty();
        }
    }
}
