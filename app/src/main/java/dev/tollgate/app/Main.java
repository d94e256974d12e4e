package dev.tollgate.app;

import dev.tollgate.cli.AuthCommand;
import dev.tollgate.cli.BenchCommand;
import dev.tollgate.cli.CompletionCommand;
import dev.tollgate.cli.ErrorReporter;
import dev.tollgate.cli.ManagementCommand;
import dev.tollgate.cli.ReplicaCommand;
import dev.tollgate.cli.TokenCommand;
import dev.tollgate.cli.TollgateCommand;
import java.util.Arrays;
import java.util.List;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/** The {@code tollgate} executable: parses the command line and runs the chosen command. */
public final class Main {

  /** Libraries whose debug logging drowns the command's own. */
  private static final List<String> QUIET_LIBRARIES = List.of("io.grpc", "io.netty",
      "io.perfmark", "com.zaxxer.hikari", "org.flywaydb", "org.jdbi", "com.nimbusds",
      "org.postgresql", "h2database");

  private Main() {}

  public static void main(String[] args) {
    boolean debug = Arrays.asList(args).contains("--debug");
    configureLogging(debug, "serve".equals(subcommand(args)));
    int exitCode = commandLine(debug).execute(args);
    System.exit(exitCode);
  }

  /** The first argument that is neither a global flag nor its value. */
  private static String subcommand(String[] args) {
    List<String> withValue = List.of("--config", "--profile", "--timeout");
    for (int i = 0; i < args.length; i++) {
      if (withValue.contains(args[i])) {
        i++;
      } else if (!args[i].startsWith("-")) {
        return args[i];
      }
    }
    return "";
  }

  /** The whole command tree with Tollgate's error reporting. */
  public static CommandLine commandLine(boolean debug) {
    ErrorReporter errors = new ErrorReporter(debug);
    return new CommandLine(new TollgateCommand())
        .addSubcommand(new ServeCommand())
        .addSubcommand(new ManagementCommand())
        .addSubcommand(new TokenCommand())
        .addSubcommand(new ReplicaCommand())
        .addSubcommand(new AuthCommand())
        .addSubcommand(new BenchCommand())
        .addSubcommand(new CompletionCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
  }

  /**
   * Logs go to standard error, one line per event; the server logs at INFO, the command line
   * only warnings, unless {@code --debug}. Must run before the first logger is made.
   */
  private static void configureLogging(boolean debug, boolean serving) {
    if (serving) {
      LogLineStream.install();
    }
    String level = debug ? "debug" : serving ? "info" : "warn";
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    if (debug) {
      // Tollgate's own debug lines, not the libraries' start-up chatter (Netty's platform
      // probing, gRPC's provider loading, the pool's settings dump)
      for (String library : QUIET_LIBRARIES) {
        System.setProperty("org.slf4j.simpleLogger.log." + library, "info");
      }
    }
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    java.util.logging.Logger.getLogger("").setLevel(debug ? java.util.logging.Level.FINE
        : java.util.logging.Level.INFO);
  }
}
