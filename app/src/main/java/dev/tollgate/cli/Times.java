package dev.tollgate.cli;

import dev.tollgate.text.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** RFC 3339 times and Go-style durations, as influxctl reads and prints them. */
final class Times {

  private static final DateTimeFormatter RFC3339 = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter();

  private Times() {}

  /**
   * Reads an RFC 3339 time with a {@code Z}, {@code +02:00} or {@code +0200} offset.
   *
   * @throws CliException naming the flag and the value
   */
  static Instant parseRfc3339(String flag, String text) {
    try {
      var parsed = RFC3339.parse(text.strip());
      if (!parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
        throw new DateTimeParseException("no offset", text, 0);
      }
      return OffsetDateTime.from(parsed).toInstant();
    } catch (DateTimeParseException e) {
      throw new CliException(flag + " \"" + text + "\" is not an RFC 3339 time;"
          + " expected e.g. 2030-01-01T00:00:00Z or 2030-01-01T02:00:00+02:00");
    }
  }

  /**
   * Reads a point in time: an RFC 3339 time, or a duration meaning that long before {@code now}
   * ({@code 24h}: a day ago).
   *
   * @throws CliException naming the flag and the value, and both forms
   */
  static Instant parseTimeOrAgo(String flag, String text, Instant now) {
    Optional<Duration> ago = GoDuration.parse(text);
    if (ago.isPresent()) {
      return now.minus(ago.get());
    }
    try {
      return parseRfc3339(flag, text);
    } catch (CliException e) {
      throw new CliException(flag + " \"" + text + "\" is neither an RFC 3339 time nor a"
          + " duration; expected e.g. 2030-01-01T00:00:00Z, or 24h for a day ago");
    }
  }

  /** Second-precision UTC RFC 3339, e.g. {@code 2030-01-01T00:00:00Z}. */
  static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The duration as influxctl prints it, e.g. {@code 1m0s}. */
  static String format(Duration duration) {
    return GoDuration.format(duration);
  }
}
