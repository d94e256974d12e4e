package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.main.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExpiryOptionTest {

  private static ExpiryOption parsed(String... args) {
    CommandLine.ParseResult result = Main.commandLine(false).parseArgs(args);
    Object command = result.subcommand().subcommand().commandSpec().userObject();
    return command instanceof ManagementCommand.Create management ? management.expiry
        : ((TokenCommand.Create) command).expiry;
  }

  @Test
  void seedDocumentsSpelling_expireAt_isAcceptedOnEveryCreateCommand_andHiddenFromHelp() {
    assertThat(parsed("management", "create", "--expire-at", "2030-01-01T00:00:00Z").expiresAt)
        .isEqualTo("2030-01-01T00:00:00Z");
    assertThat(parsed("token", "create", "--expire-at", "2030-01-01T00:00:00Z", "d").expiresAt)
        .isEqualTo("2030-01-01T00:00:00Z");
    assertThat(parsed("management", "create", "--expires-at", "2031-01-01T00:00:00Z").expiresAt)
        .isEqualTo("2031-01-01T00:00:00Z");
    assertThat(Main.commandLine(false).getSubcommands().get("management").getSubcommands()
        .get("create").getUsageMessage()).contains("--expires-at").doesNotContain("--expire-at=");
  }
}
