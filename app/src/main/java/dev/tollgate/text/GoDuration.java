package dev.tollgate.text;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as influxctl and other Go programs write them: {@code 500ms}, {@code 30s},
 * {@code 1m0s}, {@code 1h30m}, and days: {@code 7d} (24 hours each). The one reader of durations
 * for the server's options and the command line.
 */
public final class GoDuration {

  /** Each unit and its length in nanoseconds, in the order messages list them. */
  private static final Map<String, Double> NANOS = units();

  /** The units a duration may be written in: ms, s, m, h and d. */
  public static final List<String> UNITS = List.copyOf(NANOS.keySet());

  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(" + String.join("|", UNITS) + ")");

  private GoDuration() {}

  private static Map<String, Double> units() {
    Map<String, Double> units = new LinkedHashMap<>();
    units.put("ms", 1e6); // before "m", so that the pattern reads 500ms as milliseconds
    units.put("s", 1e9);
    units.put("m", 60e9);
    units.put("h", 3600e9);
    units.put("d", 86_400e9);
    return units;
  }

  /** The positive duration the text spells, or empty when it spells none. */
  public static Optional<Duration> parse(String text) {
    String stripped = text == null ? "" : text.strip();
    Matcher parts = PART.matcher(stripped);
    Duration total = Duration.ZERO;
    int end = 0;
    while (parts.find() && parts.start() == end) {
      double nanos = Double.parseDouble(parts.group(1)) * NANOS.get(parts.group(2));
      if (nanos >= 1e18) {
        return Optional.empty(); // over 31 years in one part: a typo, not a duration
      }
      total = total.plusNanos((long) nanos);
      end = parts.end();
    }
    if (end == 0 || end != stripped.length() || total.isZero()) {
      return Optional.empty();
    }
    return Optional.of(total);
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
