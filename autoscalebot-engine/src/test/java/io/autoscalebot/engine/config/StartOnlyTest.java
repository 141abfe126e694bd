package io.autoscalebot.engine.config;

import static io.autoscalebot.engine.config.ConfigFiles.VALID_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a reload cannot apply to a running engine is named, so the operator knows a restart is needed. */
class StartOnlyTest extends ConfigFileTest {

    @Test
    void findsNothingWhenOnlyGroupsChange() throws Exception {
        EngineConfig running = files.load("[server]\n" + VALID_GROUP);
        EngineConfig next = files.load("[server]\n" + VALID_GROUP.replace("max = 3", "max = 6"));

        assertThat(StartOnly.changed(running, next)).isEmpty();
    }

    @Test
    void namesTheServerWhenItsAddressChanges() throws Exception {
        EngineConfig running = files.load("[server]\nlisten = \"127.0.0.1:9090\"\n" + VALID_GROUP);
        EngineConfig next = files.load("[server]\nlisten = \"127.0.0.1:9191\"\n" + VALID_GROUP);

        assertThat(StartOnly.changed(running, next)).containsExactly("[server]");
    }

    @Test
    void namesEachStartOnlySectionThatChanged() throws Exception {
        EngineConfig running = files.load(VALID_GROUP);
        EngineConfig next = files.load("state_dir = \"elsewhere\"\n[log]\nsummary = \"1m\"\n[server]\n" + VALID_GROUP);

        assertThat(StartOnly.changed(running, next)).containsExactly("state_dir", "[log]", "[server]");
    }

    @Test
    void namesTheLeaderSectionWhenTheLeaseStoreChangesButNotWhenItOnlyMoved() throws Exception {
        String leader = "[leader]\nplugin = \"redis\"\nurl = \"redis://db:6379/0\"\n";
        EngineConfig running = files.load(leader + VALID_GROUP, LeaderConfigTest.CATALOG, Map.of());
        EngineConfig moved = files.load("\n" + leader + VALID_GROUP, LeaderConfigTest.CATALOG, Map.of());
        EngineConfig other = files.load(leader.replace("db:", "db2:") + VALID_GROUP, LeaderConfigTest.CATALOG,
                Map.of());

        assertThat(StartOnly.changed(running, moved)).isEmpty();
        assertThat(StartOnly.changed(running, other)).containsExactly("[leader]");
    }

    @Test
    void ignoresWhereTheSectionsAreWritten() throws Exception {
        EngineConfig running = files.load("[log]\nsummary = \"1m\"\n" + VALID_GROUP);
        EngineConfig next = files.load("\n\n[log]\n\nsummary = \"60s\"\n" + VALID_GROUP);

        assertThat(StartOnly.changed(running, next)).isEmpty();
    }
}
