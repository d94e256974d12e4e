package dev.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.port.out.AbstractTokenRepositoryTest;
import dev.tollgate.domain.port.out.TokenRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2TokenRepositoryTest extends AbstractTokenRepositoryTest {

  @TempDir
  Path dataDirectory;

  private final List<HikariDataSource> opened = new ArrayList<>();

  private JdbiTokenRepository open(Path directory) {
    HikariDataSource dataSource = Databases.openAndMigrate(DatabaseSettings.h2In(directory));
    opened.add(dataSource);
    return new JdbiTokenRepository(Databases.jdbi(dataSource), DatabaseSettings.h2In(directory));
  }

  @Override
  protected TokenRepository newEmptyRepository() {
    return open(dataDirectory.resolve("db-" + opened.size()));
  }

  @AfterEach
  void closePools() {
    opened.forEach(HikariDataSource::close);
  }

  @Test
  void storedToken_reopenTheDatabase_isStillThereAndMigrationsDoNotRunTwice() {
    Path directory = dataDirectory.resolve("reopened");
    JdbiTokenRepository first = open(directory);
    Token token = Token.issue(new TokenId(UUID.randomUUID()),
        TokenFormat.MANAGEMENT.generate(new DeterministicRandomSource(1)), new Description("kept"),
        Set.of(), Optional.empty(), "bootstrap-admin", Instant.parse("2026-01-01T00:00:00Z"));
    first.add(token, TokenEvent.created(token));
    opened.remove(opened.size() - 1).close();

    JdbiTokenRepository second = open(directory);

    assertThat(second.findById(token.id())).contains(token.atVersion(1));
    assertThat(second.after(0, 10)).hasSize(1);
  }

  @Test
  void twoThousandAcknowledgedWrites_theFile_staysCompact() throws Exception {
    Path directory = dataDirectory.resolve("compact");
    JdbiTokenRepository repository = open(directory);
    DeterministicRandomSource random = new DeterministicRandomSource(2);
    for (int i = 0; i < 2_000; i++) {
      Token token = Token.issue(new TokenId(UUID.randomUUID()), TokenFormat.DATABASE.generate(random),
          new Description("token " + i), Set.of(), Optional.empty(), "bootstrap-admin",
          Instant.parse("2026-01-01T00:00:00Z"));
      repository.add(token, TokenEvent.created(token));
    }

    // each synced write left a chunk of some 60 kB behind when commits were written at once
    // (WRITE_DELAY=0): this many writes took 120 MB
    assertThat(java.nio.file.Files.size(directory.resolve("tollgate.mv.db")))
        .isLessThan(40L << 20);
  }

  @org.junit.jupiter.api.Test
  void openedDatabaseFile_isReadableByItsOwnerOnly() throws Exception {
    open(dataDirectory.resolve("private"));

    org.assertj.core.api.Assertions.assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        java.nio.file.Files.getPosixFilePermissions(
            dataDirectory.resolve("private/tollgate.mv.db")))).isEqualTo("rw-------");
  }

  @org.junit.jupiter.api.Test
  void everyPooledConnectionBusy_aRead_isUnavailableNotAnInternalError() throws Exception {
    DatabaseSettings one = new DatabaseSettings(DatabaseSettings.h2In(dataDirectory.resolve("busy"))
        .jdbcUrl(), java.util.Optional.empty(), java.util.Optional.empty(), 2);
    HikariDataSource pool = Databases.openAndMigrate(one);
    opened.add(pool);
    JdbiTokenRepository repository = new JdbiTokenRepository(Databases.jdbi(pool), one);

    try (java.sql.Connection held = pool.getConnection();
        java.sql.Connection alsoHeld = pool.getConnection()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> repository.findById(
              new dev.tollgate.domain.model.TokenId(java.util.UUID.randomUUID())))
          .isInstanceOf(dev.tollgate.domain.model.UnavailableException.class)
          .hasMessageContaining("cannot be reached").hasMessageContaining("retry");
    }
  }
}
