package io.autoscalebot.plugin.sidekiq;

import static io.autoscalebot.plugin.sidekiq.SidekiqJobs.Version.SIDEKIQ_7;
import static io.autoscalebot.plugin.sidekiq.SidekiqJobs.Version.SIDEKIQ_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading one job's queue and time, the unit told by each value's JSON type. */
class SidekiqJobTest {

    private static final Instant ENQUEUED = Instant.parse("2026-01-05T09:58:30.123456Z");

    @Test
    void readsSidekiq7FloatSecondsToTheMicrosecond() throws Exception {
        String job = SidekiqJobs.job(SIDEKIQ_7, "default", ENQUEUED.minusSeconds(1), ENQUEUED);

        assertThat(job).contains("\"enqueued_at\":1767607110.123456");
        assertThat(SidekiqJob.parse(job).enqueuedAt()).isEqualTo(ENQUEUED);
    }

    @Test
    void readsSidekiq8IntegerMilliseconds() throws Exception {
        String job = SidekiqJobs.job(SIDEKIQ_8, "mailers", ENQUEUED.minusSeconds(1), ENQUEUED);

        assertThat(job).contains("\"enqueued_at\":1767607110123");
        assertThat(SidekiqJob.parse(job).enqueuedAt()).isEqualTo(Instant.parse("2026-01-05T09:58:30.123Z"));
        assertThat(SidekiqJob.parse(job).queue()).contains("mailers");
    }

    @Test
    void readsAFloatInExponentNotationAsSeconds() throws Exception {
        assertThat(SidekiqJob.parse("{\"enqueued_at\":1.7676071101E9}").enqueuedAt())
                .isEqualTo(Instant.parse("2026-01-05T09:58:30.100Z"));
    }

    @Test
    void prefersEnqueuedAtToCreatedAt() throws Exception {
        assertThat(SidekiqJob.parse("{\"created_at\":1767607000000,\"enqueued_at\":1767607110123}").enqueuedAt())
                .isEqualTo(Instant.ofEpochMilli(1767607110123L));
    }

    @Test
    void refusesAJobWithNoTime() {
        assertThatThrownBy(() -> SidekiqJob.parse("{\"queue\":\"default\",\"enqueued_at\":null}").enqueuedAt())
                .hasMessage("it has neither enqueued_at nor created_at, which Sidekiq always writes");
    }

    @Test
    void refusesMillisecondsWrittenAsAFloat() {
        assertThatThrownBy(() -> SidekiqJob.parse("{\"enqueued_at\":1767607110123.0}").enqueuedAt())
                .hasMessageContaining("out of range for that (milliseconds?)");
    }

    @Test
    void refusesWhatIsNotAJsonObjectSayingWhat() {
        assertThatThrownBy(() -> SidekiqJob.parse("")).hasMessage("it is empty");
        assertThatThrownBy(() -> SidekiqJob.parse("[1, 2]")).hasMessage("it is JSON but not an object, as Sidekiq "
                + "jobs are");
        assertThatThrownBy(() -> SidekiqJob.parse("{\"a\":1} trailing")).hasMessage("it is not JSON");
        assertThatThrownBy(() -> SidekiqJob.parse("{\"password\":\"hunter2\"")).hasMessage("it is not JSON");
    }
}
