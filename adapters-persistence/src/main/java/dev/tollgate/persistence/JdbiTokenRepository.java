package dev.tollgate.persistence;

import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.out.TokenEvents;
import dev.tollgate.domain.port.out.TokenRepository;
import dev.tollgate.persistence.Rows.EventRow;
import dev.tollgate.persistence.Rows.PermissionRow;
import dev.tollgate.persistence.Rows.TokenRow;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tokens and events in H2 or PostgreSQL; each change and its event commit together or not at all. */
@Singleton
final class JdbiTokenRepository implements TokenRepository, TokenEvents {

  private static final Logger LOG = LoggerFactory.getLogger(JdbiTokenRepository.class);
  private static final String UNIQUE_VIOLATION = "23505";

  private final Jdbi jdbi;
  private final TokenDao reads;
  private final boolean checkpointAfterWrite;

  /**
   * On H2, every write is followed by {@code CHECKPOINT SYNC}, which syncs the file: with
   * {@code WRITE_DELAY=0} an acknowledged change already survives a killed process
   * (KillDuringWritesTest); the sync makes it survive a crash of the machine too, as PostgreSQL's
   * commit does. It costs about 0.7 ms per write.
   */
  @Inject
  JdbiTokenRepository(Jdbi jdbi, DatabaseSettings settings) {
    this.jdbi = jdbi;
    this.reads = jdbi.onDemand(TokenDao.class);
    this.checkpointAfterWrite = !settings.isPostgres();
  }

  @Override
  public void add(Token token, TokenEvent event) {
    try {
      write(handle -> {
        TokenDao dao = handle.attach(TokenDao.class);
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
    return write(handle -> {
      TokenDao dao = handle.attach(TokenDao.class);
      if (dao.updateToken(TokenRow.of(token)) != 1) {
        return Optional.empty();
      }
      dao.deletePermissions(token.id().value());
      dao.insertPermissions(PermissionRow.of(token));
      dao.insertEvent(EventRow.of(event));
      return Optional.of(token.atVersion(token.version() + 1));
    });
  }

  @Override
  public Optional<Token> findById(TokenId id) {
    return Rows.tokens(reads.findById(id.value())).stream().findFirst();
  }

  @Override
  public Optional<Token> findByHash(TokenHash hash) {
    return Rows.tokens(reads.findByHash(hash.algorithm(), hash.hex())).stream().findFirst();
  }

  @Override
  public List<Token> findByKind(TokenKind kind) {
    return Rows.tokens(reads.findByKind(kind.name()));
  }

  @Override
  public Optional<TokenHash> bootstrapAdminHash() {
    return reads.bootstrapAdminHash();
  }

  @Override
  public boolean registerBootstrapAdmin(TokenHash hash, Instant at) {
    try {
      write(handle -> {
        handle.attach(TokenDao.class).insertBootstrapAdmin(hash.algorithm(), hash.hex(), at);
        return null;
      });
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
    return reads.eventsAfter(seq, limit);
  }

  /** Runs the work in one transaction and, once it committed, makes it durable. */
  private <T> T write(HandleCallback<T, RuntimeException> work) {
    return jdbi.withHandle(handle -> {
      T result = handle.inTransaction(work);
      if (checkpointAfterWrite) {
        try {
          handle.execute("CHECKPOINT SYNC");
        } catch (RuntimeException e) {
          // committed and in the file already; only the sync to the disk failed
          LOG.warn("committed, but syncing the database file failed: {}", e.getMessage());
        }
      }
      return result;
    });
  }

  private static boolean isUniqueViolation(UnableToExecuteStatementException e) {
    return e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
  }
}
