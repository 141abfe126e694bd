package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import io.autoscalebot.plugin.kubernetes.apiserver.KubeApiServer;
import io.autoscalebot.plugin.kubernetes.apiserver.KubeApiServerExtension;
import io.autoscalebot.plugin.kubernetes.apiserver.Kubeconfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code run} processes on one configuration sharing a {@code [leader]} lease in a real Redis (and, for the first
 * case, in Kubernetes' own API server too): exactly one scales and notifies; a leader frozen with SIGSTOP past its ttl
 * loses the lease to the standby, and after SIGCONT it scales nothing more. Each process scales its own in-memory count
 * and writes its own notifications file, so which process acted is plain.
 */
class LeaderFailoverIT {

    private static final Duration TTL = Duration.ofSeconds(3);
    private static final Duration KUBERNETES_TTL = Duration.ofSeconds(6);
    /** Generous: the machine may be loaded; the 2 x ttl bound itself is asserted in virtual time (EngineLeaderTest). */
    private static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    Path work;

    /** A lease named for the test in a real Redis. */
    private static String redisLeader(LocalRedis redis) {
        return "[leader]\nplugin = \"redis\"\nttl = \"" + TTL.toSeconds() + "s\"\nurl = \"" + redis.url()
                + "\"\nkey = \"it:leader\"\n";
    }

    private Path config(String leader, String name) {
        Path told = work.resolve(name + ".jsonl");
        return Configs.write(work.resolve(name + ".toml"), Configs.stateDir(work.resolve(name + "-state")), leader,
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
            exactlyOneScalesAndAFrozenLeaderNeverScalesAgain(redisLeader(redis), () -> { });
        }
    }

    /**
     * The same with the lease in Kubernetes' own API server, as deploy/kubernetes runs two replicas: a coordination/v1
     * Lease, whose holder changes and whose leaseTransitions (the fencing token) grow when the standby takes over.
     */
    @Test
    @ExtendWith(KubeApiServerExtension.class)
    void exactlyOneScalesThroughAKubernetesLeaseAndAFrozenLeaderNeverScalesAgain(KubeApiServer server)
            throws Exception {
        String namespace = server.newNamespace("leader-failover");
        Path kubeconfig = Kubeconfig.to(server).token(KubeApiServer.ADMIN_TOKEN).namespace(namespace)
                .writeTo(work.resolve("kubeconfig"));
        // The API server answers in tens of milliseconds when the machine is quiet, seconds when it is not: a longer
        // ttl and call timeout than Redis's, so a slow answer is not a lost lease.
        String leader = "[leader]\nplugin = \"kubernetes-lease\"\nttl = \"" + KUBERNETES_TTL.toSeconds()
                + "s\"\ntimeout = \"" + KUBERNETES_TTL.dividedBy(3).toSeconds() + "s\"\nname = \"it-leader\"\n"
                + "kubeconfig = " + Configs.value(kubeconfig) + "\n";
        String lease = "/apis/coordination.k8s.io/v1/namespaces/" + namespace + "/leases/it-leader";
        AtomicReference<JsonNode> before = new AtomicReference<>();
        exactlyOneScalesAndAFrozenLeaderNeverScalesAgain(leader, () -> {
            if (before.get() == null) {
                before.set(server.admin("GET", lease, null).json().path("spec"));
            } else {
                JsonNode after = server.admin("GET", lease, null).json().path("spec");
                assertThat(after.path("holderIdentity").asText()).as(after.toString())
                        .isNotEqualTo(before.get().path("holderIdentity").asText());
                assertThat(after.path("leaseTransitions").asLong()).as(after.toString())
                        .isGreaterThan(before.get().path("leaseTransitions").asLong());
            }
        });
    }

    /**
     * A leads and scales, B stands by and scales nothing; A is frozen (SIGSTOP) past the ttl, B takes over and scales;
     * thawed, A finds it lost the lease and scales nothing more.
     *
     * @param leader the configuration's {@code [leader]} table
     * @param atEachLeader checks the lease store, once while A leads and once after B took over
     */
    private void exactlyOneScalesAndAFrozenLeaderNeverScalesAgain(String leader, Runnable atEachLeader)
            throws Exception {
        Cli cli = Cli.of(Distribution.home(), work);
        try (Cli.Running a = cli.start("run", "--config", config(leader, "a").toString())) {
            Poll.until(BOUND, () -> a.stderr().contains("this instance is the leader now"), a::output);
            try (Cli.Running b = cli.start("run", "--config", config(leader, "b").toString())) {
                Poll.until(BOUND, () -> b.stderr().contains("standby: another instance holds the lease")
                        && scales("a") >= 2, () -> a.output() + b.output());
                assertThat(scales("b")).as("the standby scaled nothing").isZero();
                atEachLeader.run();

                // when: the leader freezes (SIGSTOP) past its ttl
                signal(a.process(), "STOP");
                long frozenAt = scales("a");
                long stopped = System.nanoTime();
                Poll.until(BOUND, () -> scales("b") >= 1, b::output);
                System.out.printf("standby scaled %d ms after the leader froze%n",
                        (System.nanoTime() - stopped) / 1_000_000);
                atEachLeader.run();

                // then: thawed, the old leader finds it lost the lease, and scales nothing more
                signal(a.process(), "CONT");
                Poll.until(BOUND, () -> a.stderr().contains("lost the lease"), a::output);
                long bBefore = scales("b");
                Poll.until(BOUND, () -> scales("b") >= bBefore + 3, b::output);
                assertThat(scales("a")).as(a.output()).isEqualTo(frozenAt);
            }
        }
    }

    /** The post-scale wait of the failover test: far longer than 2 x ttl, so a standby taking over acts inside it. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * Two groups: {@code web} scales up (then waits {@link #WAIT}); {@code capped} starts at its max and wants more, so
     * its ABOVE_MAX condition opens at once and stays open.
     */
    private Path failoverConfig(LocalRedis redis, String name) {
        Path told = work.resolve(name + ".jsonl");
        return Configs.write(work.resolve(name + ".toml"), Configs.stateDir(work.resolve(name + "-state")),
                "[leader]\nplugin = \"redis\"\nttl = \"" + TTL.toSeconds() + "s\"\nurl = \"" + redis.url()
                        + "\"\nkey = \"it:failover\"\n",
                Configs.group("web", 1, 1000, "interval", "1s", "notify_on", List.of("SCALE", "ABOVE_MAX")),
                Configs.component("web", "measure", "static", "value", 5),
                Configs.component("web", "decide", "consecutive-threshold", "max_value", 1, "min_value", 0,
                        "fails", 1, "post_scale_wait", WAIT.toSeconds() + "s"),
                Configs.component("web", "scale", "memory", "start", 1),
                Configs.testNotifier("web", told),
                Configs.group("capped", 1, 2, "interval", "1s", "notify_on", List.of("SCALE", "ABOVE_MAX")),
                Configs.component("capped", "measure", "static", "value", 5),
                Configs.component("capped", "decide", "consecutive-threshold", "max_value", 1, "min_value", 0,
                        "fails", 1, "post_scale_wait", "1s"),
                Configs.component("capped", "scale", "memory", "start", 2),
                Configs.testNotifier("capped", told));
    }

    @Test
    void aStandbyTakingOverFromAKilledLeaderHonoursItsPostScaleWaitAndDoesNotTellOpenConditionsAgain()
            throws Exception {
        try (LocalRedis redis = LocalRedis.start()) {
            Cli cli = Cli.of(Distribution.home(), work);
            try (Cli.Running a = cli.start("run", "--config", failoverConfig(redis, "a").toString())) {
                Poll.until(BOUND, () -> a.stderr().contains("this instance is the leader now"), a::output);
                try (Cli.Running b = cli.start("run", "--config", failoverConfig(redis, "b").toString())) {
                    // given: A scaled web and told capped's ABOVE_MAX, and both are recorded in Redis
                    Poll.until(BOUND, () -> b.stderr().contains("standby: another instance holds the lease")
                            && redis.client().get("it:failover:state:group/web") != null
                            && redis.client().get("it:failover:state:group/capped") != null
                            && redis.client().get("it:failover:state:group/capped").contains("ABOVE_MAX"),
                            () -> a.output() + b.output());

                    // when: the leader is killed with SIGKILL right after its scale (nothing released)
                    signal(a.process(), "KILL");
                    long killed = System.nanoTime();
                    a.process().waitFor();
                    List<JsonNode> byA = Json.notifications(work.resolve("a.jsonl"), "SCALE");
                    assertThat(byA).isNotEmpty();
                    Instant scaled = Instant.parse(byA.get(byA.size() - 1).path("time").asText());
                    Poll.until(BOUND, () -> b.stderr().contains("this instance is the leader now"), b::output);
                    System.out.printf("standby led %d ms after the leader was killed (ttl %s, 2 x ttl bound)%n",
                            (System.nanoTime() - killed) / 1_000_000, TTL);

                    // then: B scales web only once the wait after A's scale is over, and never tells ABOVE_MAX again
                    Poll.until(BOUND, () -> !Json.notifications(work.resolve("b.jsonl"), "SCALE").isEmpty(),
                            b::output);
                    JsonNode first = Json.notifications(work.resolve("b.jsonl"), "SCALE").get(0);
                    assertThat(Instant.parse(first.path("time").asText())).as(b.output())
                            .isAfterOrEqualTo(scaled.plus(WAIT));
                    assertThat(Json.notifications(work.resolve("b.jsonl"), "ABOVE_MAX")).as(b.output()).isEmpty();
                }
            }
        }
    }

    @Test
    void redisDownIsToldOncePerEpisodeAndTheLeaderScalesAgainWhenItIsBack() throws Exception {
        try (LocalRedis redis = LocalRedis.start()) {
            Path told = work.resolve("solo.jsonl");
            Path config = Configs.write(work.resolve("solo.toml"), Configs.stateDir(work.resolve("solo-state")),
                    // A longer ttl (lease calls get ttl/5): a busy machine's slow start is not taken for an outage.
                    "[leader]\nplugin = \"redis\"\nttl = \"10s\"\nurl = \"" + redis.url()
                            + "\"\nkey = \"it:down\"\n",
                    Configs.group("web", 1, 1000, "interval", "1s", "notify_on", List.of("SCALE",
                            "LEASE_STORE_DOWN")),
                    Configs.component("web", "measure", "static", "value", 5),
                    Configs.component("web", "decide", "consecutive-threshold", "max_value", 1, "min_value", 0,
                            "fails", 1, "post_scale_wait", "1s"),
                    Configs.component("web", "scale", "memory", "start", 1),
                    Configs.testNotifier("web", told),
                    // A second group with the same notifier configuration: one notification, not two.
                    Configs.group("worker", 1, 1000, "interval", "1s", "notify_on", List.of("LEASE_STORE_DOWN")),
                    Configs.component("worker", "measure", "static", "value", 0),
                    Configs.component("worker", "decide", "consecutive-threshold", "max_value", 1, "min_value", 0,
                            "fails", 1),
                    Configs.component("worker", "scale", "memory", "start", 1),
                    Configs.testNotifier("worker", told));
            Cli cli = Cli.of(Distribution.home(), work);
            try (Cli.Running a = cli.start("run", "--config", config.toString())) {
                Poll.until(BOUND, () -> Json.notifications(told, "SCALE").size() >= 2, a::output);

                // when: Redis goes down until the leader's lease has run out (several failed renewals)
                int before = Json.notifications(told, "LEASE_STORE_DOWN").size();
                redis.stop();
                Poll.until(BOUND, () -> a.stderr().contains("lost the lease"), a::output);
                int scalesWhileDown = Json.notifications(told, "SCALE").size();
                redis.restart();

                // then: the store's return is told, the leader scales again, and the episode was told once each way
                Poll.until(BOUND, () -> Json.notifications(told, "LEASE_STORE_DOWN").size() >= before + 2
                        && Json.notifications(told, "SCALE").size() > scalesWhileDown + 1, a::output);
                List<JsonNode> episode = Json.notifications(told, "LEASE_STORE_DOWN");
                assertThat(episode.subList(before, episode.size())).as(a.output())
                        .extracting(n -> n.path("phase").asText() + " " + n.path("group").asText())
                        .containsExactly("STARTED leader", "ENDED leader");
            }
        }
    }
}
