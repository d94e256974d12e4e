package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.main.Main;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandTreeTest {

  @Test
  void namedCommand_build_holdsThatCommandAlone() {
    String[] args = {"--profile", "prod", "token", "list", "--timeout", "5s"};

    CommandLine tree = Main.commandLine(false, args);

    assertThat(tree.getSubcommands()).containsOnlyKeys("token");
    assertThat(tree.getSubcommands().get("token").getSubcommands()).containsOnlyKeys("list");
    CommandLine.ParseResult parsed = tree.parseArgs(args);
    GlobalFlags flags = ((TollgateCommand) tree.getCommand()).flags();
    assertThat(flags.profile()).isEqualTo("prod");
    assertThat(flags.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(parsed.subcommand().subcommand().commandSpec().name()).isEqualTo("list");
  }

  @Test
  void aliasOrUnknownOrNoCommand_build_holdsWhatHelpAndSuggestionsNeed() {
    assertThat(Main.commandLine(false, "token", "delete", "--force", "x").getSubcommands()
        .get("token").getSubcommands()).containsOnlyKeys("revoke", "delete");
    assertThat(Main.commandLine(false, "token", "lst").getSubcommands().get("token")
        .getSubcommands()).containsKeys("create", "list", "get", "update", "revoke");
    assertThat(Main.commandLine(false, "tokn").getSubcommands())
        .containsKeys("serve", "management", "token", "replica", "auth", "bench", "completion");
    assertThat(Main.commandLine(false).getSubcommands().get("management").getSubcommands())
        .containsKeys("create", "list", "revoke");
    assertThat(CommandTree.commandWords(new String[] {"--config", "c.toml", "--debug", "auth",
        "--timeout", "1s", "whoami"})).isEqualTo(List.of("auth", "whoami"));
  }

  @Test
  void serve_help_listsWhatServeTakesAndNoneOfTheClientsFlags() {
    String help = Main.commandLine(false, "serve", "--help").getSubcommands().get("serve")
        .getUsageMessage();

    assertThat(help).contains("--listen", "--data-dir", "--debug", "--help")
        .doesNotContain("--config", "--profile", "--timeout");
    assertThat(Main.commandLine(false, "token", "list").getSubcommands().get("token")
        .getSubcommands().get("list").getUsageMessage())
        .contains("--config", "--profile", "--timeout", "--debug");
  }

  @Test
  void clientFlagsAfterServe_parse_areRefusedAsServeDoesNotTakeThem() {
    assertThatThrownBy(() -> Main.commandLine(false, "serve", "--timeout", "5s")
        .parseArgs("serve", "--timeout", "5s"))
        .hasMessageContaining("Unknown option").hasMessageContaining("'--timeout'");
  }
}
