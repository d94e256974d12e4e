package dev.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;


import com.zaxxer.hikari.HikariDataSource;
import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.live.FollowerSettings;
import dev.tollgate.domain.model.AuthorizationDecision;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.RequestedPermission;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.domain.service.UseCases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A replica follows the real feed of H2 or PostgreSQL while transactions commit out of the order
 * of their sequence numbers, as concurrent writers make them do.
 */
abstract class AbstractFeedFollowingTest {

  private static final RequestedPermission READ_DB1 =
      RequestedPermission.onDatabaseNamed("db1", RequestedPermission.DataAction.READ);

  private final ControllableClock clock = new ControllableClock(Instant.parse("2026-11-29T12:00:00Z"));
  private HikariDataSource dataSource;
  private Jdbi jdbi;
  private UseCases writer;
  private UseCases follower;

  /** A fresh, empty database. */
  protected abstract DatabaseSettings newDatabase();

  @BeforeEach
  void open() {
    DatabaseSettings settings = newDatabase();
    dataSource = Databases.openAndMigrate(settings);
    jdbi = Databases.jdbi(dataSource);
    JdbiTokenRepository store = new JdbiTokenRepository(jdbi, settings);
    writer = replica(store, 1);
    follower = replica(store, 2);
    writer.follower().load();
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  private UseCases replica(JdbiTokenRepository store, long seed) {
    return new UseCases(store, store, clock, new DeterministicRandomSource(seed),
        () -> new TokenId(UUID.randomUUID()), IdentityProvider.NONE,
        FollowerSettings.defaults());
  }

  private IssuedToken create() {
    return writer.createDatabaseToken().create(new CreateDatabaseTokenUseCase.Command(
        Caller.bootstrapAdmin(), new Description("feed"), Set.of(Permission.read("db1")),
        Optional.empty()));
  }

  private AuthorizationDecision authorizeOnFollower(IssuedToken issued) {
    return follower.authorize().authorize(new AuthorizeUseCase.Request(
        issued.secret().value().getBytes(StandardCharsets.UTF_8), List.of(READ_DB1)));
  }

  private void poll() {
    clock.advance(Duration.ofMillis(200));
    follower.follower().tick();
  }

  @Test
  void revocationCommittingAfterAHigherNumber_isAppliedOnceItCommits() {
    IssuedToken slow = create();
    follower.follower().load();
    assertThat(authorizeOnFollower(slow).valid()).isTrue();

    try (Handle open = jdbi.open()) {
      open.begin();
      TokenDao dao = open.attach(TokenDao.class);
      Token revoked = writer.getDatabaseToken().get(new dev.tollgate.domain.port.in
          .GetDatabaseTokenUseCase.Query(Caller.bootstrapAdmin(), slow.token().id(), false))
          .revoke("user:slow", clock.now());
      assertThat(dao.updateToken(Rows.TokenRow.of(revoked))).isEqualTo(1);
      dao.insertEvent(Rows.EventRow.of(TokenEvent.revoked(revoked)));
      IssuedToken later = create();
      poll();
      assertThat(authorizeOnFollower(later).valid()).isTrue();
      assertThat(follower.follower().status().missingSeqs()).as("the open transaction's number")
          .isEqualTo(1);
      assertThat(authorizeOnFollower(slow).valid()).as("not committed yet").isTrue();

      open.commit();
    }
    poll();

    assertThat(authorizeOnFollower(slow).valid()).isFalse();
    assertThat(follower.follower().status().missingSeqs()).isZero();
  }

  @Test
  void tokenCreatedByAnotherWriter_authorize_isValidAtTheFirstTry() {
    follower.follower().load();

    IssuedToken issued = create();

    assertThat(authorizeOnFollower(issued).valid()).isTrue();
  }
}
