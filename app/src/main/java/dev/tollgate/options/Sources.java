package dev.tollgate.options;

import java.util.Arrays;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Names a value by where it came from, so that a message points at what to change: a flag as
 * typed, {@code --timeout "30"}, or a variable as the shell spells it, {@code TOLLGATE_TIMEOUT="30"}.
 */
public final class Sources {

  private Sources() {}

  /** The value as messages name it: {@code --timeout "30"} or {@code TOLLGATE_TIMEOUT="30"}. */
  public static String given(String source, String text) {
    return source + (source.startsWith("-") ? " \"" : "=\"") + text + "\"";
  }

  /** The whole message for a refused value: its name, then why. */
  public static String refused(String source, String text, BadValue why) {
    return given(source, text) + (why.getMessage().startsWith(":") ? "" : " ") + why.getMessage();
  }

  /**
   * A converter's refusal as the person reads it: naming the flag when it was on the command
   * line, else the variable it came from. Any other parameter exception is returned as it is.
   */
  public static ParameterException named(ParameterException e, String[] args) {
    if (!(e.getCause() instanceof BadValue why) || !(e.getArgSpec() instanceof OptionSpec option)
        || e.getValue() == null) {
      return e;
    }
    String source = onCommandLine(option, args) ? option.longestName()
        : EnvironmentDefaults.variable(option).orElse(option.longestName());
    return new ParameterException(e.getCommandLine(), refused(source, e.getValue(), why), why,
        option, e.getValue());
  }

  private static boolean onCommandLine(OptionSpec option, String[] args) {
    return Arrays.stream(args).anyMatch(arg -> Arrays.stream(option.names())
        .anyMatch(name -> arg.equals(name) || arg.startsWith(name + "=")));
  }
}
