package dev.tollgate.options;

import java.lang.reflect.AnnotatedElement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The environment as the defaults of options: {@code --foo-bar} reads {@code TOLLGATE_FOO_BAR}
 * when it is not on the command line; unset, the option's own default (its annotation, the one
 * place each default is stated) applies. Only an option whose help names its variable,
 * {@code [TOLLGATE_FOO_BAR]}, reads one, so that help and behaviour cannot differ and no client
 * option (say {@code --force}) can be set by a variable that happens to exist. An empty variable
 * is a value, not an absence, so that a failed {@code $(…)} is noticed, not replaced by a default.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

  private final Map<String, String> environment;

  /** The process's environment. */
  public EnvironmentDefaults() {
    this(System.getenv());
  }

  public EnvironmentDefaults(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public String defaultValue(ArgSpec argument) {
    return variable(argument).map(environment::get).orElse(null);
  }

  /** The variable that gives an option its value, if its help names one. */
  public static Optional<String> variable(ArgSpec argument) {
    // the help as written: picocli's own description() asks this provider for the default
    if (!(argument instanceof OptionSpec option)
        || !(option.userObject() instanceof AnnotatedElement element)
        || !element.isAnnotationPresent(Option.class)) {
      return Optional.empty();
    }
    String variable = variable(option.longestName());
    return String.join(" ", element.getAnnotation(Option.class).description())
        .contains("[" + variable + "]") ? Optional.of(variable) : Optional.empty();
  }

  /** {@code --foo-bar}'s variable: {@code TOLLGATE_FOO_BAR}. */
  public static String variable(String option) {
    return "TOLLGATE_" + option.replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
  }
}
