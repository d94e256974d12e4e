package dev.tollgate.options;

import dev.tollgate.text.GoDuration;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.ITypeConverter;

/**
 * Durations as every command reads them (Go's spelling with days: {@code 500ms}, {@code 1h30m},
 * {@code 7d}), as picocli converters, one for each kind of duration an option takes.
 */
public final class Durations {

  private Durations() {}

  /** The positive duration the text spells; a bare number gets the unit choices, not a guess. */
  public static Duration read(String text) {
    return GoDuration.parse(text).orElseThrow(() -> new BadValue(whyNot(text)));
  }

  private static String whyNot(String text) {
    String number = text.strip();
    if (!number.isEmpty() && number.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return "is not a duration; give it a unit: " + units(number);
    }
    return "is not a duration; expected a number and a unit (" + units("")
        + "), such as 30s, 1h30m or 7d";
  }

  /** Each unit after {@code number}: {@code 7ms, 7s, 7m, 7h or 7d}. */
  private static String units(String number) {
    List<String> each = GoDuration.UNITS.stream().map(unit -> number + unit).toList();
    return String.join(", ", each.subList(0, each.size() - 1)) + " or " + each.get(each.size() - 1);
  }

  /** A positive duration. */
  public static final class Positive implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      return read(text);
    }
  }

  /** A positive duration, or off (null), {@code off} or blank: for what runs only when asked. */
  public static final class PositiveOrOff extends OffWhenBlank<Duration> {
    public PositiveOrOff() {
      super(new Positive());
    }
  }

  /** No time at all ({@code 0} or {@code 0s}), or a positive duration. */
  public static final class ZeroOrMore implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      String stripped = text.strip();
      return stripped.equals("0") || stripped.equals("0s") ? Duration.ZERO : read(text);
    }
  }

  /** A duration of at least a millisecond: a timeout. */
  public static final class Timeout implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      Duration timeout = read(text);
      if (timeout.toMillis() < 1) {
        throw new BadValue("is not a timeout; expected a duration of at least 1ms, such as 5s");
      }
      return timeout;
    }
  }

  /** A lifetime policy of at least a second, or none (null): {@code off} or blank. */
  public static final class Lifetime extends OffWhenBlank<Duration> {
    public Lifetime() {
      super(text -> {
        Duration lifetime = read(text);
        if (lifetime.getSeconds() < 1) {
          throw new BadValue("is shorter than a second; expected a lifetime such as 90d or 720h");
        }
        return lifetime;
      });
    }
  }
}
