package dev.tollgate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.InMemoryTollgate;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.ConflictException;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.NotAllowedException;
import dev.tollgate.domain.model.NotFoundException;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.Revocation;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.UserGroup;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.GetDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.ListDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.RevokeDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.UpdateDatabaseTokenUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DatabaseTokenServicesTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Caller MEMBER = new Caller.User("bob", Set.of(UserGroup.MEMBER));
  private static final Caller AUDITOR = new Caller.User("carol", Set.of(UserGroup.AUDITOR));

  private final InMemoryTollgate tollgate = InMemoryTollgate.startingAt(NOW);

  private IssuedToken create(Caller caller, Set<Permission> permissions) {
    return tollgate.createDatabaseToken().create(new CreateDatabaseTokenUseCase.Command(caller,
        new Description("Read/write for db1"), permissions, Optional.empty()));
  }

  private Token update(Caller caller, TokenId id, Optional<Description> description,
      Optional<Set<Permission>> permissions) {
    return tollgate.updateDatabaseToken().update(
        new UpdateDatabaseTokenUseCase.Command(caller, id, description, permissions));
  }

  private List<Revocation> revoke(Caller caller, TokenId... ids) {
    return tollgate.revokeDatabaseTokens().revoke(
        new RevokeDatabaseTokensUseCase.Command(caller, List.of(ids)));
  }

  private Token get(TokenId id, boolean includeRevoked) {
    return tollgate.getDatabaseToken().get(
        new GetDatabaseTokenUseCase.Query(AUDITOR, id, includeRevoked));
  }

  @Test
  void memberAndManagementToken_create_storeAnApiv1TokenWithItsPermissions() {
    IssuedToken byMember = create(MEMBER, Set.of(Permission.read("db1"), Permission.write("db1")));
    Caller holder = new Caller.ManagementTokenHolder(new TokenId(UUID.randomUUID()));
    IssuedToken byToken = create(holder, Set.of());

    assertThat(byMember.secret().value()).startsWith("apiv1_").hasSize(92);
    assertThat(byMember.token().permissions())
        .containsExactly(Permission.read("db1"), Permission.write("db1"));
    assertThat(byToken.token().permissions()).isEmpty();
    assertThat(byToken.token().createdBy()).isEqualTo(holder.subject());
  }

  @Test
  void auditorAndDatabaseToken_create_areNotAllowed() {
    Caller databaseToken = new Caller.DatabaseTokenHolder(new TokenId(UUID.randomUUID()));
    for (Caller caller : List.of(AUDITOR, databaseToken)) {
      assertThatThrownBy(() -> create(caller, Set.of())).isInstanceOf(NotAllowedException.class);
    }
    assertThat(tollgate.repository().after(0, 10)).isEmpty();
  }

  @Test
  void blankDescription_create_isRefused() {
    assertThatThrownBy(() -> tollgate.createDatabaseToken().create(new CreateDatabaseTokenUseCase
        .Command(MEMBER, Description.NONE, Set.of(), Optional.empty())))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo("description"));
  }

  @Test
  void revokedToken_listAndGet_showItOnlyWhenAskedFor() {
    IssuedToken kept = create(MEMBER, Set.of());
    IssuedToken revoked = create(MEMBER, Set.of());
    revoke(MEMBER, revoked.token().id());

    assertThat(tollgate.listDatabaseTokens().list(new ListDatabaseTokensUseCase.Query(AUDITOR, false)).tokens())
        .extracting(Token::id).containsExactly(kept.token().id());
    assertThat(tollgate.listDatabaseTokens().list(new ListDatabaseTokensUseCase.Query(AUDITOR, true)).tokens())
        .hasSize(2);
    assertThatThrownBy(() -> get(revoked.token().id(), false)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("it was revoked");
    assertThat(get(revoked.token().id(), true).isRevoked()).isTrue();
  }

  @Test
  void managementTokenId_getOrUpdate_isNotFoundAsADatabaseToken() {
    TokenId managementId = tollgate.createManagementToken().create(
        new CreateManagementTokenUseCase.Command(Caller.bootstrapAdmin(), Description.NONE,
            Optional.empty())).token().id();

    assertThatThrownBy(() -> get(managementId, true)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> update(MEMBER, managementId, Optional.of(new Description("x")),
        Optional.empty())).isInstanceOf(NotFoundException.class);
    assertThat(revoke(MEMBER, managementId).get(0).outcome()).isEqualTo(Revocation.Outcome.OTHER_KIND);
  }

  @Test
  void descriptionOnly_update_keepsThePermissionsAndRecordsTheEvent() {
    IssuedToken issued = create(MEMBER, Set.of(Permission.read("db1")));
    tollgate.clock().advance(Duration.ofMinutes(1));

    Token updated = update(MEMBER, issued.token().id(), Optional.of(new Description("renamed")),
        Optional.empty());

    assertThat(updated.description().value()).isEqualTo("renamed");
    assertThat(updated.permissions()).containsExactly(Permission.read("db1"));
    assertThat(updated.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    assertThat(tollgate.repository().after(1, 10)).singleElement().satisfies(e -> {
      assertThat(e.event().type()).isEqualTo(TokenEvent.Type.UPDATED);
      assertThat(e.event().detail()).isEqualTo("description");
      assertThat(e.event().actor()).isEqualTo("user:bob");
    });
  }

  @Test
  void newPermissions_update_replaceTheWholeSetEvenWithNone() {
    IssuedToken issued = create(MEMBER, Set.of(Permission.read("db1"), Permission.write("db1")));

    Token replaced = update(MEMBER, issued.token().id(), Optional.empty(),
        Optional.of(Set.of(Permission.read("db2"))));
    Token emptied = update(MEMBER, issued.token().id(), Optional.empty(), Optional.of(Set.of()));

    assertThat(replaced.permissions()).containsExactly(Permission.read("db2"));
    assertThat(replaced.description().value()).isEqualTo("Read/write for db1");
    assertThat(emptied.permissions()).isEmpty();
  }

  @Test
  void revokedToken_update_isAConflictAndWritesNothing() {
    IssuedToken issued = create(MEMBER, Set.of());
    revoke(MEMBER, issued.token().id());
    int events = tollgate.repository().after(0, 100).size();

    assertThatThrownBy(() -> update(MEMBER, issued.token().id(), Optional.of(new Description("x")),
        Optional.empty())).isInstanceOf(ConflictException.class);
    assertThat(tollgate.repository().after(0, 100)).hasSize(events);
  }

  @Test
  void blankDescription_update_isRefusedAsOnCreate() {
    IssuedToken issued = create(MEMBER, Set.of());

    assertThatThrownBy(() -> update(MEMBER, issued.token().id(), Optional.of(Description.NONE),
        Optional.empty())).isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo("description"));
  }

  @Test
  void nothingToChange_update_isAnInvalidRequest() {
    assertThatThrownBy(() -> new UpdateDatabaseTokenUseCase.Command(MEMBER,
        new TokenId(UUID.randomUUID()), Optional.empty(), Optional.empty()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nothing to update");
  }

  @Test
  void auditor_updateOrRevoke_isNotAllowed() {
    IssuedToken issued = create(MEMBER, Set.of());

    assertThatThrownBy(() -> update(AUDITOR, issued.token().id(), Optional.of(new Description("x")),
        Optional.empty())).isInstanceOf(NotAllowedException.class);
    assertThatThrownBy(() -> revoke(AUDITOR, issued.token().id()))
        .isInstanceOf(NotAllowedException.class);
  }
}
