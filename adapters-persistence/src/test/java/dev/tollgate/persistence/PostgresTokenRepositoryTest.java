package dev.tollgate.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.tollgate.domain.port.out.AbstractTokenRepositoryTest;
import dev.tollgate.domain.port.out.TokenRepository;
import org.junit.jupiter.api.AfterEach;

/** The contract against a real PostgreSQL server that the test starts from Maven Central binaries. */
class PostgresTokenRepositoryTest extends AbstractTokenRepositoryTest {

  private HikariDataSource dataSource;

  @Override
  protected TokenRepository newEmptyRepository() {
    DatabaseSettings settings = TestDatabases.freshPostgres();
    dataSource = Databases.openAndMigrate(settings);
    return new JdbiTokenRepository(Databases.jdbi(dataSource), settings);
  }

  @AfterEach
  void closePool() {
    dataSource.close();
  }
}
