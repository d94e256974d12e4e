package dev.tollgate.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.tollgate.domain.port.out.AbstractTokenRepositoryTest;
import dev.tollgate.domain.port.out.TokenRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The contract against a real PostgreSQL server that the test starts from Maven Central binaries. */
class PostgresTokenRepositoryTest extends AbstractTokenRepositoryTest {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private HikariDataSource dataSource;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Override
  protected TokenRepository newEmptyRepository() {
    String database = "contract_" + DATABASES.incrementAndGet();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    String url = postgres.getJdbcUrl("postgres", database);
    DatabaseSettings settings = new DatabaseSettings(url, Optional.of("postgres"), Optional.empty(), 2);
    dataSource = Databases.openAndMigrate(settings);
    return new JdbiTokenRepository(Databases.jdbi(dataSource), settings);
  }

  @AfterEach
  void closePool() {
    dataSource.close();
  }
}
