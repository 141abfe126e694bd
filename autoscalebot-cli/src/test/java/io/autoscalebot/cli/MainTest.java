package io.autoscalebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The top-level command: which subcommands a command line gets, and that the help still shows them all. */
class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aCommandLineGetsOnlyTheSubcommandItNames() {
        assertThat(Main.subcommandsFor(new String[] {"plugins", "list"})).containsExactly(PluginsCommand.class);
        assertThat(Main.subcommandsFor(new String[] {"--plugins-dir", "run", "config", "validate"}))
                .containsExactly(ConfigCommand.class);
    }

    @Test
    void versionAloneNeedsNoSubcommand() {
        assertThat(Main.subcommandsFor(new String[] {"--version"})).isEmpty();
    }

    @Test
    void helpCompletionAndUnknownNamesSeeEverySubcommand() {
        assertThat(Main.subcommandsFor(new String[] {"help", "plugins"})).hasSize(7);
        assertThat(Main.subcommandsFor(new String[] {"completion", "bash"})).hasSize(7);
        assertThat(Main.subcommandsFor(new String[] {"plugin", "list"})).hasSize(7);
        assertThat(Main.subcommandsFor(new String[] {})).hasSize(7);
    }

    @Test
    void usageHelpListsEverySubcommand() {
        int exit = execute("--help");

        assertThat(exit).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("run", "simulate", "plugins", "config", "init", "completion", "help");
    }

    @Test
    void versionPrintsTheVersionsWithoutAnySubcommand() {
        int exit = execute("--version");

        assertThat(exit).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("plugin API");
    }

    @Test
    void versionAloneIsPrintedAsPicocliPrintsItWithoutBuildingItsModel() {
        StringWriter picocli = new StringWriter();
        new CommandLine(new Main()).printVersionHelp(new PrintWriter(picocli, true), CommandLine.Help.Ansi.OFF);

        assertThat(execute("--version")).isEqualTo(Main.OK);
        assertThat(execute("-V")).isEqualTo(Main.OK);

        assertThat(out.toString()).isEqualTo(picocli.toString() + picocli);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aPluginsCommandLineGetsOnlyThePluginsSubcommandItNames() {
        assertThat(Main.pluginsSubcommandsFor(new String[] {"plugins", "list"}))
                .containsExactly(PluginsCommand.ListCommand.class);
        assertThat(Main.pluginsSubcommandsFor(new String[] {"--plugins-dir", "x", "plugins", "describe", "local"}))
                .containsExactly(PluginsCommand.DescribeCommand.class);
    }

    @Test
    void pluginsAloneWithAnOptionOrAnUnknownNameAndHelpAndCompletionSeeEveryPluginsSubcommand() {
        assertThat(Main.pluginsSubcommandsFor(new String[] {"plugins"})).hasSize(5);
        assertThat(Main.pluginsSubcommandsFor(new String[] {"plugins", "--help", "list"})).hasSize(5);
        assertThat(Main.pluginsSubcommandsFor(new String[] {"plugins", "lst"})).hasSize(5);
        assertThat(Main.pluginsSubcommandsFor(new String[] {"help", "plugins"})).hasSize(5);
        assertThat(Main.pluginsSubcommandsFor(new String[] {"completion", "bash"})).hasSize(5);
    }

    @Test
    void pluginsUsageHelpListsEveryPluginsSubcommand() {
        int exit = execute("plugins", "--help");

        assertThat(exit).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("list", "describe", "docs", "install", "remove");
    }

    @Test
    void aMistypedPluginsSubcommandIsAUsageErrorPointingToItsHelp() {
        int exit = execute("plugins", "lst");

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("'lst'", "Try 'autoscalebot plugins --help'");
    }

    @Test
    void aMistypedSubcommandIsAUsageErrorPointingToTheHelp() {
        int exit = execute("plugin", "list");

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("'plugin'", "Try 'autoscalebot --help'");
    }
}
