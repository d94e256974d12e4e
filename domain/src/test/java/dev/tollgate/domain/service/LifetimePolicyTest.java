package dev.tollgate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.inmemory.InMemoryTokenRepository;
import dev.tollgate.domain.inmemory.SequentialIdGenerator;
import dev.tollgate.domain.live.FollowerSettings;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.out.IdentityProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The organisation's token lifetime policy holds for both kinds, whatever adapter calls it. */
class LifetimePolicyTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  private final InMemoryTokenRepository store = new InMemoryTokenRepository();
  private final UseCases tollgate = new UseCases(store, store, new ControllableClock(NOW),
      new DeterministicRandomSource(3), new SequentialIdGenerator(), IdentityProvider.NONE,
      FollowerSettings.immediate(), new Limits(10, 10, 10,
          Optional.of(Duration.ofDays(90)), Optional.of(Duration.ofDays(365))));

  private void management(Optional<Instant> expiresAt) {
    tollgate.createManagementToken().create(new CreateManagementTokenUseCase.Command(
        Caller.bootstrapAdmin(), new Description("ci"), expiresAt));
  }

  private void database(Optional<Instant> expiresAt) {
    tollgate.createDatabaseToken().create(new CreateDatabaseTokenUseCase.Command(
        Caller.bootstrapAdmin(), new Description("reader"), Set.of(Permission.read("db1")),
        expiresAt));
  }

  @Test
  void noExpiry_create_isRefusedWithThePolicyAndTheLatestTime() {
    assertThatThrownBy(() -> management(Optional.empty()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("expires_at");
          assertThat(e.reason()).isEqualTo("is required: management tokens live at most 90d on"
              + " this cluster; the latest expiry allowed now is 2027-02-28T10:00:00Z");
        });
    assertThat(store.findByKind(TokenKind.MANAGEMENT, true, Optional.empty(), 10)).isEmpty();
  }

  @Test
  void expiryPastTheLimit_create_isRefused_andOneWithinIsIssued() {
    assertThatThrownBy(() -> database(Optional.of(Instant.parse("2027-12-01T10:00:00Z"))))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason())
            .isEqualTo("2027-12-01T10:00:00Z is too late: database tokens live at most 365d on"
                + " this cluster; the latest expiry allowed now is 2027-11-30T10:00:00Z"));

    database(Optional.of(Instant.parse("2027-11-30T10:00:00Z")));
    management(Optional.of(NOW.plus(Duration.ofDays(90))));
    assertThat(store.findByKind(TokenKind.DATABASE, true, Optional.empty(), 10)).hasSize(1);
  }

  @Test
  void noPolicy_create_takesAnyExpiryOrNone() {
    UseCases free = new UseCases(store, store, new ControllableClock(NOW),
        new DeterministicRandomSource(3), new SequentialIdGenerator(), IdentityProvider.NONE,
        FollowerSettings.immediate(), Limits.defaults());

    free.createManagementToken().create(new CreateManagementTokenUseCase.Command(
        Caller.bootstrapAdmin(), new Description("forever"), Optional.empty()));
  }

  @Test
  void lifetimes_areAtLeastASecond() {
    assertThatThrownBy(() -> new Limits(1, 1, 1, Optional.of(Duration.ZERO), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("managementLifetime is PT0S; a lifetime must be at least a second");
  }
}
