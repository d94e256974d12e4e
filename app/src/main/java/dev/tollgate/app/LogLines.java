package dev.tollgate.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Tollgate's slf4j backend: one line per event on standard error, as text
 * ({@code TIME LEVEL Logger - message key=value …}) or as one JSON object, an event's key-values
 * written as fields of their own; levels by logger name. {@link Main} sets it up before the
 * first logger is made.
 */
public final class LogLines implements SLF4JServiceProvider {

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
        "org.flywaydb", Level.WARN, "io.grpc.netty.shaded", Level.WARN);

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
    // nothing to read: Main configures
  }
}
