package dev.tollgate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.inmemory.SequentialIdGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private final TokenString secret = TokenFormat.MANAGEMENT.generate(new DeterministicRandomSource(7));
  private final TokenId id = new SequentialIdGenerator().newId();

  private Token issue(Optional<Instant> expiresAt) {
    return Token.issue(id, secret, new Description("CI"), Set.of(), expiresAt, "user:alice", NOW);
  }

  @Test
  void newToken_issue_keepsPrefixAndHashButNotTheSecret() {
    Token token = issue(Optional.empty());

    assertThat(token.tokenPrefix()).isEqualTo(secret.displayPrefix());
    assertThat(token.hash()).isEqualTo(secret.hash());
    assertThat(token.toString().contains(secret.value())).as("holds no token string").isFalse();
    assertThat(token.createdBy()).isEqualTo("user:alice");
    assertThat(token.statusAt(NOW)).isEqualTo(TokenStatus.ACTIVE);
  }

  @Test
  void expiryInThePast_issue_isRefusedNamingTheTime() {
    Instant past = Instant.parse("2020-01-01T00:00:00Z");

    assertThatThrownBy(() -> issue(Optional.of(past)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("expires_at");
          assertThat(e.reason()).startsWith("2020-01-01T00:00:00Z is in the past");
        });
  }

  @Test
  void expiryExactlyNow_issue_isRefused() {
    assertThatThrownBy(() -> issue(Optional.of(NOW))).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void tokenWithExpiry_statusAt_isExpiredFromExactlyExpiresAt() {
    Instant expiresAt = NOW.plus(Duration.ofHours(1));
    Token token = issue(Optional.of(expiresAt));

    assertThat(token.statusAt(expiresAt.minusNanos(1000))).isEqualTo(TokenStatus.ACTIVE);
    assertThat(token.statusAt(expiresAt)).isEqualTo(TokenStatus.EXPIRED);
    assertThat(token.statusAt(expiresAt.plusSeconds(1))).isEqualTo(TokenStatus.EXPIRED);
  }

  @Test
  void tokenWithoutExpiry_statusAtFarFuture_isActive() {
    assertThat(issue(Optional.empty()).statusAt(Instant.parse("2999-01-01T00:00:00Z")))
        .isEqualTo(TokenStatus.ACTIVE);
  }

  @Test
  void activeToken_revoke_recordsWhoAndWhen() {
    Token revoked = issue(Optional.empty()).revoke("bootstrap-admin", NOW.plusSeconds(5));

    assertThat(revoked.revokedAt()).contains(NOW.plusSeconds(5));
    assertThat(revoked.revokedBy()).contains("bootstrap-admin");
    assertThat(revoked.statusAt(NOW.plusSeconds(5))).isEqualTo(TokenStatus.REVOKED);
  }

  @Test
  void revokedToken_revokeAgain_keepsTheFirstRevocation() {
    Token revoked = issue(Optional.empty()).revoke("user:alice", NOW.plusSeconds(5));

    Token again = revoked.revoke("user:bob", NOW.plusSeconds(60));

    assertThat(again).isSameAs(revoked);
    assertThat(again.revokedBy()).contains("user:alice");
  }

  @Test
  void expiredThenRevoked_statusAt_isRevoked() {
    Token token = issue(Optional.of(NOW.plusSeconds(10))).revoke("user:alice", NOW.plusSeconds(20));

    assertThat(token.statusAt(NOW.plusSeconds(30))).isEqualTo(TokenStatus.REVOKED);
  }

  @Test
  void revokedToken_update_isAConflict() {
    Token revoked = issue(Optional.empty()).revoke("user:alice", NOW);

    assertThatThrownBy(() -> revoked.update(Description.NONE, Set.of(), NOW))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("revoked token cannot be updated");
  }

  @Test
  void managementToken_withPermissions_isAProgrammingError() {
    assertThatThrownBy(() -> Token.issue(id, secret, Description.NONE,
        Set.of(Permission.read("db1")), Optional.empty(), "user:alice", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nanosecondInstants_issue_areKeptToTheMicrosecond() {
    Token token = Token.issue(id, secret, Description.NONE, Set.of(),
        Optional.of(NOW.plusSeconds(60).plusNanos(123_456_789)), "user:alice", NOW.plusNanos(999));

    assertThat(token.createdAt()).isEqualTo(NOW);
    assertThat(token.expiresAt()).contains(NOW.plusSeconds(60).plusNanos(123_456_000));
  }
}
