package dev.tollgate.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.EventQuery;
import dev.tollgate.domain.model.PageCursor;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.TokenString;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promises every {@link TokenRepository} and {@link TokenEvents} keeps; each store's test
 * extends this class and hands over a fresh, empty store.
 */
public abstract class AbstractTokenRepositoryTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

  private final DeterministicRandomSource random = new DeterministicRandomSource(11);
  private TokenRepository repository;
  private TokenEvents events;

  /** A fresh, empty store; the same object must serve both interfaces. */
  protected abstract TokenRepository newEmptyRepository();

  @BeforeEach
  void setUp() {
    repository = newEmptyRepository();
    events = (TokenEvents) repository;
  }

  private Token newToken(TokenFormat format, Instant createdAt, Set<Permission> permissions,
      Optional<Instant> expiresAt) {
    TokenString secret = format.generate(random);
    return Token.issue(new TokenId(UUID.randomUUID()), secret, new Description("for tests ✓"),
        permissions, expiresAt, "user:alice", createdAt);
  }

  private Token addManagementToken(Instant createdAt) {
    Token token = newToken(TokenFormat.MANAGEMENT, createdAt, Set.of(), Optional.empty());
    repository.add(token, TokenEvent.created(token));
    return token;
  }

  @Test
  void addedToken_findById_returnsEveryFieldAtVersionOne() {
    Token token = newToken(TokenFormat.DATABASE, T0,
        Set.of(Permission.read("db1"), Permission.write("db1"), Permission.read("*")),
        Optional.of(T0.plusSeconds(3600)));

    repository.add(token, TokenEvent.created(token));

    assertThat(repository.findById(token.id())).contains(token.atVersion(1));
  }

  @Test
  void unknownId_find_isEmpty() {
    addManagementToken(T0);

    assertThat(repository.findById(new TokenId(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void sameIdTwice_add_failsAndWritesNothing() {
    Token first = addManagementToken(T0);
    Token clash = new Token(first.id(), TokenKind.MANAGEMENT, Description.NONE, "M.V1.zzzz",
        TokenFormat.MANAGEMENT.generate(random).hash(), new java.util.TreeSet<>(), T0, "x", T0,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0);

    assertThatThrownBy(() -> repository.add(clash, TokenEvent.created(clash)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(events.after(0, 100)).hasSize(1);
    assertThat(allTokens()).extracting(Token.Access::hash).doesNotContain(clash.hash());
  }

  @Test
  void sameHashTwice_add_failsAndWritesNothing() {
    Token first = addManagementToken(T0);
    Token clash = new Token(new TokenId(UUID.randomUUID()), TokenKind.MANAGEMENT, Description.NONE,
        "M.V1.zzzz", first.hash(), new java.util.TreeSet<>(), T0, "x", T0, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), 0);

    assertThatThrownBy(() -> repository.add(clash, TokenEvent.created(clash)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(events.after(0, 100)).hasSize(1);
    assertThat(repository.findById(clash.id())).isEmpty();
  }

  @Test
  void currentVersion_update_storesTheChangeAndItsEvent() {
    Token token = addManagementToken(T0);
    Token revoked = repository.findById(token.id()).orElseThrow()
        .revoke("bootstrap-admin", T0.plusSeconds(60));

    Optional<Token> stored = repository.update(revoked, TokenEvent.revoked(revoked));

    assertThat(stored).contains(revoked.atVersion(2));
    assertThat(repository.findById(token.id())).contains(revoked.atVersion(2));
    assertThat(events.after(0, 100)).extracting(e -> e.event().type())
        .containsExactly(TokenEvent.Type.CREATED, TokenEvent.Type.REVOKED);
  }

  @Test
  void staleVersion_update_writesNothing() {
    Token token = addManagementToken(T0);
    Token current = repository.findById(token.id()).orElseThrow();
    Token first = current.revoke("user:alice", T0.plusSeconds(1));
    repository.update(first, TokenEvent.revoked(first));
    Token second = current.revoke("user:bob", T0.plusSeconds(2));

    Optional<Token> stored = repository.update(second, TokenEvent.revoked(second));

    assertThat(stored).isEmpty();
    assertThat(repository.findById(token.id()).orElseThrow().revokedBy()).contains("user:alice");
    assertThat(events.after(0, 100)).hasSize(2);
  }

  @Test
  void unknownToken_update_writesNothing() {
    Token never = newToken(TokenFormat.MANAGEMENT, T0, Set.of(), Optional.empty()).atVersion(1);
    Token revoked = never.revoke("user:alice", T0);

    assertThat(repository.update(revoked, TokenEvent.revoked(revoked))).isEmpty();
    assertThat(events.after(0, 100)).isEmpty();
  }

  @Test
  void permissionsReplaced_update_keepsExactlyTheNewSet() {
    Token token = newToken(TokenFormat.DATABASE, T0, Set.of(Permission.read("a"), Permission.write("b")),
        Optional.empty());
    repository.add(token, TokenEvent.created(token));
    Token changed = token.atVersion(1).update(new Description("renamed"),
        Set.of(Permission.write("c")), T0.plusSeconds(5));

    repository.update(changed, TokenEvent.updated(token, changed, "user:alice"));

    Token stored = repository.findById(token.id()).orElseThrow();
    assertThat(stored.permissions()).containsExactly(Permission.write("c"));
    assertThat(stored.description().value()).isEqualTo("renamed");
    assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void rotated_update_keepsTheNewHashAndThePreviousOneUntilItsEnd() {
    Token token = newToken(TokenFormat.DATABASE, T0, Set.of(Permission.read("a")),
        Optional.empty());
    repository.add(token, TokenEvent.created(token));
    Token rotated = token.atVersion(1).rotate(TokenFormat.DATABASE.generate(random),
        java.time.Duration.ofHours(1), T0.plusSeconds(5));

    repository.update(rotated, TokenEvent.rotated(rotated, "user:alice"));

    Token stored = repository.findById(token.id()).orElseThrow();
    assertThat(stored.hash()).isEqualTo(rotated.hash()).isNotEqualTo(token.hash());
    assertThat(stored.tokenPrefix()).isEqualTo(rotated.tokenPrefix());
    assertThat(stored.previous()).contains(new Token.PreviousSecret(token.hash(),
        T0.plusSeconds(5).plus(java.time.Duration.ofHours(1))));
    List<Token.Access> loaded = new java.util.ArrayList<>();
    repository.forEachAccess(loaded::add);
    assertThat(loaded).singleElement().satisfies(access -> {
      assertThat(access.hash()).isEqualTo(rotated.hash());
      assertThat(access.previous()).isEqualTo(stored.previous());
    });
    assertThat(events.changesAfter(0, List.of(), 10).tokens())
        .allSatisfy(access -> assertThat(access.previous()).isEqualTo(stored.previous()));
    assertThat(events.after(0, 10)).extracting(e -> e.event().type())
        .containsExactly(TokenEvent.Type.CREATED, TokenEvent.Type.ROTATED);
  }

  @Test
  void updateWithChanges_find_readsTheTrailBackFilteredAndInOrder() {
    Token token = newToken(TokenFormat.DATABASE, T0, Set.of(Permission.read("a")),
        Optional.empty());
    repository.add(token, TokenEvent.created(token));
    Token other = addManagementToken(T0.plusSeconds(1));
    Token changed = token.atVersion(1).update(new Description("renamed \u00e9 \"quoted\""),
        Set.of(Permission.read("a"), Permission.write("b")), T0.plusSeconds(5));
    repository.update(changed, TokenEvent.updated(token, changed, "user:alice"));

    List<RecordedTokenEvent> trail = events.find(new EventQuery(Optional.of(token.id()),
        Optional.empty(), Optional.empty(), 0, 10));
    assertThat(trail).extracting(e -> e.event().type())
        .containsExactly(TokenEvent.Type.CREATED, TokenEvent.Type.UPDATED);
    assertThat(trail.get(1).event().changes()).containsExactly(
        new TokenEvent.Change("description", "for tests \u2713", "renamed \u00e9 \"quoted\""),
        new TokenEvent.Change("permissions", "read:a", "read:a, write:b"));
    assertThat(trail.get(1).event().detail()).isEqualTo("description, permissions");

    assertThat(events.find(new EventQuery(Optional.empty(), Optional.of(T0.plusSeconds(1)),
        Optional.of(T0.plusSeconds(5)), 0, 10))).extracting(e -> e.event().tokenId())
        .containsExactly(other.id());
    List<RecordedTokenEvent> all = events.find(new EventQuery(Optional.empty(), Optional.empty(),
        Optional.empty(), 0, 10));
    assertThat(all).hasSize(3);
    assertThat(events.find(new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(),
        all.get(0).seq(), 1))).containsExactly(all.get(1));
  }

  @Test
  void tokensOfBothKinds_findByKind_listsOneKindOldestFirstRevokedIncluded() {
    Token later = addManagementToken(T0.plusSeconds(20));
    Token earlier = addManagementToken(T0);
    Token database = newToken(TokenFormat.DATABASE, T0, Set.of(), Optional.empty());
    repository.add(database, TokenEvent.created(database));
    Token revoked = later.atVersion(1).revoke("user:alice", T0.plusSeconds(30));
    repository.update(revoked, TokenEvent.revoked(revoked));

    List<Token> management = repository.findByKind(TokenKind.MANAGEMENT, true, Optional.empty(),
        10);

    assertThat(management).extracting(Token::id).containsExactly(earlier.id(), later.id());
    assertThat(management.get(1).isRevoked()).isTrue();
    assertThat(repository.findByKind(TokenKind.MANAGEMENT, false, Optional.empty(), 10))
        .extracting(Token::id).containsExactly(earlier.id());
    assertThat(repository.findByKind(TokenKind.DATABASE, true, Optional.empty(), 10))
        .extracting(Token::id).containsExactly(database.id());
  }

  @Test
  void manyTokens_findByKindAPageAtATime_listsEachOnceInOrder_evenWithTokensAddedMeanwhile() {
    List<TokenId> created = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // two tokens share each creation time, so the id breaks the tie
      created.add(addManagementToken(T0.plusSeconds(i / 2)).id());
    }
    List<TokenId> listed = new java.util.ArrayList<>();
    Optional<PageCursor> after = Optional.empty();
    for (int page = 0; page < 10; page++) {
      List<Token> tokens = repository.findByKind(TokenKind.MANAGEMENT, true, after, 3);
      tokens.forEach(token -> listed.add(token.id()));
      if (page == 0) {
        // one created later sorts after every cursor; one back-dated sorts before this page's end
        created.add(addManagementToken(T0.plusSeconds(60)).id());
        addManagementToken(T0.minusSeconds(60));
      }
      if (tokens.size() < 3) {
        break;
      }
      after = Optional.of(PageCursor.after(tokens.get(tokens.size() - 1)));
    }

    List<TokenId> expected = repository.findByKind(TokenKind.MANAGEMENT, true, Optional.empty(),
        100).stream().map(Token::id).filter(created::contains).toList();
    assertThat(listed).containsExactlyElementsOf(expected).hasSize(8);
  }

  @Test
  void severalChanges_eventsAfter_readsTheLogInOrderFromAnyPoint() {
    Token a = addManagementToken(T0);
    Token b = addManagementToken(T0.plusSeconds(1));
    Token revoked = a.atVersion(1).revoke("user:bob", T0.plusSeconds(2));
    repository.update(revoked, TokenEvent.revoked(revoked));

    List<RecordedTokenEvent> all = events.after(0, 100);

    assertThat(all).extracting(e -> e.event().tokenId()).containsExactly(a.id(), b.id(), a.id());
    assertThat(all).extracting(RecordedTokenEvent::seq).isSorted().doesNotHaveDuplicates();
    assertThat(all.get(2).event()).isEqualTo(TokenEvent.revoked(revoked));
    assertThat(events.after(all.get(0).seq(), 1)).containsExactly(all.get(1));
    assertThat(events.after(all.get(2).seq(), 100)).isEmpty();
  }

  @Test
  void noBootstrapAdmin_register_registersOnceAndKeepsTheFirst_withAnEventTheFeedCarries() {
    TokenHash first = TokenFormat.MANAGEMENT.generate(random).hash();
    TokenHash second = TokenFormat.MANAGEMENT.generate(random).hash();
    assertThat(repository.bootstrapAdmin()).isEqualTo(BootstrapAdmin.NEVER_REGISTERED);

    assertThat(repository.registerBootstrapAdmin(first, "/data/a/admin-token.json on host a", T0))
        .isTrue();
    assertThat(repository.registerBootstrapAdmin(second, "/data/b/admin-token.json on host b", T0))
        .isFalse();

    BootstrapAdmin registered = repository.bootstrapAdmin();
    assertThat(registered).isEqualTo(BootstrapAdmin.registered(1, first,
        "/data/a/admin-token.json on host a", T0));
    assertThat(events.after(0, 10)).singleElement().satisfies(event -> {
      assertThat(event.event().type()).isEqualTo(TokenEvent.Type.BOOTSTRAP_ADMIN);
      assertThat(event.event().tokenId()).isEqualTo(TokenId.BOOTSTRAP_ADMIN);
    });
    TokenEvents.Changes changes = events.changesAfter(0, List.of(), 10);
    assertThat(changes.bootstrapAdmin()).contains(registered);
    assertThat(changes.tokens()).isEmpty();
    assertThat(changes.gone()).isEmpty();
  }

  @Test
  void tokensOfBothKinds_forEachAccess_handsEveryTokenOnceWithItsPermissions() {
    Token management = addManagementToken(T0);
    Token database = newToken(TokenFormat.DATABASE, T0, Set.of(Permission.read("db1"),
        Permission.write("*")), Optional.of(T0.plusSeconds(60)));
    repository.add(database, TokenEvent.created(database));
    Token revoked = management.atVersion(1).revoke("user:bob", T0.plusSeconds(1));
    repository.update(revoked, TokenEvent.revoked(revoked));

    assertThat(allTokens()).containsExactlyInAnyOrder(revoked.atVersion(2).access(),
        database.atVersion(1).access());
  }

  @Test
  void manyTokensWithAndWithoutGrants_forEachAccess_pairsEveryTokenWithItsOwnGrants() {
    List<Token.Access> stored = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Set<Permission> grants = i % 3 == 0 ? Set.of()
          : Set.of(Permission.read("db" + i), Permission.write("db" + (i * 7 % 5)));
      Token token = newToken(TokenFormat.DATABASE, T0, grants, Optional.empty());
      repository.add(token, TokenEvent.created(token));
      stored.add(token.atVersion(1).access());
    }

    assertThat(allTokens()).containsExactlyInAnyOrderElementsOf(stored);
  }

  @Test
  void lastUsed_record_raisesButNeverLowersAndWritesNoEventOrVersion() {
    Token token = addManagementToken(T0);
    Instant used = T0.plusSeconds(300);

    repository.recordLastUsed(Map.of(token.id(), used, new TokenId(UUID.randomUUID()), used));
    repository.recordLastUsed(Map.of(token.id(), T0.plusSeconds(100)));

    Token stored = repository.findById(token.id()).orElseThrow();
    assertThat(stored.lastUsedAt()).contains(used);
    assertThat(stored.version()).isEqualTo(1);
    assertThat(events.after(0, 100)).hasSize(1);
  }

  @Test
  void lastUsedRecorded_laterChange_keepsTheLastUsedTime() {
    Token token = addManagementToken(T0);
    Token read = repository.findById(token.id()).orElseThrow();
    repository.recordLastUsed(Map.of(token.id(), T0.plusSeconds(300)));
    Token revoked = read.revoke("user:bob", T0.plusSeconds(400));

    repository.update(revoked, TokenEvent.revoked(revoked));

    assertThat(repository.findById(token.id()).orElseThrow().lastUsedAt())
        .contains(T0.plusSeconds(300));
  }

  @Test
  void emptyLog_latestSeq_isZeroThenTheNewestNumber() {
    assertThat(events.latestSeq()).isZero();
    addManagementToken(T0);
    addManagementToken(T0);

    assertThat(events.latestSeq()).isEqualTo(events.after(0, 100).get(1).seq());
  }

  @Test
  void severalChanges_changesAfter_readsNumbersAboveAndMissingOnesWithCurrentTokens() {
    Token a = addManagementToken(T0);
    Token b = addManagementToken(T0.plusSeconds(1));
    Token c = addManagementToken(T0.plusSeconds(2));
    Token revoked = a.atVersion(1).revoke("user:bob", T0.plusSeconds(3));
    repository.update(revoked, TokenEvent.revoked(revoked));
    List<Long> seqs = events.after(0, 100).stream().map(RecordedTokenEvent::seq).toList();

    TokenEvents.Changes above = events.changesAfter(seqs.get(1), List.of(), 1);
    TokenEvents.Changes withMissing = events.changesAfter(seqs.get(2), List.of(seqs.get(0),
        seqs.get(2) + 1000), 100);

    assertThat(above.seqs()).containsExactly(seqs.get(2));
    assertThat(above.tokens()).containsExactly(c.atVersion(1).access());
    assertThat(withMissing.seqs()).containsExactly(seqs.get(0), seqs.get(3));
    assertThat(withMissing.tokens()).containsExactly(revoked.atVersion(2).access());
    assertThat(events.changesAfter(seqs.get(3), List.of(), 100).seqs()).isEmpty();
    assertThat(b).isNotNull();
  }

  private List<Token.Access> allTokens() {
    List<Token.Access> all = new java.util.ArrayList<>();
    repository.forEachAccess(all::add);
    return all;
  }

  @Test
  void registeredBootstrapAdmin_replace_rotatesThenDisables_andNeitherComesBack() {
    TokenHash first = TokenFormat.MANAGEMENT.generate(new DeterministicRandomSource(1)).hash();
    TokenHash second = TokenFormat.MANAGEMENT.generate(new DeterministicRandomSource(2)).hash();
    TokenHash third = TokenFormat.MANAGEMENT.generate(new DeterministicRandomSource(3)).hash();
    repository.registerBootstrapAdmin(first, "a", T0);

    BootstrapAdmin rotated = repository.replaceBootstrapAdmin(Optional.of(second), "b",
        T0.plusSeconds(1));
    assertThat(rotated).isEqualTo(BootstrapAdmin.registered(2, second, "b", T0.plusSeconds(1)));
    assertThat(repository.bootstrapAdmin()).isEqualTo(rotated);
    assertThat(repository.bootstrapAdminRetiredAt(first)).contains(T0.plusSeconds(1));
    assertThat(repository.bootstrapAdminRetiredAt(second)).isEmpty();

    BootstrapAdmin disabled = repository.replaceBootstrapAdmin(Optional.empty(), "b",
        T0.plusSeconds(2));
    assertThat(disabled.generation()).isEqualTo(3);
    assertThat(disabled.isDisabled()).isTrue();
    assertThat(repository.bootstrapAdmin()).isEqualTo(disabled);
    assertThat(repository.bootstrapAdminRetiredAt(second)).contains(T0.plusSeconds(2));

    assertThat(repository.registerBootstrapAdmin(first, "a", T0.plusSeconds(3))).isFalse();
    assertThat(repository.registerBootstrapAdmin(third, "c", T0.plusSeconds(3))).isFalse();
    assertThat(repository.bootstrapAdmin()).isEqualTo(disabled);
    assertThat(events.changesAfter(0, List.of(), 10).bootstrapAdmin()).contains(disabled);
    assertThat(events.after(0, 10)).extracting(e -> e.event().detail()).containsExactly(
        "bootstrap admin registered; kept in a", "bootstrap admin rotated; kept in b",
        "bootstrap admin disabled");
  }

  @Test
  void longRevokedTokens_purgeRevoked_deletesThemKeepsTheirEvents_andTheFeedSaysTheyAreGone() {
    Token kept = addManagementToken(T0);
    Token revokedLongAgo = addManagementToken(T0);
    Token revokedLately = addManagementToken(T0);
    Token database = newToken(TokenFormat.DATABASE, T0, Set.of(Permission.read("db1")),
        Optional.empty());
    repository.add(database, TokenEvent.created(database));
    for (Token token : List.of(revokedLongAgo, database)) {
      Token revoked = token.atVersion(1).revoke("user:alice", T0.plusSeconds(10));
      repository.update(revoked, TokenEvent.revoked(revoked));
    }
    Token late = revokedLately.atVersion(1).revoke("user:alice", T0.plusSeconds(100));
    repository.update(late, TokenEvent.revoked(late));
    long before = events.latestSeq();

    List<TokenId> purged = repository.purgeRevoked(T0.plusSeconds(50), T0.plusSeconds(200), 10);

    assertThat(purged).containsExactlyInAnyOrder(revokedLongAgo.id(), database.id());
    assertThat(repository.findById(revokedLongAgo.id())).isEmpty();
    assertThat(repository.findById(database.id())).isEmpty();
    assertThat(repository.findById(kept.id())).isPresent();
    assertThat(repository.findById(revokedLately.id())).isPresent();
    List<RecordedTokenEvent> log = events.after(0, 100);
    assertThat(log).filteredOn(e -> e.event().tokenId().equals(database.id()))
        .extracting(e -> e.event().type()).containsExactly(TokenEvent.Type.CREATED,
            TokenEvent.Type.REVOKED, TokenEvent.Type.PURGED);
    assertThat(events.changesAfter(before, List.of(), 10).gone())
        .containsExactlyInAnyOrder(revokedLongAgo.id(), database.id());
    assertThat(repository.purgeRevoked(T0.plusSeconds(50), T0.plusSeconds(300), 10)).isEmpty();
  }
}
