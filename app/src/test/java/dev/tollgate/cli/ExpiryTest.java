package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.model.TokenStatus;
import dev.tollgate.proto.management.v1.DatabaseToken;
import dev.tollgate.proto.management.v1.ManagementToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpiryTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  private static TokenTimes expiring(Instant at) {
    return new TokenTimes(Optional.empty(), Optional.of(at), Optional.empty());
  }

  @Test
  void status_saysWhenAWeekOrLessIsLeft() {
    assertThat(Expiry.status(new TokenTimes(Optional.of(NOW), Optional.of(NOW.plusSeconds(60)),
        Optional.empty()), NOW)).isEqualTo("revoked");
    assertThat(Expiry.status(expiring(NOW), NOW)).isEqualTo("expired");
    assertThat(Expiry.status(expiring(NOW.plus(Duration.ofHours(72))), NOW))
        .isEqualTo("expires in 3d");
    assertThat(Expiry.status(expiring(NOW.plus(Duration.ofMinutes(300))), NOW))
        .isEqualTo("expires in 5h");
    assertThat(Expiry.status(expiring(NOW.plusSeconds(20)), NOW)).isEqualTo("expires in 1m");
    assertThat(Expiry.status(expiring(NOW.plus(Duration.ofDays(8))), NOW)).isEqualTo("active");
    assertThat(Expiry.status(TokenTimes.NEVER_EXPIRES, NOW)).isEqualTo("active");
  }

  @Test
  void status_isTheDomainsRule_revokedWinsAndExpiredFromExpiresAtOn() {
    for (Optional<Instant> revokedAt : java.util.List.of(Optional.<Instant>empty(),
        Optional.of(NOW.minusSeconds(5)))) {
      for (Optional<Instant> expiresAt : java.util.List.of(Optional.<Instant>empty(),
          Optional.of(NOW.minusNanos(1000)), Optional.of(NOW), Optional.of(NOW.plusNanos(1000)))) {
        String shown = Expiry.status(new TokenTimes(revokedAt, expiresAt, Optional.empty()), NOW);
        TokenStatus rule = TokenStatus.at(NOW, revokedAt.orElse(null), expiresAt.orElse(null));

        assertThat(shown).as("revoked %s, expires %s", revokedAt, expiresAt)
            .startsWith(rule == TokenStatus.ACTIVE ? (expiresAt.isPresent() ? "expires in" : "active")
                : rule.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
  }

  @Test
  void managementAndDatabaseTokensWithTheSameTimes_status_isTheSame() {
    com.google.protobuf.Timestamp inTwoDays = Protos.timestamp(NOW.plus(Duration.ofDays(2)));
    com.google.protobuf.Timestamp inAnHour = Protos.timestamp(NOW.plus(Duration.ofHours(1)));
    ManagementToken management = ManagementToken.newBuilder().setExpiresAt(inTwoDays)
        .setPreviousValidUntil(inAnHour).build();
    DatabaseToken database = DatabaseToken.newBuilder().setExpiresAt(inTwoDays)
        .setPreviousValidUntil(inAnHour).build();

    assertThat(Expiry.status(TokenTimes.of(management), NOW))
        .isEqualTo(Expiry.status(TokenTimes.of(database), NOW))
        .isEqualTo("expires in 2d, previous string until 2026-11-30T11:00:00Z");
  }

  @Test
  void expiredTokenWhosePreviousStringWouldStillWork_status_isExpiredAlone() {
    TokenTimes expiredInOverlap = new TokenTimes(Optional.empty(), Optional.of(NOW),
        Optional.of(NOW.plus(Duration.ofDays(1))));

    assertThat(Expiry.status(expiredInOverlap, NOW)).isEqualTo("expired");
  }

  @Test
  void previousStringBeyondTheTokensExpiry_status_saysItEndsWithTheToken() {
    TokenTimes overlapPastExpiry = new TokenTimes(Optional.empty(),
        Optional.of(NOW.plus(Duration.ofHours(1))), Optional.of(NOW.plus(Duration.ofDays(1))));

    assertThat(Expiry.status(overlapPastExpiry, NOW))
        .isEqualTo("expires in 1h, previous string until 2026-11-30T11:00:00Z");
  }

  @Test
  void expiringWithin_isTokensInUseThatStopWithinTheWindow() {
    Duration week = Duration.ofDays(7);
    assertThat(Expiry.expiringWithin(expiring(NOW.plus(week)), NOW, week)).isTrue();
    assertThat(Expiry.expiringWithin(expiring(NOW.plus(week).plusSeconds(1)), NOW, week))
        .isFalse();
    assertThat(Expiry.expiringWithin(expiring(NOW), NOW, week)).isFalse();
    assertThat(Expiry.expiringWithin(new TokenTimes(Optional.of(NOW),
        Optional.of(NOW.plusSeconds(1)), Optional.empty()), NOW, week)).isFalse();
    assertThat(Expiry.expiringWithin(TokenTimes.NEVER_EXPIRES, NOW, week)).isFalse();
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
