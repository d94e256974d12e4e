package dev.tollgate.domain.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.inmemory.InMemoryTokenRepository;
import dev.tollgate.domain.inmemory.SequentialIdGenerator;
import dev.tollgate.domain.live.FollowerSettings;
import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.PageCursor;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.UnavailableException;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.RevokeDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.RotateTokenUseCase;
import dev.tollgate.domain.port.in.UpdateDatabaseTokenUseCase;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.domain.port.out.TokenRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A token that another change always reaches first: the change is refused as retryable. */
class LostRacesTest {

  /** The in-memory store, except that every change of a stored token loses its race. */
  private static final class AlwaysChanged implements TokenRepository {
    private final InMemoryTokenRepository store = new InMemoryTokenRepository();

    @Override
    public Optional<Token> update(Token token, TokenEvent event) {
      return Optional.empty();
    }

    @Override
    public void add(Token token, TokenEvent event) {
      store.add(token, event);
    }

    @Override
    public Optional<Token> findById(TokenId id) {
      return store.findById(id);
    }

    @Override
    public List<Token> findByKind(TokenKind kind, boolean includeRevoked,
        Optional<PageCursor> after, int limit) {
      return store.findByKind(kind, includeRevoked, after, limit);
    }

    @Override
    public void forEachAccess(Consumer<Token.Access> action) {
      store.forEachAccess(action);
    }

    @Override
    public void recordLastUsed(Map<TokenId, Instant> lastUsed) {
      store.recordLastUsed(lastUsed);
    }

    @Override
    public List<TokenId> purgeRevoked(Instant revokedBefore, Instant at, int limit) {
      return store.purgeRevoked(revokedBefore, at, limit);
    }

    @Override
    public BootstrapAdmin bootstrapAdmin() {
      return store.bootstrapAdmin();
    }

    @Override
    public boolean registerBootstrapAdmin(TokenHash hash, String keptAt, Instant at) {
      return store.registerBootstrapAdmin(hash, keptAt, at);
    }

    @Override
    public BootstrapAdmin replaceBootstrapAdmin(Optional<TokenHash> hash, String keptAt,
        Instant at) {
      return store.replaceBootstrapAdmin(hash, keptAt, at);
    }

    @Override
    public Optional<Instant> bootstrapAdminRetiredAt(TokenHash hash) {
      return store.bootstrapAdminRetiredAt(hash);
    }
  }

  private final AlwaysChanged store = new AlwaysChanged();
  private final UseCases tollgate = new UseCases(store, store.store,
      new ControllableClock(Instant.parse("2030-01-01T00:00:00Z")),
      new DeterministicRandomSource(5), new SequentialIdGenerator(), IdentityProvider.NONE,
      FollowerSettings.immediate());
  private final TokenId id = tollgate.createDatabaseToken().create(
      new CreateDatabaseTokenUseCase.Command(Caller.bootstrapAdmin(), new Description("x"),
          Set.of(Permission.read("db1")), Optional.empty())).token().id();

  @Test
  void tokenAlwaysChangedFirst_updateRotateRevoke_areUnavailableNamingTheToken() {
    assertThatThrownBy(() -> tollgate.updateDatabaseToken().update(
        new UpdateDatabaseTokenUseCase.Command(Caller.bootstrapAdmin(), id, Optional.empty(),
            Optional.of(Set.of()))))
        .isInstanceOf(UnavailableException.class)
        .hasMessage("token " + id + " kept changing while being updated (16 other changes came"
            + " first); retry");
    assertThatThrownBy(() -> tollgate.rotateToken().rotate(new RotateTokenUseCase.Command(
        Caller.bootstrapAdmin(), TokenKind.DATABASE, id, Duration.ZERO)))
        .isInstanceOf(UnavailableException.class).hasMessageContaining("being rotated");
    assertThatThrownBy(() -> tollgate.revokeDatabaseTokens().revoke(
        new RevokeDatabaseTokensUseCase.Command(Caller.bootstrapAdmin(), List.of(id))))
        .isInstanceOf(UnavailableException.class).hasMessageContaining("being revoked");
  }
}
