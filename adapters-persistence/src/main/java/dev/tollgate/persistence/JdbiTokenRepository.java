package dev.tollgate.persistence;

import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.model.EventQuery;
import dev.tollgate.domain.model.PageCursor;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.out.TokenEvents;
import dev.tollgate.domain.port.out.TokenRepository;
import dev.tollgate.persistence.Rows.EventRow;
import dev.tollgate.persistence.Rows.AccessRow;
import dev.tollgate.persistence.Rows.PermissionRow;
import dev.tollgate.persistence.Rows.TokenRow;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Tokens and events in H2 or PostgreSQL; each change and its event commit together or not at all.
 * A database out of reach surfaces as the domain's UnavailableException.
 */
@Singleton
final class JdbiTokenRepository implements TokenRepository, TokenEvents {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final int LAST_USED_BATCH = 500;

  private final Jdbi jdbi;
  private final TokenDao reads;
  private final DatabaseSettings settings;

  /**
   * On H2, every write is followed by {@code CHECKPOINT SYNC}, which writes the commit to the file
   * and syncs it before the write returns, so an acknowledged change survives a killed process
   * (KillDuringWritesTest) and a crash of the machine, as PostgreSQL's commit does. On PostgreSQL
   * every change also notifies the replicas that follow the feed.
   */
  @Inject
  JdbiTokenRepository(Jdbi jdbi, DatabaseSettings settings) {
    this.jdbi = jdbi;
    this.reads = jdbi.onDemand(TokenDao.class);
    this.settings = settings;
  }

  @Override
  public void add(Token token, TokenEvent event) {
    try {
      write(dao -> {
        dao.insertToken(TokenRow.of(token.atVersion(1)));
        dao.insertPermissions(PermissionRow.of(token));
        dao.insertEvent(EventRow.of(event));
        return null;
      });
    } catch (UnableToExecuteStatementException e) {
      if (isUniqueViolation(e)) {
        throw new IllegalStateException("a token with id " + token.id() + " or its hash exists", e);
      }
      throw e;
    }
  }

  @Override
  public Optional<Token> update(Token token, TokenEvent event) {
    return write(dao -> {
      if (dao.updateToken(TokenRow.of(token)) != 1) {
        return Optional.empty();
      }
      dao.deletePermissions(token.id().value());
      dao.insertPermissions(PermissionRow.of(token));
      dao.insertEvent(EventRow.of(event));
      return Optional.of(Rows.tokens(dao.findById(token.id().value())).get(0));
    });
  }

  @Override
  public Optional<Token> findById(TokenId id) {
    return read(() -> Rows.tokens(reads.findById(id.value())).stream().findFirst());
  }

  @Override
  public List<Token> findByKind(TokenKind kind, boolean includeRevoked, Optional<PageCursor> after,
      int limit) {
    return read(() -> Rows.tokens(after.isEmpty()
        ? reads.firstPage(kind.name(), includeRevoked, limit)
        : reads.pageAfter(kind.name(), includeRevoked,
            after.get().createdAt(), after.get().id().value(), limit)));
  }

  @Override
  public void forEachAccess(Consumer<Token.Access> action) {
    ReadAhead.forEach(this::readAllAccess, action);
  }

