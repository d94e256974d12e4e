package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.main.Main;
import dev.tollgate.options.EnvironmentDefaults;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The global flags, from the command line or the environment, as a client command reads them. */
class GlobalFlagsTest {

  private static GlobalFlags flags(Map<String, String> environment, String... args) {
    CommandLine tree = Main.commandLine(false, args);
    tree.getCommandSpec().defaultValueProvider(new EnvironmentDefaults(environment));
    tree.parseArgs(args);
    return ((TollgateCommand) tree.getCommand()).flags();
  }

  @Test
  void nothingGiven_flags_areTheDefaults() {
    GlobalFlags flags = flags(Map.of(), "token", "list");

    assertThat(flags.profile()).isEqualTo("default");
    assertThat(flags.config()).isNull();
    assertThat(flags.timeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(flags.timeoutGiven()).isFalse();
  }

  @Test
  void variables_flags_areReadAndCountAsGiven_andTheCommandLineComesFirst() {
    GlobalFlags fromVariables = flags(Map.of("TOLLGATE_TIMEOUT", "7d", "TOLLGATE_PROFILE", "prod"),
        "token", "list");
    GlobalFlags fromFlags = flags(Map.of("TOLLGATE_TIMEOUT", "7d"), "token", "list", "--timeout",
        "5s");

    assertThat(fromVariables.timeout()).isEqualTo(Duration.ofDays(7));
    assertThat(fromVariables.timeoutGiven()).isTrue();
    assertThat(fromVariables.profile()).isEqualTo("prod");
    assertThat(fromFlags.timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aBareNumber_timeout_isRefusedNamingWhereItCameFrom() {
    assertThatThrownBy(() -> flags(Map.of("TOLLGATE_TIMEOUT", "30"), "token", "list"))
        .hasMessage("TOLLGATE_TIMEOUT=\"30\" is not a duration; give it a unit: 30ms, 30s, 30m,"
            + " 30h or 30d");
    assertThatThrownBy(() -> flags(Map.of(), "--timeout", "30", "token", "list"))
        .hasMessage("--timeout \"30\" is not a duration; give it a unit: 30ms, 30s, 30m, 30h or"
            + " 30d");
  }

  @Test
  void clientFlags_areTheGlobalFlagsWithAValue() {
    assertThat(TollgateCommand.clientFlags()).containsExactly("--config", "--profile",
        "--timeout");
  }
}
