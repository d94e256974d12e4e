package dev.tollgate.options;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.main.Main;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

class EnvironmentDefaultsTest {

  private static List<OptionSpec> everyOption(CommandLine command) {
    List<OptionSpec> options = new ArrayList<>(command.getCommandSpec().options());
    command.getSubcommands().values().forEach(sub -> options.addAll(everyOption(sub)));
    return options;
  }

  @Test
  void optionName_variable_isTollgateAndTheNameInCapitals() {
    assertThat(EnvironmentDefaults.variable("--max-resets-per-10s"))
        .isEqualTo("TOLLGATE_MAX_RESETS_PER_10S");
  }

  @Test
  void everyOptionWhoseHelpNamesAVariable_defaultValue_readsThatVariableAndNoOtherOptionDoes() {
    for (OptionSpec option : everyOption(Main.commandLine(false))) {
      String help = String.join(" ", option.description());
      String named = EnvironmentDefaults.variable(option.longestName());
      EnvironmentDefaults environment = new EnvironmentDefaults(Map.of(named, "from " + named));
      if (help.contains("[TOLLGATE_")) {
        assertThat(help).as(option.longestName() + "'s help").contains("[" + named + "]");
        assertThat(environment.defaultValue(option)).isEqualTo("from " + named);
      } else {
        assertThat(environment.defaultValue(option)).as(option.longestName()).isNull();
      }
    }
  }
}
