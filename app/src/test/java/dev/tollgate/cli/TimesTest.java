package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

  private static final Instant NEW_YEAR = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void rfc3339_withZColonAndPlainOffsets_parsesToTheSameInstant() {
    assertThat(Times.parseRfc3339("--expires-at", "2030-01-01T00:00:00Z")).isEqualTo(NEW_YEAR);
    assertThat(Times.parseRfc3339("--expires-at", "2030-01-01T02:00:00+02:00")).isEqualTo(NEW_YEAR);
    assertThat(Times.parseRfc3339("--expires-at", "2030-01-01T02:00:00+0200")).isEqualTo(NEW_YEAR);
    assertThat(Times.parseRfc3339("--expires-at", "2029-12-31T19:00:00-0500")).isEqualTo(NEW_YEAR);
    assertThat(Times.parseRfc3339("--expires-at", "2030-01-01t00:00:00.5z"))
        .isEqualTo(NEW_YEAR.plusMillis(500));
  }

  @Test
  void rfc3339_withoutOffsetOrGarbage_isRefusedNamingFlagAndValue() {
    assertThatThrownBy(() -> Times.parseRfc3339("--expires-at", "2030-01-01T00:00:00"))
        .hasMessageStartingWith("--expires-at \"2030-01-01T00:00:00\" is not an RFC 3339 time");
    assertThatThrownBy(() -> Times.parseRfc3339("--expires-at", "2030-01-01"))
        .isInstanceOf(CliException.class);
  }

  @Test
  void instant_format_isSecondPrecisionUtc() {
    assertThat(Times.format(NEW_YEAR.plusNanos(999_999_999))).isEqualTo("2030-01-01T00:00:00Z");
  }

  @Test
  void goDurations_format_asInfluxctlPrintsThem() {
    assertThat(Times.format(Duration.ofMinutes(1))).isEqualTo("1m0s");
    assertThat(Times.format(Duration.ofSeconds(3725))).isEqualTo("1h2m5s");
  }

  @Test
  void timeOrAgo_readsBothForms() {
    Instant now = Instant.parse("2026-11-30T10:00:00Z");
    assertThat(Times.parseTimeOrAgo("--since", "24h", now)).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
    assertThat(Times.parseTimeOrAgo("--since", "7d", now)).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(Times.parseTimeOrAgo("--since", "2026-01-01T00:00:00Z", now))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }
}
