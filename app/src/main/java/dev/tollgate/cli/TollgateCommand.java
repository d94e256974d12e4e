package dev.tollgate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code tollgate}: the top-level command and its global flags, which may stand before or after
 * the subcommand, as with influxctl.
 */
@Command(name = "tollgate", mixinStandardHelpOptions = true, version = "tollgate 0.1.0",
    scope = ScopeType.INHERIT,
    usageHelpAutoWidth = true, sortOptions = false,
    description = "Tollgate: management and database tokens for an InfluxDB 3 style cluster.")
public final class TollgateCommand {

  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      defaultValue = "${env:TOLLGATE_CONFIG}",
      description = "Configuration file with [[profile]] tables [TOLLGATE_CONFIG]"
          + " (default: $XDG_CONFIG_HOME/tollgate/config.toml, else ~/.config/tollgate/config.toml).")
  Path config;

  @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
      defaultValue = "${env:TOLLGATE_PROFILE:-default}",
      description = "Profile of the configuration file to use [TOLLGATE_PROFILE]"
          + " (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
      defaultValue = "${env:TOLLGATE_TIMEOUT}",
      description = "Timeout for each call to the server, e.g. 30s, 1m0s, 500ms [TOLLGATE_TIMEOUT]"
          + " (default: 1m0s); also how long a sign-in waits for approval (default: until the"
          + " identity provider's code expires).")
  String timeout;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print debug logging and full error details.")
  boolean debug;

  @Spec
  CommandSpec spec;

  /** The global flags as given, for the subcommands. */
  GlobalFlags flags() {
    return timeout == null
        ? new GlobalFlags(config, profile, GlobalFlags.DEFAULT_TIMEOUT, false, debug)
        : new GlobalFlags(config, profile, Times.parseDuration(
            given("--timeout") ? "--timeout" : "TOLLGATE_TIMEOUT", timeout), true, debug);
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
