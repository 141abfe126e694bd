package io.autoscalebot.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.lease.Lease;
import io.autoscalebot.api.lease.LeaseProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.plugin.PluginCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code [leader]} section: the engine's ttl and timeout, the lease plugin and its settings, each mistake at its key. */
class LeaderConfigTest extends ConfigFileTest {

    /** A lease plugin with a secret URL, like the real redis one. */
    static final class Redis implements LeaseProvider {
        @Override
        public String id() {
            return "redis";
        }

        @Override
        public String description() {
            return "A lease in Redis.";
        }

        @Override
        public List<Setting> settings() {
            return List.of(Setting.of("url", SettingType.STRING).defaultValue("redis://localhost:6379/0").asSecret()
                    .doc("Where."));
        }

        @Override
        public Lease create(Settings settings, PluginContext context) {
            throw new UnsupportedOperationException("configuration tests never create plugins");
        }
    }

    static final PluginCatalog CATALOG = PluginCatalog.of(new TestProviders.ResponseTime(),
            new TestProviders.ConsecutiveThreshold(), new TestProviders.Local(), new Redis());

    private List<String> errors(String text) {
        return files.errors(text, CATALOG, Map.of());
    }

    @Test
    void readsTheLeaseWithTheEnginesTtlAndThePluginsOwnSettings() throws Exception {
        EngineConfig config = files.load("""
                [leader]
                plugin = "redis"
                ttl = "9s"
                url = "redis://:pw@db:6379/0"
                """ + ConfigFiles.VALID_GROUP, CATALOG, Map.of());

        LeaderConfig leader = config.leader().orElseThrow();
        assertThat(leader.ttl()).isEqualTo(Duration.ofSeconds(9));
        assertThat(leader.timeout()).isEqualTo(Duration.ofMillis(1800));
        assertThat(leader.renewEvery()).isEqualTo(Duration.ofSeconds(3));
        assertThat(leader.lease().component().id()).isEqualTo("redis");
        assertThat(leader.lease().settings().values()).containsOnlyKeys("url");
        assertThat(config.secrets()).contains("redis://:pw@db:6379/0");
    }

    @Test
    void withoutALeaderSectionThereIsNone() throws Exception {
        assertThat(files.load(ConfigFiles.VALID_GROUP, CATALOG, Map.of()).leader()).isEmpty();
    }

    @Test
    void refusesATtlUnderASecondAtItsKey() {
        List<String> errors = errors("[leader]\nplugin = \"redis\"\nttl = \"500ms\"\n" + ConfigFiles.VALID_GROUP);

        assertThat(errors).singleElement().asString().startsWith(files.at(3, 1)).contains("ttl must be at least 1s");
    }

    @Test
    void refusesATimeoutLongerThanAThirdOfTheTtl() {
        List<String> errors = errors("[leader]\nplugin = \"redis\"\nttl = \"15s\"\ntimeout = \"6s\"\n"
                + ConfigFiles.VALID_GROUP);

        assertThat(errors).singleElement().asString().startsWith(files.at(4, 1)).contains("at most a third of ttl");
    }

    @Test
    void namesTheLeasePluginsWhenAnotherKindIsGiven() {
        List<String> errors = errors("[leader]\nplugin = \"response-time\"\n" + ConfigFiles.VALID_GROUP);

        assertThat(errors).singleElement().asString().startsWith(files.at(2, 1))
                .contains("'response-time' is a measure plugin, not a lease plugin");
    }

    @Test
    void suggestsTheClosestLeasePluginForATypo() {
        List<String> errors = errors("[leader]\nplugin = \"rediss\"\n" + ConfigFiles.VALID_GROUP);

        assertThat(errors).singleElement().asString().contains("unknown lease plugin 'rediss'")
                .contains("did you mean 'redis'?");
    }
}
