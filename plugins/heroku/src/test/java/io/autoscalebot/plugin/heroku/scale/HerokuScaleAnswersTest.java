package io.autoscalebot.plugin.heroku.scale;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.plugin.heroku.AgainstFakeHeroku;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a user reads when {@code api_url} answers something other than the Platform API's JSON. */
class HerokuScaleAnswersTest extends AgainstFakeHeroku {

    @Test
    void saysTheAnswerIsNotJsonAndWhereWithoutQuotingIt() throws Exception {
        // The fake's /app/ paths play the app, which answers 200 "ok" to anything: a wrong api_url.
        Scale scale = create(new HerokuScaleProvider(sleeper), Map.of("api_url", heroku.baseUri() + "/app"));

        assertThatThrownBy(scale::current)
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("Heroku answered the read of the web formation of my-app with a body that is"
                        + " not a JSON object (not valid JSON at line 1, column ")
                .hasMessageEndingWith("); check that api_url points at the Heroku Platform API")
                .message().doesNotContain("'ok'", "Unrecognized", "jackson");
    }
}
