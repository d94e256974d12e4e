package dev.tollgate.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Tollgate's slf4j backend: one line per event on standard error, as text
 * ({@code TIME LEVEL Logger - message key=value …}) or as one JSON object, an event's key-values
 * written as fields of their own; levels by logger name. {@link #setUp} sets it up before the
 * first logger is made.
 */
public final class LogLines implements SLF4JServiceProvider {

  /** Libraries whose debug logging drowns the command's own. */
  private static final List<String> QUIET_LIBRARIES = List.of("io.grpc", "io.netty",
      "io.perfmark", "com.zaxxer.hikari", "org.flywaydb", "org.jdbi", "com.nimbusds",
      "org.postgresql", "h2database", "org.eclipse.jetty");

  /**
   * How lines are written, and which.
   *
   * @param level the level of loggers that {@code levels} does not name
   * @param levels levels by logger name or name prefix (a package)
   * @param time whether lines start with the time
   * @param json whether each line is a JSON object
   */
  record Settings(Level level, Map<String, Level> levels, boolean time, boolean json) {

    /** Libraries that say more at INFO than a server's log needs. */
    static final Map<String, Level> QUIET = Map.of("com.zaxxer.hikari", Level.WARN,
        "org.flywaydb", Level.WARN, "io.grpc.netty.shaded", Level.WARN,
        "org.eclipse.jetty", Level.WARN);

    /** INFO, without the time, as text. */
    static Settings defaults() {
      return new Settings(Level.INFO, QUIET, false, false);
    }

    /** The level of a logger: that of its longest name prefix in {@code levels}. */
    Level levelOf(String logger) {
      String name = logger;
      while (true) {
        Level named = levels.get(name);
        if (named != null) {
          return named;
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
          return level;
        }
        name = name.substring(0, dot);
      }
    }
  }

  private static volatile Settings settings = Settings.defaults();

  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  /** Made by slf4j, which finds it as a service. */
  public LogLines() {}

  /**
   * Logs go to standard error, one line per event ({@link LogLines}); the server logs at INFO,
   * the command line only warnings, unless {@code --debug}. Must run before the first logger is
   * made.
   */
  public static void setUp(boolean debug, boolean serving, boolean json) {
    if (serving) {
      LogLineStream.install(json);
    }
    Map<String, Level> levels = new LinkedHashMap<>(Settings.QUIET);
    if (debug) {
      // Tollgate's own debug lines, not the libraries' start-up chatter (Netty's platform
      // probing, gRPC's provider loading, the pool's settings dump)
      for (String library : QUIET_LIBRARIES) {
        levels.putIfAbsent(library, Level.INFO);
      }
    }
    // a server's lines, and a command's when debugging, carry the time; a command's few
    // warnings do without, and do not pay the 30 ms of locale data that a date format loads
    configure(new Settings(debug ? Level.DEBUG : serving ? Level.INFO
        : Level.WARN, levels, serving || debug, json));
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    java.util.logging.Logger.getLogger("").setLevel(debug ? java.util.logging.Level.FINE
        : java.util.logging.Level.INFO);
  }

  /** Settings for the loggers made from now on. */
  static void configure(Settings next) {
    settings = next;
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return name -> loggers.computeIfAbsent(name,
        logger -> new LineLogger(logger, settings, () -> System.err));
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    // nothing to read: setUp configures
  }
}
