package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.main.Main;
import dev.tollgate.options.EnvironmentDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The README's option tables say what the options do: each option, its variable and its default
 * as the real command line has them, read from the same annotations and default provider.
 */
class OptionsReadmeTest {

  private static final Path README = Path.of("..", "README.md");

  /** The rows of the first table after {@code heading}: option name → its cells. */
  private static Map<String, List<String>> table(String heading) throws Exception {
    String text = Files.readString(README);
    int at = text.indexOf("\n" + heading + "\n");
    assertThat(at).as(heading + " in the README").isPositive();
    Map<String, List<String>> rows = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : text.substring(at).lines().skip(1).toList()) {
      if (line.startsWith("| `-")) {
        inTable = true;
        List<String> cells = List.of(line.substring(1, line.length() - 1).split("(?<!\\\\)\\|"))
            .stream().map(String::strip).toList();
        rows.put(cells.get(0).substring(1).split("[ `]")[0], cells);
      } else if (inTable && !line.startsWith("|")) {
        break;
      }
    }
    return rows;
  }

  private static void assertSays(Map<String, List<String>> rows, CommandSpec command) {
    List<OptionSpec> options = command.options().stream()
        .filter(option -> !option.inherited() && !option.usageHelp() && !option.versionHelp())
        .toList();
    assertThat(rows.keySet()).as("options in the README")
        .containsExactlyInAnyOrderElementsOf(options.stream().map(OptionSpec::longestName)
            .toList());
    for (OptionSpec option : options) {
      List<String> row = rows.get(option.longestName());
      assertThat(row.get(1)).as(option.longestName() + "'s variable")
          .isEqualTo(EnvironmentDefaults.variable(option).map(name -> "`" + name + "`")
              .orElse(""));
      if (option.defaultValue() != null) {
        assertThat(row.get(2)).as(option.longestName() + "'s default")
            .isEqualTo("`" + option.defaultValue() + "`");
      } else {
        assertThat(row.get(2)).as(option.longestName() + " has no default value to state")
            .doesNotMatch("`[^`]*`");
      }
    }
  }

  @Test
  void serverTable_saysWhatServeTakes() throws Exception {
    assertSays(table("## Server"), Main.commandLine(false, "serve").getSubcommands()
        .get("serve").getCommandSpec());
  }

  @Test
  void migrateTable_saysWhatMigrateTakes() throws Exception {
    assertSays(table("## Moving to PostgreSQL"), Main.commandLine(false, "migrate")
        .getSubcommands().get("migrate").getCommandSpec());
  }

  @Test
  void backupAndRestoreTables_sayWhatTheyTake() throws Exception {
    assertSays(table("### Back up"), Main.commandLine(false, "backup").getSubcommands()
        .get("backup").getCommandSpec());
    assertSays(table("### Restore"), Main.commandLine(false, "restore").getSubcommands()
        .get("restore").getCommandSpec());
  }

  @Test
  void globalFlagsTable_saysWhatTheTopCommandTakes() throws Exception {
    assertSays(table("## Command line"), Main.commandLine(false).getCommandSpec());
  }
}
