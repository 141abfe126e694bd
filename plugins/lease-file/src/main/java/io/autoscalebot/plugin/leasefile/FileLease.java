package io.autoscalebot.plugin.leasefile;

import io.autoscalebot.api.lease.Lease;
import io.autoscalebot.api.lease.SharedState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The lease in one small file, {@code EPOCH TOKEN EXPIRES_MILLIS HOLDER} (token 0: nobody holds it). Every call reads
 * and rewrites it under an OS lock of the file, so instances in several processes take turns; a JVM-wide monitor
 * first, since the OS lock is per process and two engines in one JVM would otherwise trip over each other.
 *
 * <p>The engine's shared state lives beside it, one file per key in {@code LEASE_FILE.state/} (the key URL-encoded),
 * written only under the lease file's lock after checking holder and token there, and moved into place atomically, so
 * a reader never sees half a value and an old holder never overwrites its successor's.
 */
final class FileLease implements Lease, SharedState {

    /** OS file locks are held per process: this serialises the callers inside one. */
    private static final Object IN_PROCESS = new Object();

    private final Path file;
    private final Path stateDirectory;
    private final Clock clock;

    FileLease(Path file, Clock clock) {
        this.file = file;
        this.stateDirectory = file.resolveSibling(file.getFileName() + ".state");
        this.clock = clock;
    }

    /** What the file holds. */
    private record State(long epoch, long token, long expiresMillis, String holder) {

        static final State EMPTY = new State(0, 0, 0, "");

        boolean heldBy(String who, long now) {
            return token != 0 && holder.equals(who) && now < expiresMillis;
        }

        boolean free(long now) {
            return token == 0 || now >= expiresMillis;
        }

        static State parse(String text) throws IOException {
            if (text.isBlank()) {
                return EMPTY;
            }
            String[] parts = text.strip().split(" ", 4);
            try {
                return new State(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                        parts.length > 3 ? parts[3] : "");
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IOException("the lease file holds something else than a lease; delete it (every instance"
                        + " then waits at most one ttl)");
            }
        }

        String text() {
            return epoch + " " + token + " " + expiresMillis + " " + holder + "\n";
        }
    }

    private interface Change {
        /** @return the new state, or null to leave the file as it is */
        State apply(State state, long now) throws IOException;
    }

    /** Reads the state, applies the change and writes it back, all under the lock; returns the state after. */
    private State update(Change change) throws IOException {
        synchronized (IN_PROCESS) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
                channel.read(buffer, 0);
                State state = State.parse(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
                State after = change.apply(state, clock.millis());
                if (after == null) {
                    return state;
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(after.text().getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(false);
                return after;
            }
        }
    }

    @Override
    public OptionalLong acquire(String holder, Duration ttl) throws IOException {
        State after = update((state, now) -> {
            if (state.heldBy(holder, now)) {
                return new State(state.epoch(), state.token(), now + ttl.toMillis(), holder);
            }
            if (state.free(now)) {
                long epoch = state.epoch() + 1;
                return new State(epoch, epoch, now + ttl.toMillis(), holder);
            }
            return null;
        });
        return after.holder().equals(holder) && after.token() != 0 && after.expiresMillis() > clock.millis()
                ? OptionalLong.of(after.token()) : OptionalLong.empty();
    }

    @Override
    public boolean renew(String holder, long token, Duration ttl) throws IOException {
        boolean[] renewed = {false};
        update((state, now) -> {
            if (state.heldBy(holder, now) && state.token() == token) {
                renewed[0] = true;
                return new State(state.epoch(), token, now + ttl.toMillis(), holder);
            }
            return null;
        });
        return renewed[0];
    }

    @Override
    public void release(String holder, long token) throws IOException {
        update((state, now) -> state.token() == token && state.holder().equals(holder)
                ? new State(state.epoch(), 0, 0, "") : null);
    }

    @Override
    public Optional<SharedState> sharedState() {
        return Optional.of(this);
    }

    @Override
    public Optional<String> read(String key) throws IOException {
        try {
            return Optional.of(Files.readString(stateFile(key), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean write(String holder, long token, String key, String value) throws IOException {
        boolean[] written = {false};
        update((state, now) -> {
            if (state.heldBy(holder, now) && state.token() == token) {
                replace(stateFile(key), value);
                written[0] = true;
            }
            return null;
        });
        return written[0];
    }

    private Path stateFile(String key) {
        return stateDirectory.resolve(URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    /** Writes a temporary file and moves it over the old one: a reader sees the old value or the new, whole. */
    private static void replace(Path target, String value) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, value, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** @return when the lease held now lapses, for tests */
    Instant expires() throws IOException {
        return Instant.ofEpochMilli(update((state, now) -> null).expiresMillis());
    }
}
