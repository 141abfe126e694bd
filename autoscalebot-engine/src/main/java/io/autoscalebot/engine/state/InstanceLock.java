package io.autoscalebot.engine.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second instance off a state directory one instance already runs on: an OS lock on
 * {@code STATE_DIR/autoscalebot.lock}. The lock, not the file, is what counts, so a file left by a {@code kill -9} does
 * not block the next start: the OS dropped the lock with the process. The file holds the holder's pid, for the message.
 */
public final class InstanceLock implements AutoCloseable {

    /** The lock file's name in the state directory. */
    public static final String FILE = "autoscalebot.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, creating the state directory when missing.
     *
     * @param stateDirectory the state directory
     * @return the lock, held until {@link #close()} or the process ends
     * @throws Held when another instance holds it, saying which and what to do
     * @throws IOException when the directory or file cannot be created or opened
     */
    public static InstanceLock acquire(Path stateDirectory) throws Held, IOException {
        Files.createDirectories(stateDirectory);
        Path file = stateDirectory.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by this very JVM (another engine embedded in the same process): the same refusal.
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new Held(file, holder);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new InstanceLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return pid.matches("[0-9]+") ? pid : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Releases the lock; the file stays (an empty or stale file blocks nobody). Calling it again does nothing. */
    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            lock.release();
            channel.close();
        }
    }

    /** Another instance holds the lock. */
    public static final class Held extends Exception {

        private static final long serialVersionUID = 1L;

        Held(Path file, String pid) {
            super("another autoscalebot" + (pid.isEmpty() ? "" : " (pid " + pid + ")") + " already runs with the state"
                    + " directory " + file.getParent() + " (it holds " + file.getFileName() + "); two instances on one"
                    + " configuration would both scale. Stop the other one, give this one its own state_dir, or add a"
                    + " [leader] section so that instances share a lease and only one of them acts");
        }
    }
}
