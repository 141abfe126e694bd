package io.autoscalebot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check against a plugin that keeps the contract, and against one deliberately broken for that check. */
class PluginContractTest {

    @TempDir
    Path work;

    @Test
    void passesAPluginThatKeepsTheContract() throws IOException {
        ContractReport report = PluginContract.check(new ContractFixture().build(work));

        assertThat(report.failures()).isEmpty();
        assertThat(report.findings()).extracting(ContractFinding::check).contains(ContractCheck.values());
    }

    @Test
    void checksAPluginFolderAsTheEngineLoadsIt() throws IOException {
        Path jar = new ContractFixture().build(work);
        Path folder = Files.createDirectories(work.resolve("fixture"));
        Files.copy(jar, folder.resolve(jar.getFileName()));

        assertThat(PluginContract.check(folder).passed()).isTrue();
    }

    @Test
    void failsAPluginIdThatIsNotLowerCaseWithDashes() throws IOException {
        ContractReport report = PluginContract.check(new ContractFixture().pluginId("Fixture_Queue").build(work));

        assertThat(report.failedChecks()).contains(ContractCheck.ID_FORMAT);
        assertThat(report.toString()).contains("'Fixture_Queue' must be lower-case");
    }

    @Test
    void failsASettingWithoutDoc() throws IOException {
        ContractReport report = PluginContract.check(new ContractFixture()
                .with("SETTINGS", "Setting.of(\"path\", SettingType.STRING).defaultValue(\"queue.txt\")")
                .build(work));

        assertThat(report.failedChecks()).containsExactly(ContractCheck.SETTINGS_DOCUMENTED);
        assertThat(report.toString()).contains("setting 'path' has no doc");
    }

    @Test
    void failsACredentialSettingThatIsNotSecret() throws IOException {
        ContractReport report = PluginContract.check(new ContractFixture()
                .with("SETTINGS", "Setting.of(\"path\", SettingType.STRING).defaultValue(\"q\").doc(\"File.\"),"
                        + " Setting.of(\"api_token\", SettingType.STRING).doc(\"Token.\")")
                .build(work));

        assertThat(report.failedChecks()).containsExactly(ContractCheck.SECRETS_FLAGGED);
        assertThat(report.toString()).contains("'api_token' looks like a credential");
    }

    @Test
    void failsAValidateProblemThatNamesNoDeclaredSetting() throws IOException {
        ContractReport report = PluginContract.check(new ContractFixture()
                .with("VALIDATE", "return List.of(new SettingProblem(\"queue\", \"is missing\"));")
                .build(work));

        assertThat(report.failedChecks()).containsExactly(ContractCheck.VALIDATE_ON_DEFAULTS);
        assertThat(report.toString()).contains("a problem with 'queue', which is not a declared setting");
    }

    @Test
    void createsNothingWhenValidateSaysTheDefaultsAreIncomplete() throws IOException {
        // One-of-several settings cannot all default; the engine would refuse the config before creating anything.
        ContractReport report = PluginContract.check(new ContractFixture()
                .with("VALIDATE", "return List.of(new SettingProblem(\"path\", \"set 'path' or 'url'\"));")
                .with("CREATE", "if (true) throw new IllegalArgumentException(\"set 'path' or 'url'\");")
                .build(work));

        assertThat(report.failures()).isEmpty();
        assertThat(report.toString()).contains("the defaults are incomplete ([path])");
    }

    @Test
    void failsAValidateThatThrows() throws IOException {
        ContractReport report = PluginContract.check(new ContractFixture()
                .with("VALIDATE", "throw new IllegalStateException(\"not ready\");").build(work));

        assertThat(report.failedChecks()).containsExactly(ContractCheck.VALIDATE_ON_DEFAULTS);
    }

    @Test
    void failsACreateThatCannotUseTheDefaults() throws IOException {
        ContractReport report = PluginContract.check(new ContractFixture()
                .with("CREATE", "if (true) throw new IllegalArgumentException(\"no path given\");").build(work));

        assertThat(report.failedChecks()).containsExactly(ContractCheck.CREATE_AND_TEARDOWN);
        assertThat(report.toString()).contains("create with the defaults failed: IllegalArgumentException: no path");
    }

    @Test
    void failsATeardownThatThrowsTheSecondTime() throws IOException {
        ContractReport report = PluginContract.check(new ContractFixture()
                .with("TEARDOWN", "if (closed) throw new IllegalStateException(\"already closed\"); closed = true;")
                .build(work));

        assertThat(report.failedChecks()).containsExactly(ContractCheck.TEARDOWN_IDEMPOTENT);
    }

    @Test
    void failsACallThatIgnoresItsDeadline() throws IOException {
        // Sleeps far past the 1 s deadline; the check gives up on it after the grace and interrupts it.
        ContractReport report = PluginContract.check(new ContractFixture()
                .with("MEASURE", "Thread.sleep(600_000); return null;").build(work));

        assertThat(report.failedChecks()).containsExactly(ContractCheck.DEADLINE_HONOURED);
        assertThat(report.toString()).contains("measure() given a 1000 ms deadline had not returned");
    }

    @Test
    void passesACallThatStopsAtItsDeadline() throws IOException {
        ContractReport report = PluginContract.check(new ContractFixture().with("MEASURE", """
                while (!context.deadline().passed()) { Thread.onSpinWait(); }
                throw new java.util.concurrent.TimeoutException("gave up at the deadline");""").build(work));

        assertThat(report.failures()).isEmpty();
    }

    @Test
    void failsAFailureMessageCarryingAStackTrace() throws IOException {
        ContractReport report = PluginContract.check(new ContractFixture().with("MEASURE", """
                java.io.StringWriter trace = new java.io.StringWriter();
                new RuntimeException("boom").printStackTrace(new java.io.PrintWriter(trace));
                throw new IllegalStateException("read failed: " + trace);""").build(work));

        assertThat(report.failedChecks()).containsExactly(ContractCheck.NO_STACK_TRACES);
    }

    @Test
    void failsAJarThatDoesNotLoad() throws IOException {
        Path notAJar = Files.writeString(work.resolve("broken-1.0.jar"), "not a zip");

        ContractReport report = PluginContract.check(notAJar);

        assertThat(report.failedChecks()).containsExactly(ContractCheck.LOADS);
    }

    @Test
    void assertPassesFailsWithEveryBrokenCheckNamed() throws IOException {
        Path jar = new ContractFixture()
                .with("SETTINGS", "Setting.of(\"path\", SettingType.STRING).defaultValue(\"q\"),"
                        + " Setting.of(\"password\", SettingType.STRING).doc(\"Password.\")")
                .build(work);

        assertThatThrownBy(() -> PluginContract.assertPasses(jar)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("FAIL SETTINGS_DOCUMENTED measure fixture-queue: setting 'path' has no doc")
                .hasMessageContaining("FAIL SECRETS_FLAGGED measure fixture-queue: setting 'password'");
    }
}
