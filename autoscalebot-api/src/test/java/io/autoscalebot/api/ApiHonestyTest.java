package io.autoscalebot.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.honesty.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API keeps its promises: see {@link Api} and {@link ApiHonesty}. */
class ApiHonestyTest {

    @Test
    void everyPublicTypeOfTheApiSaysHowStableItIsAndNoStableSignatureLeansOnALessStableType() throws Exception {
        List<Class<?>> api = ApiHonesty.publicTypes(Path.of("target", "classes"));

        assertThat(api).as("the API's public types").hasSizeGreaterThan(30)
                .contains(PluginContext.class, Deadline.class, Api.Status.class);
        assertThat(ApiHonesty.violations(api)).isEmpty();
    }

    @Test
    void findsAStableSignatureThatMentionsAnExperimentalTypeEvenInATypeArgument() {
        assertThat(ApiHonesty.violations(List.of(Fixtures.Leaky.class, Fixtures.LeakyThroughAList.class)))
                .containsExactly(
                        "STABLE " + Fixtures.Leaky.class.getName() + ".draft mentions EXPERIMENTAL "
                                + Fixtures.Draft.class.getName(),
                        "STABLE " + Fixtures.LeakyThroughAList.class.getName() + ".drafts mentions EXPERIMENTAL "
                                + Fixtures.Draft.class.getName());
    }

    @Test
    void acceptsAnExperimentalMemberOfAStableType() {
        assertThat(ApiHonesty.violations(List.of(Fixtures.Careful.class, Fixtures.Draft.class))).isEmpty();
    }

    @Test
    void findsATypeWithoutApiAndOneFromTheFuture() {
        assertThat(ApiHonesty.violations(List.of(Fixtures.Unmarked.class, Fixtures.FromTheFuture.class)))
                .containsExactly(
                        Fixtures.Unmarked.class.getName() + " is public but says nothing of its stability: add @Api",
                        Fixtures.FromTheFuture.class.getName() + " says it appeared in 99.0, after this API's version "
                                + ApiVersion.CURRENT);
    }
}