  private void readAllAccess(Consumer<Token.Access> action) {
    read(() -> {
      // one snapshot for both reads; a transaction, so that PostgreSQL fetches through cursors
      // rather than all at once; H2 likewise streams only with lazy query execution
      jdbi.useTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
        boolean lazy = !settings.isPostgres();
        if (lazy) {
          handle.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
        TokenDao dao = handle.attach(TokenDao.class);
        Map<UUID, Set<Permission>> grants;
        try (Stream<PermissionRow> rows = dao.allPermissions()) {
          grants = Rows.grantsByToken(rows.iterator());
        }
        try (Stream<AccessRow> tokens = dao.allAccess()) {
          tokens.forEach(token -> action.accept(
              token.toAccess(grants.getOrDefault(token.id(), Set.of()))));
        } finally {
          if (lazy) {
            handle.execute("SET LAZY_QUERY_EXECUTION FALSE");
          }
        }
      });
      return null;
    });
  }

  @Override
  public void recordLastUsed(Map<TokenId, Instant> lastUsed) {
    List<UUID> ids = new ArrayList<>(lastUsed.size());
    List<Instant> times = new ArrayList<>(lastUsed.size());
    lastUsed.forEach((id, at) -> {
      ids.add(id.value());
      times.add(at);
    });
    read(() -> {
      for (int from = 0; from < ids.size(); from += LAST_USED_BATCH) {
        int to = Math.min(ids.size(), from + LAST_USED_BATCH);
        reads.recordLastUsed(ids.subList(from, to), times.subList(from, to));
      }
      return null;
    });
  }

  @Override
  public BootstrapAdmin bootstrapAdmin() {
    return read(() -> reads.bootstrapAdmin().orElse(BootstrapAdmin.NEVER_REGISTERED));
  }

  @Override
  public Optional<Instant> bootstrapAdminRetiredAt(TokenHash hash) {
    return read(() -> reads.bootstrapAdminRetiredAt(hash.algorithm(), hash.hex()));
  }

  @Override
  public List<TokenId> purgeRevoked(Instant revokedBefore, Instant at, int limit) {
    return write(dao -> {
      List<UUID> ids = dao.revokedBefore(revokedBefore, limit);
      if (ids.isEmpty()) {
        return List.of();
      }
      dao.deletePermissionsOf(ids);
      List<TokenId> purged = new ArrayList<>(ids.size());
      for (UUID id : ids) {
        TokenId tokenId = new TokenId(id);
        dao.insertEvent(EventRow.of(TokenEvent.purged(tokenId, at, revokedBefore)));
        purged.add(tokenId);
      }
      dao.deleteTokens(ids);
      return purged;
    });
  }

  @Override
  public BootstrapAdmin replaceBootstrapAdmin(Optional<TokenHash> hash, String keptAt,
      Instant at) {
    try {
      return write(dao -> BootstrapAdminRows.replace(dao, hash, keptAt, at));
    } catch (UnableToExecuteStatementException e) {
      if (!isUniqueViolation(e)) {
        throw e;
      }
      // another replica made the first registration meanwhile: there is a row to lock now
      return write(dao -> BootstrapAdminRows.replace(dao, hash, keptAt, at));
    }
  }

  @Override
  public boolean registerBootstrapAdmin(TokenHash hash, String keptAt, Instant at) {
    try {
      write(dao -> BootstrapAdminRows.register(dao, hash, keptAt, at));
      return true;
    } catch (UnableToExecuteStatementException e) {
      if (isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public List<RecordedTokenEvent> after(long seq, int limit) {
    return read(() -> reads.eventsAfter(seq, limit));
  }

  /** Bounds that hold every stored time, for queries without one. */
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  @Override
  public List<RecordedTokenEvent> find(EventQuery query) {
    Instant since = query.since().orElse(EARLIEST);
    Instant until = query.until().orElse(LATEST);
    return read(() -> query.token().isPresent()
        ? reads.eventsOf(query.token().get().value(), query.afterSeq(), since, until,
            query.limit())
        : reads.events(query.afterSeq(), since, until, query.limit()));
  }

  @Override
  public long latestSeq() {
    return read(reads::latestSeq);
  }

  @Override
  public Changes changesAfter(long after, Collection<Long> missing, int limit) {
    return read(() -> {
      TokenEvents.Changes changes = Rows.changes(reads.changesAfter(after, missing, limit));
      // read after the events: a registration at least as new as the events that announced it
      return changes.bootstrapAdmin().isEmpty() ? changes : new TokenEvents.Changes(
          changes.seqs(), changes.tokens(), changes.gone(),
          Optional.of(reads.bootstrapAdmin().orElse(BootstrapAdmin.NEVER_REGISTERED)));
    });
  }

  private <T> T read(Supplier<T> work) {
    return Unreachable.translate(settings, work);
  }

  /**
   * Runs the work in one transaction and, once it committed, makes it durable; on PostgreSQL the
   * commit also wakes the replicas listening for changes.
   */
  private <T> T write(Function<TokenDao, T> work) {
    return Unreachable.translate(settings, () -> jdbi.withHandle(handle -> {
      T result = handle.inTransaction(transaction -> {
        TokenDao dao = transaction.attach(TokenDao.class);
        T done = work.apply(dao);
        if (settings.isPostgres()) {
          dao.notifyFollowers();
        }
        return done;
      });
      if (!settings.isPostgres()) {
        // the change is not acknowledged until it is in the file and synced
        handle.execute("CHECKPOINT SYNC");
      }
      return result;
    }));
  }

  private static boolean isUniqueViolation(UnableToExecuteStatementException e) {
    return e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
  }
}
