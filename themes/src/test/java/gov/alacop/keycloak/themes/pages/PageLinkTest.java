package gov.alacop.keycloak.themes.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The link onward on info and error pages")
class PageLinkTest {

    @Test
    @DisplayName("is none when Keycloak asks for no link")
    void skipLink() {
        assertThat(PageLink.choose(true, "https://app/", "https://action", "https://home/")).isEmpty();
    }

    @Test
    @DisplayName("prefers the validated return address, then a pending action, then the application's home URL")
    void order() {
        assertThat(PageLink.choose(false, "https://app/", "https://action", "https://home/"))
                .hasValue(new PageLink("https://app/", "backToApplication"));
        assertThat(PageLink.choose(false, null, "https://action", "https://home/"))
                .hasValue(new PageLink("https://action", "proceedWithAction"));
        assertThat(PageLink.choose(false, "", null, "https://home/"))
                .hasValue(new PageLink("https://home/", "backToApplication"));
        assertThat(PageLink.choose(false, null, null, null)).isEmpty();
    }
}
