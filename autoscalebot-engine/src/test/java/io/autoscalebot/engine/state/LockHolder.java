package io.autoscalebot.engine.state;

import java.nio.file.Path;

/** A second process for {@link InstanceLockTest}: takes the lock, says so, and holds it until killed. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        InstanceLock lock = InstanceLock.acquire(Path.of(args[0]));
        System.out.println("locked");
        System.out.flush();
        // Held until the test kills this process: read stdin until it closes, which never happens first.
        System.in.read();
        lock.close();
    }
}
