package gov.alacop.keycloak.common.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The order of the password checks")
class PolicyOrderTest {

    private static final List<String> SHIPPED = List.of("passwordHistory", "notEmail", "length", "alacopMinPasswordAge",
            "specialChars", "maxLength", "upperCase", "lowerCase", "digits", "notUsername");

    @Test
    @DisplayName("puts the minimum age first and the history last, whatever the input order")
    void shippedPolicy() {
        List<String> sorted = PolicyOrder.sort(new LinkedHashSet<>(SHIPPED));
        assertThat(sorted.get(0)).isEqualTo("alacopMinPasswordAge");
        assertThat(sorted.get(sorted.size() - 1)).isEqualTo("passwordHistory");
        assertThat(sorted).containsExactlyInAnyOrderElementsOf(SHIPPED);
        List<String> reversed = new ArrayList<>(SHIPPED);
        Collections.reverse(reversed);
        assertThat(PolicyOrder.sort(reversed)).isEqualTo(sorted);
    }

    @Test
    @DisplayName("names the username and e-mail rules before the character classes (the more specific message)")
    void identityBeforeShape() {
        assertThat(PolicyOrder.sort(List.of("upperCase", "length", "notEmail", "notUsername")))
                .containsExactly("notEmail", "notUsername", "length", "upperCase");
    }

    @Test
    @DisplayName("without the hashing rules leaves exactly the cheap ones, in order")
    void withoutHashing() {
        assertThat(PolicyOrder.withoutHashing(SHIPPED)).doesNotContain("passwordHistory").hasSize(SHIPPED.size() - 1)
                .startsWith("alacopMinPasswordAge");
    }

    @Test
    @DisplayName("checks unknown policies after the shape rules and before every hashing rule")
    void unknownInTheMiddle() {
        assertThat(PolicyOrder.sort(List.of("passwordAge", "someVendorPolicy", "digits", "passwordHistory")))
                .containsExactly("digits", "someVendorPolicy", "passwordAge", "passwordHistory");
    }

    @Test
    @DisplayName("checks visible characters with the cheap shape rules, before the length and every hashing rule")
    void visibleCharactersIsCheap() {
        assertThat(PolicyOrder.sort(List.of("passwordHistory", "length", "alacopVisibleCharacters", "notUsername")))
                .containsExactly("notUsername", "alacopVisibleCharacters", "length", "passwordHistory");
        assertThat(PolicyOrder.withoutHashing(List.of("passwordHistory", "alacopVisibleCharacters")))
                .containsExactly("alacopVisibleCharacters");
    }
}
