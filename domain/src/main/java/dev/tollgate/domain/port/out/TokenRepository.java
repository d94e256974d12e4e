package dev.tollgate.domain.port.out;

import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.model.PageCursor;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Where tokens (never token strings) and their events are kept. */
public interface TokenRepository {

  /**
   * Stores a new token and its event in one transaction.
   *
   * @throws IllegalStateException when a token with the same id or hash exists
   */
  void add(Token token, TokenEvent event);

  /**
   * Stores a change to a token and its event in one transaction, provided the stored token is
   * still at {@code token.version()}.
   *
   * @return the token as stored now (its version increased), or empty when another change came
   *     first and nothing was written
   */
  Optional<Token> update(Token token, TokenEvent event);

  /** The token with this id, of any kind and status. */
  Optional<Token> findById(TokenId id);

  /**
   * Up to {@code limit} tokens of the kind, oldest first (created at, then id), starting after
   * {@code after} when given; revoked ones only when {@code includeRevoked}.
   */
  List<Token> findByKind(TokenKind kind, boolean includeRevoked, Optional<PageCursor> after,
      int limit);

  /**
   * Hands what decides the use of every stored token, of any kind and status, to
   * {@code action}, one at a time and in no particular order, without holding them all in memory.
   */
  void forEachAccess(Consumer<Token.Access> action);

  /**
   * Raises each token's last-used time to the given instant, never lowering it; unknown ids are
   * skipped. This is bookkeeping, not a change: no event is written and no version moves.
   */
  void recordLastUsed(Map<TokenId, Instant> lastUsed);

  /**
   * Deletes up to {@code limit} tokens revoked before {@code revokedBefore}, oldest revocation
   * first, with their permissions, and writes a PURGED event for each at {@code at}, all in one
   * change; their earlier events stay.
   *
   * @return the ids of the tokens purged
   */
  List<TokenId> purgeRevoked(Instant revokedBefore, Instant at, int limit);

  /** The bootstrap admin credential as registered now. */
  BootstrapAdmin bootstrapAdmin();

  /**
   * Registers the first bootstrap admin credential, with a BOOTSTRAP_ADMIN event, in one
   * transaction, unless a credential was ever registered (even one disabled since): of replicas
   * that start together, exactly one registers.
   *
   * @param keptAt where the token string is kept, for people
   * @return whether this call registered it
   */
  boolean registerBootstrapAdmin(TokenHash hash, String keptAt, Instant at);

  /**
   * Replaces the registered credential ({@code --rotate-bootstrap-admin}), or removes it when
   * {@code hash} is empty ({@code --disable-bootstrap-admin}), with a BOOTSTRAP_ADMIN event, in
   * one transaction. The credential replaced is retired for good: it is never registered again.
   *
   * @param keptAt where the new token string is kept; not recorded when disabling
   * @return the registration as it is now
   */
  BootstrapAdmin replaceBootstrapAdmin(Optional<TokenHash> hash, String keptAt, Instant at);

  /** When this hash stopped being the bootstrap admin credential, if it ever was one. */
  Optional<Instant> bootstrapAdminRetiredAt(TokenHash hash);
}
