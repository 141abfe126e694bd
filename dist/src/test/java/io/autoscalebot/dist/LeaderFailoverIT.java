package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code run} processes on one configuration sharing a {@code [leader]} lease in a real Redis: exactly one scales
 * and notifies; a leader frozen with SIGSTOP past its ttl loses the lease to the standby, and after SIGCONT it scales
 * nothing more. Each process scales its own in-memory count and writes its own notifications file, so which process
 * acted is plain.
 */
class LeaderFailoverIT {

    private static final Duration TTL = Duration.ofSeconds(3);
    /** Generous: the machine may be loaded; the 2 x ttl bound itself is asserted in virtual time (EngineLeaderTest). */
    private static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private Path config(LocalRedis redis, String name) {
        Path told = work.resolve(name + ".jsonl");
        return Configs.write(work.resolve(name + ".toml"), Configs.stateDir(work.resolve(name + "-state")),
                "[leader]\nplugin = \"redis\"\nttl = \"" + TTL.toSeconds() + "s\"\nurl = \"" + redis.url()
                        + "\"\nkey = \"it:leader\"\n",
                Configs.group("web", 1, 1000, "interval", "1s", "notify_on", List.of("SCALE")),
                Configs.component("web", "measure", "static", "value", 5),
                Configs.component("web", "decide", "consecutive-threshold", "max_value", 1, "min_value", 0,
                        "fails", 1, "post_scale_wait", "1s"),
                Configs.component("web", "scale", "memory", "start", 1),
                Configs.testNotifier("web", told));
    }

    private long scales(String name) {
        Path told = work.resolve(name + ".jsonl");
        try {
            return Files.exists(told) ? Files.readAllLines(told).stream().filter(l -> l.contains("\"SCALE\"")).count()
                    : 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void signal(Process process, String signal) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor())
                .isZero();
    }

    @Test
    void exactlyOneScalesAndAFrozenLeaderNeverScalesAgainOnceTheStandbyTookOver() throws Exception {
        try (LocalRedis redis = LocalRedis.start()) {
            Cli cli = Cli.of(Distribution.home(), work);
            try (Cli.Running a = cli.start("run", "--config", config(redis, "a").toString())) {
                Poll.until(BOUND, () -> a.stderr().contains("this instance is the leader now"), a::output);
                try (Cli.Running b = cli.start("run", "--config", config(redis, "b").toString())) {
                    Poll.until(BOUND, () -> b.stderr().contains("standby: another instance holds the lease")
                            && scales("a") >= 2, () -> a.output() + b.output());
                    assertThat(scales("b")).as("the standby scaled nothing").isZero();

                    // when: the leader freezes (SIGSTOP) past its ttl
                    signal(a.process(), "STOP");
                    long frozenAt = scales("a");
                    long stopped = System.nanoTime();
                    Poll.until(BOUND, () -> scales("b") >= 1, b::output);
                    System.out.printf("standby scaled %d ms after the leader froze (ttl %s)%n",
                            (System.nanoTime() - stopped) / 1_000_000, TTL);

                    // then: thawed, the old leader finds it lost the lease, and scales nothing more
                    signal(a.process(), "CONT");
                    Poll.until(BOUND, () -> a.stderr().contains("lost the lease"), a::output);
                    long bBefore = scales("b");
                    Poll.until(BOUND, () -> scales("b") >= bBefore + 3, b::output);
                    assertThat(scales("a")).as(a.output()).isEqualTo(frozenAt);
                }
            }
        }
    }
}
