package dev.tollgate.options;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.main.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations as every command reads them, seen from the command line. */
class DurationFlagsTest {

  /** What {@code tollgate ARGS} prints on standard error, run without a server. */
  private static String stderr(String... args) {
    StringWriter err = new StringWriter();
    Main.commandLine(false, args).setErr(new PrintWriter(err)).execute(args);
    return err.toString();
  }

  @Test
  void aWordForAUnit_expiringWithin_isRefusedListingTheUnitsWithDays() {
    assertThat(stderr("token", "list", "--expiring-within", "7days")).startsWith(
        "Error: --expiring-within \"7days\" is not a duration; expected a number and a unit"
            + " (ms, s, m, h or d), such as 30s, 1h30m or 7d");
  }

  @Test
  void aBareNumber_expiringWithin_namesTheUnitChoicesInsteadOfGuessingSeconds() {
    assertThat(stderr("management", "list", "--expiring-within", "7")).startsWith(
        "Error: --expiring-within \"7\" is not a duration; give it a unit: 7ms, 7s, 7m, 7h or 7d");
  }

  @Test
  void days_expiringWithinAndBench_areAccepted() {
    assertThat(Main.commandLine(false).parseArgs("token", "list", "--expiring-within", "7d")
        .subcommand().subcommand().<Object>matchedOptionValue("--expiring-within", null))
        .isEqualTo(Duration.ofDays(7));
    assertThat(Main.commandLine(false).parseArgs("bench", "--duration", "2s", "--warmup", "1d")
        .subcommand().<Object>matchedOptionValue("--warmup", null)).isEqualTo(Duration.ofDays(1));
  }
}
