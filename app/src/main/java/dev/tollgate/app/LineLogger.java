package dev.tollgate.app;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NormalizedParameters;
import org.slf4j.spi.LoggingEventAware;

/**
 * A logger of {@link LogLines}, its level fixed when it is made. As text, an event's key-values
 * follow its message as {@code key=value}, a value quoted (with {@code \"} and {@code \\}) when it
 * holds a space, a quote, an equals sign or a backslash, so that no value can pass for another
 * field; as JSON, they are fields of the object, the message holding the same text.
 */
final class LineLogger extends LegacyAbstractLogger implements LoggingEventAware {

  /** The time as lines show it: milliseconds and the zone's offset. */
  static final String TIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
  private static final Set<String> OWN_FIELDS = Set.of("time", "level", "logger", "message",
      "error");

  private final int threshold;
  private final String shortName;
  private final boolean json;
  private final DateTimeFormatter time;
  private final Supplier<PrintStream> out;

  LineLogger(String name, LogLines.Settings settings, Supplier<PrintStream> out) {
    this.name = name;
    this.threshold = settings.levelOf(name).toInt();
    this.shortName = name.substring(name.lastIndexOf('.') + 1);
    this.json = settings.json();
    this.time = settings.time() || settings.json()
        ? DateTimeFormatter.ofPattern(TIME_FORMAT, Locale.ROOT).withZone(ZoneId.systemDefault())
        : null;
    this.out = out;
  }

  @Override
  public void log(LoggingEvent event) {
    if (event.getLevel().toInt() < threshold) {
      return;
    }
    NormalizedParameters normalized = NormalizedParameters.normalize(event);
    String message = normalized.getMessage() == null ? null
        : MessageFormatter.basicArrayFormat(normalized.getMessage(), normalized.getArguments());
    write(event.getLevel(), message, event.getKeyValuePairs(), normalized.getThrowable());
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String message,
      Object[] arguments, Throwable throwable) {
    write(level, MessageFormatter.basicArrayFormat(message, arguments), null, throwable);
  }

  private void write(Level level, String message, List<KeyValuePair> fields, Throwable thrown) {
    String text = text(message, fields);
    String at = time == null ? null : time.format(java.time.Instant.now());
    PrintStream err = out.get();
    synchronized (err) {
      if (json) {
        String line = json(at, level, text, fields, thrown);
        if (err instanceof LogLineStream lines) {
          lines.printJsonLine(line);
        } else {
          err.println(line);
        }
      } else {
        err.println((at == null ? "" : at + " ") + level + " " + shortName + " - " + text);
        if (thrown != null) {
          thrown.printStackTrace(err);
        }
      }
      err.flush();
    }
  }

  /** The message, then each key-value as {@code key=value}. */
  static String text(String message, List<KeyValuePair> fields) {
    StringBuilder text = new StringBuilder(message == null ? "" : message);
    if (fields != null) {
      for (KeyValuePair field : fields) {
        if (!text.isEmpty()) {
          text.append(' ');
        }
        text.append(field.key).append('=').append(logfmt(String.valueOf(field.value)));
      }
    }
    return text.toString();
  }

  private static String logfmt(String value) {
    boolean plain = !value.isEmpty() && value.chars().noneMatch(c -> c <= ' ' || c == '"'
        || c == '=' || c == '\\' || Character.isWhitespace(c));
    return plain ? value
        : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private String json(String at, Level level, String text, List<KeyValuePair> fields,
      Throwable thrown) {
    StringBuilder object = new StringBuilder(text.length() + 96).append('{');
    string(object, "time", at).append(',');
    string(object, "level", level.toString()).append(',');
    string(object, "logger", shortName).append(',');
    string(object, "message", text);
    if (fields != null) {
      for (KeyValuePair field : fields) {
        String key = OWN_FIELDS.contains(field.key) ? "field_" + field.key : field.key;
        object.append(',');
        if (field.value instanceof Long || field.value instanceof Integer) {
          quote(object, key).append(':').append(field.value);
        } else {
          string(object, key, String.valueOf(field.value));
        }
      }
    }
    if (thrown != null) {
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      object.append(',');
      string(object, "error", trace.toString().stripTrailing());
    }
    return object.append('}').toString();
  }

  private static StringBuilder string(StringBuilder object, String key, String value) {
    return quote(quote(object, key).append(':'), value);
  }

  private static StringBuilder quote(StringBuilder object, String value) {
    return object.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value))
        .append('"');
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  public boolean isTraceEnabled() {
    return Level.TRACE.toInt() >= threshold;
  }

  @Override
  public boolean isDebugEnabled() {
    return Level.DEBUG.toInt() >= threshold;
  }

  @Override
  public boolean isInfoEnabled() {
    return Level.INFO.toInt() >= threshold;
  }

  @Override
  public boolean isWarnEnabled() {
    return Level.WARN.toInt() >= threshold;
  }

  @Override
  public boolean isErrorEnabled() {
    return Level.ERROR.toInt() >= threshold;
  }
}
