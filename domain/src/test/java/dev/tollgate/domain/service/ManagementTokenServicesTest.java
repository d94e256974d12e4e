package dev.tollgate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.InMemoryTollgate;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.NotAllowedException;
import dev.tollgate.domain.model.Revocation;
import dev.tollgate.domain.model.Revocation.Outcome;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.UserGroup;
import dev.tollgate.domain.model.NotFoundException;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.GetManagementTokenUseCase;
import dev.tollgate.domain.port.in.ListManagementTokensUseCase;
import dev.tollgate.domain.port.in.RevokeManagementTokensUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManagementTokenServicesTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Caller ADMIN = new Caller.User("alice", Set.of(UserGroup.ADMIN));
  private static final Caller AUDITOR = new Caller.User("carol", Set.of(UserGroup.AUDITOR));
  private static final Caller MEMBER = new Caller.User("bob", Set.of(UserGroup.MEMBER));

  private final InMemoryTollgate tollgate = InMemoryTollgate.startingAt(NOW);

  private IssuedToken create(Caller caller, Optional<Instant> expiresAt) {
    return tollgate.createManagementToken().create(
        new CreateManagementTokenUseCase.Command(caller, new Description("CI pipeline"), expiresAt));
  }

  private List<Revocation> revoke(Caller caller, TokenId... ids) {
    return tollgate.revokeManagementTokens().revoke(
        new RevokeManagementTokensUseCase.Command(caller, List.of(ids)));
  }

  @Test
  void adminUser_create_storesTheTokenAndItsEvent() {
    IssuedToken issued = create(ADMIN, Optional.of(NOW.plus(Duration.ofDays(30))));

    assertThat(issued.token().kind()).isEqualTo(TokenKind.MANAGEMENT);
    assertThat(issued.token().createdBy()).isEqualTo("user:alice");
    assertThat(issued.secret().value()).startsWith(issued.token().tokenPrefix());
    assertThat(tollgate.repository().findById(issued.token().id()))
        .map(t -> t.hash()).contains(issued.secret().hash());
    assertThat(tollgate.repository().after(0, 10)).singleElement()
        .satisfies(e -> assertThat(e.event().type()).isEqualTo(TokenEvent.Type.CREATED));
    assertThat(issued.toString().contains(issued.secret().value()))
        .as("holds no token string").isFalse();
  }

  @Test
  void get_revokedToken_isShown_databaseTokenIdOrAMemberAreNot() {
    IssuedToken issued = create(ADMIN, Optional.empty());
    revoke(ADMIN, issued.token().id());
    TokenId databaseToken = tollgate.createDatabaseToken().create(
        new dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase.Command(ADMIN,
            new Description("db"), Set.of(), Optional.empty())).token().id();

    assertThat(tollgate.getManagementToken().get(
        new GetManagementTokenUseCase.Query(AUDITOR, issued.token().id())).revokedAt())
        .contains(NOW);
    assertThatThrownBy(() -> tollgate.getManagementToken().get(
        new GetManagementTokenUseCase.Query(ADMIN, databaseToken)))
        .isInstanceOf(NotFoundException.class).hasMessageContaining(databaseToken.toString());
    assertThatThrownBy(() -> tollgate.getManagementToken().get(
        new GetManagementTokenUseCase.Query(MEMBER, issued.token().id())))
        .isInstanceOf(NotAllowedException.class);
  }

  @Test
  void bootstrapAdmin_create_isAllowed() {
    assertThat(create(Caller.bootstrapAdmin(), Optional.empty()).token().createdBy())
        .isEqualTo("bootstrap-admin");
  }

  @Test
  void managementToken_create_isNotAllowedAndWritesNothing() {
    IssuedToken issued = create(ADMIN, Optional.empty());
    Caller holder = new Caller.ManagementTokenHolder(issued.token().id());

    assertThatThrownBy(() -> create(holder, Optional.empty())).isInstanceOf(NotAllowedException.class);
    assertThat(tollgate.repository().findByKind(TokenKind.MANAGEMENT, true,
        Optional.empty(), 10)).hasSize(1);
  }

  @Test
  void auditorMemberAndDatabaseToken_create_areNotAllowed() {
    Caller databaseToken = new Caller.DatabaseTokenHolder(new TokenId(UUID.randomUUID()));

    for (Caller caller : List.of(AUDITOR, MEMBER, databaseToken)) {
      assertThatThrownBy(() -> create(caller, Optional.empty()))
          .as(caller.describe()).isInstanceOf(NotAllowedException.class);
    }
    assertThat(tollgate.repository().after(0, 10)).isEmpty();
  }

  @Test
  void pastExpiry_create_isRefusedAndWritesNothing() {
    assertThatThrownBy(() -> create(ADMIN, Optional.of(NOW.minusSeconds(1))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("is in the past");
    assertThat(tollgate.repository().after(0, 10)).isEmpty();
  }

  @Test
  void auditorAndManagementToken_list_seeEveryManagementTokenRevokedIncluded() {
    IssuedToken first = create(ADMIN, Optional.empty());
    tollgate.clock().advance(Duration.ofSeconds(1));
    IssuedToken second = create(ADMIN, Optional.empty());
    revoke(ADMIN, first.token().id());

    for (Caller caller : List.of(AUDITOR, new Caller.ManagementTokenHolder(second.token().id()))) {
      assertThat(tollgate.listManagementTokens().list(new ListManagementTokensUseCase.Query(caller)).tokens())
          .extracting(t -> t.id()).containsExactly(first.token().id(), second.token().id());
    }
  }

  @Test
  void memberAndDatabaseToken_list_areNotAllowed() {
    Caller databaseToken = new Caller.DatabaseTokenHolder(new TokenId(UUID.randomUUID()));
    for (Caller caller : List.of(MEMBER, databaseToken)) {
      assertThatThrownBy(() -> tollgate.listManagementTokens()
          .list(new ListManagementTokensUseCase.Query(caller)))
          .isInstanceOf(NotAllowedException.class);
    }
  }

  @Test
  void severalIdsWithAnUnknownOne_revoke_goesOnAndReportsEachOutcome() {
    IssuedToken a = create(ADMIN, Optional.empty());
    IssuedToken b = create(ADMIN, Optional.empty());
    TokenId unknown = new TokenId(UUID.randomUUID());
    Caller holder = new Caller.ManagementTokenHolder(b.token().id());
    tollgate.clock().advance(Duration.ofMinutes(5));

    List<Revocation> outcomes = revoke(holder, a.token().id(), unknown, b.token().id());

    assertThat(outcomes).extracting(Revocation::outcome)
        .containsExactly(Outcome.REVOKED, Outcome.NOT_FOUND, Outcome.REVOKED);
    assertThat(outcomes.get(0).token().orElseThrow().revokedBy())
        .contains("management-token:" + b.token().id());
    assertThat(outcomes.get(0).token().orElseThrow().revokedAt()).contains(NOW.plusSeconds(300));
  }

  @Test
  void revokedToken_revokeAgain_succeedsAndKeepsTheFirstRevocation() {
    IssuedToken a = create(ADMIN, Optional.empty());
    revoke(ADMIN, a.token().id());
    tollgate.clock().advance(Duration.ofHours(1));

    Revocation again = revoke(Caller.bootstrapAdmin(), a.token().id()).get(0);

    assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_REVOKED);
    assertThat(again.token().orElseThrow().revokedAt()).contains(NOW);
    assertThat(again.token().orElseThrow().revokedBy()).contains("user:alice");
    assertThat(tollgate.repository().after(0, 10)).hasSize(2);
  }

  @Test
  void auditor_revoke_isNotAllowedAndRevokesNothing() {
    IssuedToken a = create(ADMIN, Optional.empty());

    assertThatThrownBy(() -> revoke(AUDITOR, a.token().id())).isInstanceOf(NotAllowedException.class);
    assertThat(tollgate.repository().findById(a.token().id()).orElseThrow().isRevoked()).isFalse();
  }

  @Test
  void noIds_revoke_isAnInvalidRequest() {
    assertThatThrownBy(() -> revoke(ADMIN)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("no token id given");
  }
}
