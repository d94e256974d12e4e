package dev.tollgate.cli;

import dev.tollgate.options.BadValue;
import dev.tollgate.options.Durations;
import dev.tollgate.options.EnvironmentDefaults;
import dev.tollgate.options.Sources;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code tollgate}: the top-level command and its global flags, which may stand before or after
 * the subcommand, as with influxctl. The one place that knows them.
 */
@Command(name = "tollgate", mixinStandardHelpOptions = true, version = "tollgate 0.1.0",
    scope = ScopeType.INHERIT, defaultValueProvider = EnvironmentDefaults.class,
    usageHelpAutoWidth = true, sortOptions = false,
    description = "Tollgate: management and database tokens for an InfluxDB 3 style cluster.")
public final class TollgateCommand {

  /** The global flags that take a value: read from the options below. */
  private static final List<String> CLIENT_FLAGS = Arrays.stream(
          TollgateCommand.class.getDeclaredFields())
      .filter(field -> field.isAnnotationPresent(Option.class) && field.getType() != boolean.class)
      .map(field -> field.getAnnotation(Option.class).names()[0])
      .toList();

  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "Configuration file with [[profile]] tables [TOLLGATE_CONFIG]"
          + " (default: $XDG_CONFIG_HOME/tollgate/config.toml, else ~/.config/tollgate/config.toml).")
  Path config;

  @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
      defaultValue = "default",
      description = "Profile of the configuration file to use [TOLLGATE_PROFILE]"
          + " (default: ${DEFAULT-VALUE}).")
  String profile;

  /** Read when a command calls, so that a bad TOLLGATE_TIMEOUT stops no command that never does. */
  @Option(names = "--timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
      defaultValue = "1m0s",
      description = "Timeout for each call to the server, e.g. 30s, 1m0s, 500ms [TOLLGATE_TIMEOUT]"
          + " (default: ${DEFAULT-VALUE}); also how long a sign-in waits for approval (default:"
          + " until the identity provider's code expires).")
  String timeout;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print debug logging and full error details.")
  boolean debug;

  @Spec
  CommandSpec spec;

  /**
   * The global flags that take a value: each tells a client how to reach its server, so they are
   * the client's alone (not the server's); they may stand anywhere, before or after a command.
   */
  public static List<String> clientFlags() {
    return CLIENT_FLAGS;
  }

  /** The global flags as given, for the subcommands. */
  GlobalFlags flags() {
    boolean onCommandLine = given("--timeout");
    boolean fromVariable = !onCommandLine
        && spec.defaultValueProvider() instanceof EnvironmentDefaults environment
        && environment.defaultValue(spec.findOption("--timeout")) != null;
    try {
      return new GlobalFlags(config, profile, Durations.read(timeout),
          onCommandLine || fromVariable, debug);
    } catch (BadValue e) {
      throw new CliException(Sources.refused(onCommandLine ? "--timeout"
          : EnvironmentDefaults.variable("--timeout"), timeout, e));
    }
  }

  /** Whether the option was on the command line, before or after the subcommand. */
  private boolean given(String option) {
    for (ParseResult result = spec.commandLine().getParseResult(); result != null;
        result = result.subcommand()) {
      if (result.hasMatchedOption(option)) {
        return true;
      }
    }
    return false;
  }
}
