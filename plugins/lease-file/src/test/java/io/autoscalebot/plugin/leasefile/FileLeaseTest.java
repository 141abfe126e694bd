package io.autoscalebot.plugin.leasefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file lease on a clock the test moves: who holds it, when it lapses, and that an old holder is fenced off. */
class FileLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));

    private FileLease lease() {
        return new FileLease(dir.resolve("leader.lease"), clock);
    }

    @Test
    void exactlyOneOfTwoInstancesHoldsItUntilItLapses() throws Exception {
        FileLease a = lease();
        FileLease b = lease();

        OptionalLong first = a.acquire("a", TTL);
        assertThat(first).isPresent();
        assertThat(b.acquire("b", TTL)).isEmpty();

        clock.advance(TTL);
        OptionalLong second = b.acquire("b", TTL);

        assertThat(second).isPresent();
        assertThat(second.getAsLong()).isGreaterThan(first.getAsLong());
        assertThat(a.renew("a", first.getAsLong(), TTL)).isFalse();
        a.release("a", first.getAsLong());
        assertThat(a.acquire("a", TTL)).isEmpty();
    }

    @Test
    void aRenewedLeaseLastsATtlFromTheRenewal() throws Exception {
        FileLease a = lease();
        long token = a.acquire("a", TTL).orElseThrow();

        clock.advance(Duration.ofSeconds(10));
        assertThat(a.renew("a", token, TTL)).isTrue();
        clock.advance(Duration.ofSeconds(10));

        assertThat(lease().acquire("b", TTL)).isEmpty();
        assertThat(a.expires()).isEqualTo(clock.instant().plusSeconds(5));
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() throws Exception {
        FileLease a = lease();
        long token = a.acquire("a", TTL).orElseThrow();

        a.release("a", token);

        assertThat(lease().acquire("b", TTL)).isPresent();
    }

    @Test
    void aFileThatHoldsSomethingElseFailsTheCallWithWhatToDo() throws Exception {
        Files.writeString(dir.resolve("leader.lease"), "not a lease");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lease().acquire("a", TTL))
                .hasMessageContaining("delete it");
    }

    @Test
    void theHolderWritesSharedStateBesideTheLeaseThatTheNextHolderReads() throws Exception {
        FileLease a = lease();
        FileLease b = lease();
        long token = a.acquire("a", TTL).orElseThrow();
        assertThat(b.read("group/web")).isEmpty();

        assertThat(a.write("a", token, "group/web", "{\"version\":1}")).isTrue();

        assertThat(b.read("group/web")).contains("{\"version\":1}");
        assertThat(dir.resolve("leader.lease.state").resolve("group%2Fweb")).hasContent("{\"version\":1}");
    }

    @Test
    void aWriteWithAnOldTokenIsRefusedAndLeavesTheSuccessorsState() throws Exception {
        FileLease a = lease();
        FileLease b = lease();
        long old = a.acquire("a", TTL).orElseThrow();
        clock.advance(TTL);
        long taken = b.acquire("b", TTL).orElseThrow();
        assertThat(b.write("b", taken, "group/web", "successor")).isTrue();

        assertThat(a.write("a", old, "group/web", "old leader")).isFalse();
        assertThat(b.write("a", taken, "group/web", "not the holder")).isFalse();

        assertThat(a.read("group/web")).contains("successor");
    }
}
