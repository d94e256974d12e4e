package dev.tollgate.text;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as influxctl and other Go programs write them: {@code 500ms}, {@code 30s},
 * {@code 1m0s}, {@code 1h30m}. Shared by the server's options and the command line.
 */
public final class GoDuration {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private GoDuration() {}

  /** The positive duration the text spells, or empty when it spells none. */
  public static Optional<Duration> parse(String text) {
    String stripped = text == null ? "" : text.strip();
    Matcher parts = PART.matcher(stripped);
    Duration total = Duration.ZERO;
    int end = 0;
    while (parts.find() && parts.start() == end) {
      double amount = Double.parseDouble(parts.group(1));
      long nanos = switch (parts.group(2)) {
        case "ms" -> (long) (amount * 1e6);
        case "s" -> (long) (amount * 1e9);
        case "m" -> (long) (amount * 60e9);
        default -> (long) (amount * 3600e9);
      };
      total = total.plusNanos(nanos);
      end = parts.end();
    }
    if (end == 0 || end != stripped.length() || total.isZero()) {
      return Optional.empty();
    }
    return Optional.of(total);
  }

  /** The message for a value that is not a duration, naming where it came from. */
  public static String notADuration(String source, String text) {
    String stripped = text.strip();
    // a variable as the shell spells it, TOLLGATE_TIMEOUT="30"; a flag as --timeout "30"
    String value = (source.startsWith("-") ? " \"" : "=\"") + text + "\"";
    if (!stripped.isEmpty() && stripped.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return source + value + " is not a duration; use " + stripped + "s";
    }
    return source + value + " is not a duration; expected e.g. 30s, 1m0s, 1h30m or 500ms";
  }

  /** The duration as influxctl prints it, e.g. {@code 1m0s}, or {@code 200ms} under a second. */
  public static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds == 0) {
      return duration.toMillis() + "ms";
    }
    StringBuilder text = new StringBuilder();
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
    }
    if (seconds >= 60) {
      text.append(seconds % 3600 / 60).append('m');
    }
    return text.append(seconds % 60).append('s').toString();
  }
}
