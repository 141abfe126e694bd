package io.autoscalebot.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {

    @TempDir
    Path dir;

    @Test
    void refusesASecondHolderInTheSameProcessAndAdmitsItAfterRelease() throws Exception {
        InstanceLock first = InstanceLock.acquire(dir);

        assertThatThrownBy(() -> InstanceLock.acquire(dir))
                .isInstanceOf(InstanceLock.Held.class)
                .hasMessageContaining("pid " + ProcessHandle.current().pid())
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("[leader]");

        first.close();
        InstanceLock.acquire(dir).close();
    }

    @Test
    void aLockFileLeftBehindBlocksNobody() throws Exception {
        Files.writeString(dir.resolve(InstanceLock.FILE), "4242\n");

        try (InstanceLock lock = InstanceLock.acquire(dir)) {
            assertThat(Files.readString(dir.resolve(InstanceLock.FILE)).trim())
                    .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        }
    }

    @Test
    void refusesWhileAnotherProcessHoldsItAndAdmitsOnceThatProcessIsKilled() throws Exception {
        Process other = holder();
        try {
            assertThatThrownBy(() -> InstanceLock.acquire(dir))
                    .isInstanceOf(InstanceLock.Held.class)
                    .hasMessageContaining("pid " + other.pid());
        } finally {
            // kill -9: no chance to release; the OS drops the lock with the process
            other.destroyForcibly();
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(dir.resolve(InstanceLock.FILE)).exists();
        InstanceLock.acquire(dir).close();
    }

    /** Starts {@link LockHolder} in its own JVM and returns once it holds the lock. */
    private Process holder() throws IOException {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        String classpath = Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath();
        Process process = new ProcessBuilder(javaBin.toString(), "-cp", classpath, LockHolder.class.getName(),
                dir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        // Blocks until the child says it holds the lock (or dies, then the line is null).
        assertThat(out.readLine()).isEqualTo("locked");
        return process;
    }
}
