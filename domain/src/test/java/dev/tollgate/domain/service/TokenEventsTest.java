package dev.tollgate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.InMemoryTollgate;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.EventPage;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.NotAllowedException;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.UserGroup;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.ListTokenEventsUseCase;
import dev.tollgate.domain.port.in.RevokeDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.UpdateDatabaseTokenUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audit trail: who did what to which token and when, what an update changed, paged. */
class TokenEventsTest {

  private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");
  private static final Caller ADA = new Caller.User("ada", Set.of(UserGroup.ADMIN));

  private final InMemoryTollgate tollgate = InMemoryTollgate.startingAt(START);

  private IssuedToken create(String description) {
    return tollgate.createDatabaseToken().create(new CreateDatabaseTokenUseCase.Command(ADA,
        new Description(description), Set.of(Permission.read("db1")), Optional.empty()));
  }

  private EventPage list(Caller caller, Optional<TokenId> token, Optional<Instant> since,
      Optional<Instant> until, Optional<Long> after, int pageSize) {
    return tollgate.tokenEvents().list(new ListTokenEventsUseCase.Query(caller, token, since,
        until, after, pageSize));
  }

  @Test
  void createUpdateRevoke_events_sayWhoWhatAndTheChangesBeforeAndAfter() {
    IssuedToken token = create("reader");
    tollgate.clock().advance(Duration.ofMinutes(1));
    tollgate.updateDatabaseToken().update(new UpdateDatabaseTokenUseCase.Command(ADA,
        token.token().id(), Optional.of(new Description("reader of db2")),
        Optional.of(Set.of(Permission.read("db2"), Permission.write("db2")))));
    tollgate.clock().advance(Duration.ofMinutes(1));
    tollgate.revokeDatabaseTokens().revoke(new RevokeDatabaseTokensUseCase.Command(
        Caller.bootstrapAdmin(), List.of(token.token().id())));

    List<TokenEvent> events = list(Caller.bootstrapAdmin(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), 0).events().stream().map(RecordedTokenEvent::event)
        .toList();

    assertThat(events).extracting(TokenEvent::type).containsExactly(TokenEvent.Type.CREATED,
        TokenEvent.Type.UPDATED, TokenEvent.Type.REVOKED);
    assertThat(events).extracting(TokenEvent::actor)
        .containsExactly("user:ada", "user:ada", "bootstrap-admin");
    assertThat(events.get(1).changes()).containsExactly(
        new TokenEvent.Change("description", "reader", "reader of db2"),
        new TokenEvent.Change("permissions", "read:db1", "read:db2, write:db2"));
    assertThat(events.get(1).at()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    assertThat(events.toString().contains(token.secret().value()))
        .as("holds no token string").isFalse();
  }

  @Test
  void filtersAndPages_list_returnWhatWasAskedForInOrder() {
    IssuedToken first = create("a");
    tollgate.clock().advance(Duration.ofHours(1));
    create("b");
    tollgate.clock().advance(Duration.ofHours(1));
    create("c");

    assertThat(list(ADA, Optional.of(first.token().id()), Optional.empty(), Optional.empty(),
        Optional.empty(), 0).events()).singleElement()
        .satisfies(e -> assertThat(e.event().tokenId()).isEqualTo(first.token().id()));
    assertThat(list(ADA, Optional.empty(), Optional.of(START.plus(Duration.ofMinutes(30))),
        Optional.of(START.plus(Duration.ofMinutes(90))), Optional.empty(), 0).events())
        .hasSize(1);
    EventPage page = list(ADA, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), 2);
    assertThat(page.events()).hasSize(2);
    EventPage last = list(ADA, Optional.empty(), Optional.empty(), Optional.empty(), page.next(),
        2);
    assertThat(last.events()).hasSize(1);
    assertThat(last.next()).isEmpty();
  }

  @Test
  void memberOrBadRange_list_isRefused() {
    Caller member = new Caller.User("mel", Set.of(UserGroup.MEMBER));
    assertThatThrownBy(() -> list(member, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), 0)).isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("may not read the audit trail of token events");
    assertThatThrownBy(() -> list(ADA, Optional.empty(), Optional.of(START), Optional.of(START),
        Optional.empty(), 0)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("until: " + START + " is not after since");
  }
}
