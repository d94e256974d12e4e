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
    assertThat(Expiry.status(false, Optional.of(NOW.plus(Duration.ofHours(72))), NOW))
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

  @Test
  void timeLeft_inWords_isNeverRoundedToMisleadByAlmostAUnit() {
    assertThat(Expiry.inWords(Duration.ofDays(2).plusHours(23).plusMinutes(59)))
        .isEqualTo("2d 23h");
    assertThat(Expiry.inWords(Duration.ofHours(80))).isEqualTo("3d 8h");
    assertThat(Expiry.inWords(Duration.ofDays(3).plusMinutes(5))).isEqualTo("3d");
    assertThat(Expiry.inWords(Duration.ofMinutes(312))).isEqualTo("5h 12m");
    assertThat(Expiry.inWords(Duration.ofMinutes(12).plusSeconds(50))).isEqualTo("12m");
    assertThat(Expiry.inWords(Duration.ofSeconds(20))).isEqualTo("1m");
  }
}
