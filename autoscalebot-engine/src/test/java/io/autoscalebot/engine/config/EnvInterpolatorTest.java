package io.autoscalebot.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.settings.SettingType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expanding ${NAME} and ${NAME:-default} in configuration strings. */
class EnvInterpolatorTest {

    private final EnvInterpolator env = new EnvInterpolator(Map.of("HOST", "db.internal", "EMPTY", ""));

    @Test
    void replacesASetVariable() {
        assertThat(env.expand("postgres://${HOST}:5432")).isEqualTo("postgres://db.internal:5432");
    }

    @Test
    void usesTheDefaultOfAnUnsetVariable() {
        assertThat(env.expand("${PORT:-5432}")).isEqualTo("5432");
    }

    @Test
    void prefersASetVariableEvenWhenEmptyOverItsDefault() {
        assertThat(env.expand("[${EMPTY:-x}]")).isEqualTo("[]");
    }

    @Test
    void keepsAnEscapedReferenceLiteral() {
        assertThat(env.expand("$${HOST} is ${HOST}")).isEqualTo("${HOST} is db.internal");
    }

    @Test
    void namesAnUnsetVariableWithoutDefault() {
        assertThatThrownBy(() -> env.expand("${API_TOKEN}"))
                .hasMessageContaining("environment variable 'API_TOKEN' is not set");
    }

    @Test
    void rejectsAnUnclosedReference() {
        assertThatThrownBy(() -> env.expand("${HOST")).hasMessageContaining("unclosed '${'");
    }

    @Test
    void rejectsAReferenceThatIsNotAName() {
        assertThatThrownBy(() -> env.expand("${not a name}")).hasMessageContaining("is not a valid environment variable");
    }

    @Test
    void readsAVariablesTextAsTheTypeASettingWants() {
        assertThat(EnvInterpolator.asType("8080", SettingType.INTEGER)).isEqualTo(8080L);
        assertThat(EnvInterpolator.asType("0.5", SettingType.NUMBER)).isEqualTo(0.5);
        assertThat(EnvInterpolator.asType("true", SettingType.BOOLEAN)).isEqualTo(true);
        assertThat(EnvInterpolator.asType("many", SettingType.INTEGER)).isEqualTo("many");
        assertThat(EnvInterpolator.asType("8080", SettingType.STRING)).isEqualTo("8080");
    }
}
