package io.autoscalebot.testkit;

import java.util.Objects;

/**
 * One outcome of a contract check.
 *
 * @param check what was checked
 * @param subject what it was checked on: the plugin's file, or a component like {@code measure file-value}
 * @param passed whether it held
 * @param message why it failed, with what to change; or a note on a check that passed (like why it was skipped)
 */
public record ContractFinding(ContractCheck check, String subject, boolean passed, String message) {

    /** Checks the parts. */
    public ContractFinding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (passed ? "ok   " : "FAIL ") + check + " " + subject + (message.isEmpty() ? "" : ": " + message);
    }
}
