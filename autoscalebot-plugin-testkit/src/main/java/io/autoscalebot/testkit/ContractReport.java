package io.autoscalebot.testkit;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link PluginContract#check} found: every check on the plugin and on each of its components.
 *
 * @param plugin the jar or folder checked
 * @param findings every outcome, passed or not, in the order checked
 */
public record ContractReport(String plugin, List<ContractFinding> findings) {

    /** Copies the findings. */
    public ContractReport {
        findings = List.copyOf(findings);
    }

    /** @return the findings that failed */
    public List<ContractFinding> failures() {
        return findings.stream().filter(finding -> !finding.passed()).toList();
    }

    /** @return the checks that failed at least once */
    public Set<ContractCheck> failedChecks() {
        return failures().stream().map(ContractFinding::check).collect(Collectors.toUnmodifiableSet());
    }

    /** @return whether every check held */
    public boolean passed() {
        return failures().isEmpty();
    }

    /** @return one line per finding, failures first, under a line naming the plugin */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("plugin contract of " + plugin + ": "
                + (passed() ? "passed" : failures().size() + " failed") + "\n");
        findings.stream().filter(f -> !f.passed()).forEach(f -> text.append("  ").append(f).append('\n'));
        findings.stream().filter(ContractFinding::passed).forEach(f -> text.append("  ").append(f).append('\n'));
        return text.toString();
    }
}
