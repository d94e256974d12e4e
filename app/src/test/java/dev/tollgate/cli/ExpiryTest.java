package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpiryTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void status_saysWhenAWeekOrLessIsLeft() {
    assertThat(Expiry.status(true, Optional.of(NOW.plusSeconds(60)), NOW)).isEqualTo("revoked");
    assertThat(Expiry.status(false, Optional.of(NOW), NOW)).isEqualTo("expired");
    assertThat(Expiry.status(false, Optional.of(NOW.plus(Duration.ofHours(80))), NOW))
        .isEqualTo("expires in 3d");
    assertThat(Expiry.status(false, Optional.of(NOW.plus(Duration.ofMinutes(300))), NOW))
        .isEqualTo("expires in 5h");
    assertThat(Expiry.status(false, Optional.of(NOW.plusSeconds(20)), NOW))
        .isEqualTo("expires in 1m");
    assertThat(Expiry.status(false, Optional.of(NOW.plus(Duration.ofDays(8))), NOW))
        .isEqualTo("active");
    assertThat(Expiry.status(false, Optional.empty(), NOW)).isEqualTo("active");
  }

  @Test
  void expiringWithin_isTokensInUseThatStopWithinTheWindow() {
    Duration week = Duration.ofDays(7);
    assertThat(Expiry.expiringWithin(false, Optional.of(NOW.plus(week)), NOW, week)).isTrue();
    assertThat(Expiry.expiringWithin(false, Optional.of(NOW.plus(week).plusSeconds(1)), NOW, week))
        .isFalse();
    assertThat(Expiry.expiringWithin(false, Optional.of(NOW), NOW, week)).isFalse();
    assertThat(Expiry.expiringWithin(true, Optional.of(NOW.plusSeconds(1)), NOW, week)).isFalse();
    assertThat(Expiry.expiringWithin(false, Optional.empty(), NOW, week)).isFalse();
  }
}
