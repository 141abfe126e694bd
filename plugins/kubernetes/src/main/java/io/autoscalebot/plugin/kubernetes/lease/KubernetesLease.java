package io.autoscalebot.plugin.kubernetes.lease;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.plugin.kubernetes.client.ApiException;
import io.autoscalebot.plugin.kubernetes.client.Deadline;
import io.autoscalebot.plugin.kubernetes.client.KubeApi;
import io.autoscalebot.plugin.kubernetes.client.Names;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * One client's side of a {@code coordination.k8s.io/v1} Lease used for leader election, the way client-go's leader
 * election uses one: {@link #acquire} (create it, or take it over when its holder stopped renewing), {@link #renew},
 * {@link #release}.
 *
 * <p>Every write names the {@code resourceVersion} it was based on, so the API server applies it only if nobody wrote
 * in between and answers 409 otherwise; on a 409 the lease is read again and the decision made afresh. A valid lease of
 * another holder is never overwritten.
 *
 * <p>Whether another holder's lease has expired is judged by this client's own clock, never by comparing the
 * {@code renewTime} written by another machine with this one's clock: a lease counts as expired when it has not changed
 * for {@code leaseDurationSeconds} since this client first saw its current version. Clock skew between machines then
 * cannot hand the lease to two holders; the price is that a client that just started waits one full duration before
 * taking over a dead holder's lease. This client's own hold ends {@code leaseDurationSeconds} after it sent the write
 * that renewed it ({@link #holds}), so it stops acting before anyone else can start.
 *
 * <p>Thread-safe. Needs {@code get}, {@code create} and {@code patch} on {@code leases} in group {@code
 * coordination.k8s.io} in its namespace.
 */
public final class KubernetesLease {

    /** What the API server writes for a MicroTime, and reads back. */
    private static final DateTimeFormatter MICRO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);

    /** Conflicting writers each get a turn; past that, someone else keeps winning and the lease is theirs. */
    private static final int ATTEMPTS = 3;

    private final KubeApi api;
    private final String namespace;
    private final String name;
    private final String identity;
    private final Duration duration;
    private final Clock clock;

    private LeaseRecord observed;
    private Instant observedSince;
    private Instant heldUntil;

    /**
     * @param api the client of the cluster holding the lease
     * @param namespace the lease's namespace
     * @param name the lease's name, shared by every instance that competes for it
     * @param identity this instance's holder identity, unique among them (a pod name)
     * @param duration how long a hold lasts without renewal; renew well within it (a third is usual)
     */
    public KubernetesLease(KubeApi api, String namespace, String name, String identity, Duration duration) {
        this.api = Objects.requireNonNull(api, "api");
        this.namespace = check("namespace", namespace, Names.dnsLabel(namespace));
        this.name = check("lease name", name, Names.dnsSubdomain(name));
        this.identity = Objects.requireNonNull(identity, "identity");
        if (identity.isBlank()) {
            throw new IllegalArgumentException("a lease holder identity must not be blank");
        }
        if (duration.getSeconds() < 1 || duration.getNano() != 0) {
            throw new IllegalArgumentException("a lease duration must be whole seconds, at least 1s, got " + duration);
        }
        this.duration = duration;
        this.clock = api.clock();
    }

    /** @return this instance's holder identity */
    public String identity() {
        return identity;
    }

    /** @return how long a hold lasts without renewal */
    public Duration duration() {
        return duration;
    }

    /**
     * Becomes the holder if the lease is free, expired or already this client's (then it is renewed); otherwise
     * leaves it alone.
     *
     * @param deadline the call's deadline
     * @return whether this client holds it now, and who does otherwise
     * @throws PluginException if the API server cannot be reached or refuses (RBAC)
     * @throws InterruptedException if the caller gave up
     */
    public synchronized LeaseState acquire(Deadline deadline) throws PluginException, InterruptedException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<LeaseRecord> current = read(deadline);
            Instant now = clock.instant();
            if (current.isEmpty()) {
                if (create(now, deadline)) {
                    return held(0);
                }
                continue;
            }
            LeaseRecord lease = current.get();
            if (!lease.heldBy(identity) && !expired(lease, now)) {
                return standing(lease);
            }
            long transitions = lease.heldBy(identity) ? lease.transitions() : lease.transitions() + 1;
            if (write(lease, now, transitions, !lease.heldBy(identity), deadline)) {
                return held(transitions);
            }
        }
        return standing(observed);
    }

    /**
     * Keeps the lease: writes a new {@code renewTime} if this client still holds it.
     *
     * @param deadline the call's deadline
     * @return whether this client still holds it; if not, who took it
     * @throws PluginException if the API server cannot be reached or refuses (RBAC)
     * @throws InterruptedException if the caller gave up
     */
    public synchronized LeaseState renew(Deadline deadline) throws PluginException, InterruptedException {
        return renewIf(transitions -> true, deadline);
    }

    /**
     * Keeps the lease only if this client still holds it with the fencing token {@code transitions}: a hold that
     * lapsed and was taken again since, even by this client, has a larger token and is not extended. The check and
     * the write are one step, since the write names the resourceVersion the check read.
     *
     * @param transitions the fencing token of the hold to extend
     * @param deadline the call's deadline
     * @return whether this client still holds it with that token; if not, who holds it
     * @throws PluginException if the API server cannot be reached or refuses (RBAC)
     * @throws InterruptedException if the caller gave up
     */
    public synchronized LeaseState renew(long transitions, Deadline deadline)
            throws PluginException, InterruptedException {
        return renewIf(current -> current == transitions, deadline);
    }

    private LeaseState renewIf(LongPredicate token, Deadline deadline) throws PluginException, InterruptedException {
        LeaseRecord lease = observed;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (lease == null || !ours(lease, token)) {
                Optional<LeaseRecord> current = read(deadline);
                if (current.isEmpty() || !ours(current.get(), token)) {
                    return lost(current.orElse(null));
                }
                lease = current.get();
            }
            if (write(lease, clock.instant(), lease.transitions(), false, deadline)) {
                return held(lease.transitions());
            }
            // Someone wrote since our last read, maybe only a label; read again and see whose it is now.
            lease = null;
        }
        return lost(observed);
    }

    /**
     * Gives the lease up, so another instance can take over at once instead of after it expires. Does nothing if
     * this client does not hold it.
     *
     * @param deadline the call's deadline
     * @throws PluginException if the API server cannot be reached or refuses (RBAC)
     * @throws InterruptedException if the caller gave up
     */
    public synchronized void release(Deadline deadline) throws PluginException, InterruptedException {
        heldUntil = null;
        releaseIf(transitions -> true, deadline);
    }

    /**
     * Gives the lease up only if this client holds it with the fencing token {@code transitions}; does nothing
     * otherwise, so a late release never drops a later hold.
     *
     * @param transitions the fencing token of the hold to give up
     * @param deadline the call's deadline
     * @throws PluginException if the API server cannot be reached or refuses (RBAC)
     * @throws InterruptedException if the caller gave up
     */
    public synchronized void release(long transitions, Deadline deadline) throws PluginException, InterruptedException {
        releaseIf(current -> current == transitions, deadline);
    }

    private void releaseIf(LongPredicate token, Deadline deadline) throws PluginException, InterruptedException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<LeaseRecord> current = read(deadline);
            if (current.isEmpty() || !ours(current.get(), token)) {
                return;
            }
            ObjectNode patch = JsonNodeFactory.instance.objectNode();
            patch.putObject("metadata").put("resourceVersion", current.get().resourceVersion());
            // A merge patch's null removes holderIdentity; a duration of 1 s also tells clients that still judge by
            // renewTime that the lease is over.
            ObjectNode spec = patch.putObject("spec");
            spec.putNull("holderIdentity");
            spec.put("leaseDurationSeconds", 1);
            spec.put("renewTime", MICRO_TIME.format(clock.instant()));
            heldUntil = null;
            if (patch(patch, "the release of", deadline)) {
                return;
            }
        }
    }

    /**
     * The check to make right before acting as the holder: no call, only this client's own clock.
     *
     * @param now the current time
     * @return whether this client's last successful acquire or renew still covers {@code now}
     */
    public synchronized boolean holds(Instant now) {
        return heldUntil != null && now.isBefore(heldUntil);
    }

    private boolean ours(LeaseRecord lease, LongPredicate token) {
        return lease.heldBy(identity) && token.test(lease.transitions());
    }

    private Optional<LeaseRecord> read(Deadline deadline) throws PluginException, InterruptedException {
        JsonNode lease;
        try {
            lease = api.get(path(), "the read of " + describe(), deadline);
        } catch (ApiException e) {
            if (e.code() == 404) {
                return Optional.empty();
            }
            throw refused(e, "get");
        }
        return Optional.of(observe(lease, "the read of"));
    }

    private boolean create(Instant now, Deadline deadline) throws PluginException, InterruptedException {
        ObjectNode lease = JsonNodeFactory.instance.objectNode();
        lease.put("apiVersion", "coordination.k8s.io/v1");
        lease.put("kind", "Lease");
        lease.putObject("metadata").put("name", name).put("namespace", namespace);
        fill(lease.putObject("spec"), now, 0, true);
        String path = "/apis/coordination.k8s.io/v1/namespaces/" + namespace + "/leases";
        Instant sent = clock.instant();
        try {
            observe(api.send("POST", path, "application/json", lease, "the creation of " + describe(), deadline),
                    "the creation of");
        } catch (ApiException e) {
            if (e.code() == 409) {
                return false;
            }
            throw refused(e, "create");
        }
        heldUntil = sent.plus(duration);
        return true;
    }

    /** Writes this client as holder, based on {@code lease}; false when another write came first (409). */
    private boolean write(LeaseRecord lease, Instant now, long transitions, boolean takeOver, Deadline deadline)
            throws PluginException, InterruptedException {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("metadata").put("resourceVersion", lease.resourceVersion());
        fill(patch.putObject("spec"), now, transitions, takeOver);
        Instant sent = clock.instant();
        if (!patch(patch, takeOver ? "the takeover of" : "the renewal of", deadline)) {
            return false;
        }
        heldUntil = sent.plus(duration);
        return true;
    }

    /**
     * A JSON merge patch naming the resourceVersion it is based on: a compare-and-set. PATCH rather than PUT keeps the
     * fields this client does not know (newer API versions add some to Lease).
     */
    private boolean patch(ObjectNode patch, String what, Deadline deadline)
            throws PluginException, InterruptedException {
        try {
            observe(api.send("PATCH", path(), KubeApi.MERGE_PATCH, patch, what + " " + describe(), deadline), what);
            return true;
        } catch (ApiException e) {
            if (e.code() == 409 || e.code() == 404) {
                return false;
            }
            throw refused(e, "patch");
        }
    }

    private void fill(ObjectNode spec, Instant now, long transitions, boolean newHolder) {
        spec.put("holderIdentity", identity);
        spec.put("leaseDurationSeconds", duration.getSeconds());
        if (newHolder) {
            spec.put("acquireTime", MICRO_TIME.format(now));
        }
        spec.put("renewTime", MICRO_TIME.format(now));
        spec.put("leaseTransitions", transitions);
    }

    /** Remembers what the server showed, and since when this version has been seen unchanged. */
    private LeaseRecord observe(JsonNode lease, String what) throws PluginException {
        LeaseRecord record;
        try {
            record = LeaseRecord.of(lease);
        } catch (IllegalArgumentException e) {
            throw new PluginException("the API server answered " + what + " " + describe() + " with something that"
                    + " is not a Lease; check that the server URL points at the API server itself");
        }
        if (observed == null || !observed.resourceVersion().equals(record.resourceVersion())) {
            observedSince = clock.instant();
        }
        observed = record;
        return record;
    }

    private boolean expired(LeaseRecord lease, Instant now) {
        if (lease.holder().isEmpty()) {
            return true;
        }
        return !now.isBefore(observedSince.plusSeconds(Math.max(1, lease.durationSeconds())));
    }

    private LeaseState held(long transitions) {
        return new LeaseState(true, Optional.of(identity), transitions, heldUntil);
    }

    private LeaseState standing(LeaseRecord lease) {
        if (lease == null) {
            return new LeaseState(false, Optional.empty(), 0, clock.instant());
        }
        if (!lease.heldBy(identity)) {
            heldUntil = null;
        }
        Instant until = lease.holder().isEmpty() ? clock.instant()
                : observedSince.plusSeconds(Math.max(1, lease.durationSeconds()));
        return new LeaseState(false, lease.holder(), lease.transitions(), until);
    }

    private LeaseState lost(LeaseRecord lease) {
        heldUntil = null;
        return standing(lease);
    }

    private PluginException refused(ApiException e, String verb) {
        if (e.code() != 403) {
            return e;
        }
        return new PluginException(e.getMessage() + ". The lease needs the rule {apiGroups: [\"coordination.k8s.io\"],"
                + " resources: [\"leases\"], verbs: [\"get\", \"create\", \"patch\"]} in a Role of namespace "
                + namespace + " (it was refused '" + verb + "'; deploy/kubernetes/rbac.yaml grants it)");
    }

    private String path() {
        return "/apis/coordination.k8s.io/v1/namespaces/" + namespace + "/leases/" + name;
    }

    private String describe() {
        return "lease " + name + " in namespace " + namespace;
    }

    private static String check(String what, String value, Optional<String> problem) {
        Objects.requireNonNull(value, what);
        problem.ifPresent(why -> {
            throw new IllegalArgumentException(what + " '" + value + "' " + why);
        });
        return value;
    }
}
