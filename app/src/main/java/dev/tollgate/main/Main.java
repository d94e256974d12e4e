package dev.tollgate.main;

import dev.tollgate.app.LogLines;
import dev.tollgate.app.MigrateCommand;
import dev.tollgate.app.RestoreCommand;
import dev.tollgate.app.ServeCommand;
import dev.tollgate.cli.AuthCommand;
import dev.tollgate.cli.BenchCommand;
import dev.tollgate.cli.CommandTree;
import dev.tollgate.cli.CompletionCommand;
import dev.tollgate.cli.ErrorReporter;
import dev.tollgate.cli.BackupCommand;
import dev.tollgate.cli.EventsCommand;
import dev.tollgate.cli.ManagementCommand;
import dev.tollgate.cli.ReplicaCommand;
import dev.tollgate.cli.TokenCommand;
import dev.tollgate.cli.TollgateCommand;
import dev.tollgate.options.EnvironmentDefaults;
import dev.tollgate.options.Sources;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The {@code tollgate} executable: parses the command line and runs the chosen command. The one
 * registry of top-level commands, server and client alike, so it sits above both {@code app} and
 * {@code cli}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    boolean debug = Arrays.asList(args).contains("--debug");
    List<String> words = CommandTree.commandWords(args);
    String command = words.isEmpty() ? "" : words.get(0);
    boolean serving = command.equals("serve");
    if (!serving) {
      // Netty registers Java Flight Recorder events as it starts, a quarter of a second of
      // class generation that a command which lives for one call never uses
      System.setProperty("io.grpc.netty.shaded.io.netty.jfr.enabled", "false");
    }
    if (!serving && !command.equals("bench")) {
      // A command of one call: gRPC's probe for Netty's epoll transport unpacks and loads a native
      // library (20 ms), where Java's own sockets do (Connection); and buffer pools and sampled
      // leak tracking, made as Netty starts, pay off only over many calls (35 ms)
      System.setProperty("io.grpc.netty.shaded.io.netty.transport.noNative", "true");
      System.setProperty("io.grpc.netty.shaded.io.netty.allocator.type", "unpooled");
      System.setProperty("io.grpc.netty.shaded.io.netty.leakDetection.level", "disabled");
    }
    LogLines.setUp(debug, serving, serving && jsonLogs(args, System.getenv()));
    int exitCode = commandLine(debug, args).execute(args);
    System.exit(exitCode);
  }

  /**
   * Whether {@code serve} logs JSON: {@code --log-format json} or TOLLGATE_LOG_FORMAT=json. Read
   * before the command line is parsed, as logging starts first; {@code serve} checks the value.
   */
  static boolean jsonLogs(String[] args, Map<String, String> env) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--log-format") && i + 1 < args.length) {
        return args[i + 1].equalsIgnoreCase("json");
      }
      if (args[i].startsWith("--log-format=")) {
        return args[i].substring("--log-format=".length()).equalsIgnoreCase("json");
      }
    }
    return "json".equalsIgnoreCase(env.getOrDefault(EnvironmentDefaults.variable("--log-format"),
        ""));
  }

  /** Each top-level command by name, made only when asked for. */
  private static Map<String, Supplier<Object>> topLevel() {
    Map<String, Supplier<Object>> all = new LinkedHashMap<>();
    all.put("serve", ServeCommand::new);
    all.put("migrate", MigrateCommand::new);
    all.put("backup", BackupCommand::new);
    all.put("restore", RestoreCommand::new);
    all.put("management", ManagementCommand::new);
    all.put("token", TokenCommand::new);
    all.put("replica", ReplicaCommand::new);
    all.put("auth", AuthCommand::new);
    all.put("events", EventsCommand::new);
    all.put("bench", BenchCommand::new);
    all.put("completion", CompletionCommand::new);
    return all;
  }

  /**
   * The command tree for a run with these arguments, with Tollgate's error reporting: only the
   * commands they name ({@link CommandTree}); without arguments, the whole tree.
   */
  public static CommandLine commandLine(boolean debug, String... args) {
    ErrorReporter errors = new ErrorReporter(debug);
    return CommandTree.build(new TollgateCommand(), topLevel(), CommandTree.commandWords(args))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler((e, all) -> errors.handleParseException(
            Sources.named(e, all), all))
        .setExecutionExceptionHandler(errors);
  }
}
