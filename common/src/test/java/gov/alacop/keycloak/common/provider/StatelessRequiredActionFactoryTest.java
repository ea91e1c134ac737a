package gov.alacop.keycloak.common.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.userprofile.ValidationException;

@DisplayName("A stateless required-action factory")
class StatelessRequiredActionFactoryTest {

    /** Refuses the value "bad" of the setting "x". */
    static final class Example extends StatelessRequiredActionFactory {
        Example() {
            super(null, "example", "Example");
        }

        @Override
        protected List<String> configProblems(Map<String, String> config) {
            return "bad".equals(config.get("x")) ? List.of("X: not bad.", "X: really.") : List.of();
        }
    }

    static RequiredActionConfigModel config(Map<String, String> values) {
        RequiredActionConfigModel model = new RequiredActionConfigModel();
        model.setConfig(values);
        return model;
    }

    @Test
    @DisplayName("saves settings without problems, and settings that are empty")
    void accepts() {
        assertThatCode(() -> new Example().validateConfig(null, null, config(Map.of("x", "good"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> new Example().validateConfig(null, null, config(null))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("refuses settings with problems, naming every one in the error")
    void refuses() {
        assertThatThrownBy(() -> new Example().validateConfig(null, null, config(Map.of("x", "bad"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getErrors())
                        .singleElement().satisfies(error -> assertThat(error.getMessage())
                                .isEqualTo("X: not bad. X: really.")));
    }

    @Test
    @DisplayName("keeps Keycloak's own check of the maximum authentication age")
    void maxAuthAge() {
        assertThatThrownBy(() -> new Example().validateConfig(null, null, config(Map.of("max_auth_age", "soon"))))
                .isInstanceOf(RuntimeException.class);
    }
}
