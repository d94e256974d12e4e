package dev.tollgate.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.tollgate.domain.live.FollowerSettings;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.domain.service.UseCases;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Creating a database token through the domain and the persistence adapter, against a raw JDBC
 * transaction that writes the same rows with the same durability; single thread, ops/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class CreateBenchmark {

  private static final String DATABASE = "bench_db";

  @Param({"h2", "postgres"})
  String database;

  private BenchDatabase store;
  private HikariDataSource pool;
  private UseCases useCases;
  private CreateDatabaseTokenUseCase.Command command;
  private RawTokenInsert raw;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    store = BenchDatabase.start(database);
    pool = Databases.openAndMigrate(store.settings());
    JdbiTokenRepository repository =
        new JdbiTokenRepository(Databases.jdbi(pool), store.settings());
    SecureRandom random = new SecureRandom();
    useCases = new UseCases(repository, repository, Instant::now, random::nextBytes,
        () -> new TokenId(UUID.randomUUID()), IdentityProvider.NONE,
        FollowerSettings.defaults());
    useCases.follower().load();
    Set<Permission> readWrite = Set.of(Permission.read(DATABASE), Permission.write(DATABASE));
    command = new CreateDatabaseTokenUseCase.Command(Caller.bootstrapAdmin(),
        new Description("benchmark token"), readWrite, Optional.empty());
    raw = new RawTokenInsert(pool, store.isPostgres(), DATABASE);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.close();
    store.close();
  }

  /** The use case as the management API runs it: rules, token string, hash, one transaction. */
  @Benchmark
  public IssuedToken createDatabaseToken() {
    return useCases.createDatabaseToken().create(command);
  }

  /** The floor: the same four rows and the same durability in plain JDBC. */
  @Benchmark
  public UUID rawJdbcInsert() throws SQLException {
    return raw.insert();
  }
}
