package dev.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.EventQuery;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StoreCopy} between H2 and PostgreSQL: a whole copy, every refusal, an interruption. */
class StoreCopyTest {

  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00.123456Z");
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @TempDir
  Path work;

  private final DeterministicRandomSource random = new DeterministicRandomSource(7);
  private final List<HikariDataSource> opened = new ArrayList<>();
  private final List<String> progress = new ArrayList<>();

  @AfterEach
  void closePools() {
    opened.forEach(HikariDataSource::close);
  }

  private JdbiTokenRepository repository(DatabaseSettings settings) {
    HikariDataSource pool = Databases.openAndMigrate(settings);
    opened.add(pool);
    return new JdbiTokenRepository(Databases.jdbi(pool), settings);
  }

  private void closeAll() {
    opened.forEach(HikariDataSource::close);
    opened.clear();
  }

  /** Tokens of both kinds, updated, rotated, revoked, used and purged, and a rotated admin. */
  private List<Token> seed(DatabaseSettings settings, int count) {
    JdbiTokenRepository store = repository(settings);
    List<Token> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      TokenFormat format = i % 4 == 0 ? TokenFormat.MANAGEMENT : TokenFormat.DATABASE;
      Set<Permission> grants = format == TokenFormat.MANAGEMENT ? Set.of()
          : Set.of(Permission.read("db" + i), Permission.write("*"));
      Instant at = T0.plusSeconds(i);
      Token token = Token.issue(new TokenId(UUID.randomUUID()), format.generate(random),
          new Description("token " + i + " ✓ «x»"), grants,
          i % 3 == 0 ? Optional.of(at.plus(Duration.ofDays(400))) : Optional.empty(),
          "user:alice", at);
      store.add(token, TokenEvent.created(token));
      Token stored = token.atVersion(1);
      if (i % 5 == 1) {
        Token updated = stored.update(new Description("renamed " + i), Set.of(), at.plusMillis(1));
        stored = store.update(updated, TokenEvent.updated(stored, updated, "user:bob")).orElseThrow();
      }
      if (i % 5 == 2) {
        Token rotated = stored.rotate(format.generate(random), Duration.ofHours(1), at.plusMillis(2));
        stored = store.update(rotated, TokenEvent.rotated(rotated, "user:bob")).orElseThrow();
      }
      if (i % 7 == 3) {
        Token revoked = stored.revoke("user:carol", at.plusMillis(3));
        stored = store.update(revoked, TokenEvent.revoked(revoked)).orElseThrow();
      }
      tokens.add(stored);
    }
    store.recordLastUsed(Map.of(tokens.get(0).id(), T0.plusSeconds(9)));
    store.purgeRevoked(T0.plusSeconds(4), T0.plusSeconds(5), 1);
    store.registerBootstrapAdmin(TokenHash.sha512("first admin"), "/data/admin-token.json", T0);
    store.replaceBootstrapAdmin(Optional.of(TokenHash.sha512("second admin")), "/data/a.json",
        T0.plusSeconds(1));
    closeAll();
    return tokens;
  }

  private DatabaseSettings h2(String name) {
    return new DatabaseSettings("jdbc:h2:file:" + work.resolve(name).resolve("tollgate"),
        Optional.empty(), Optional.empty(), 2);
  }

  private StoreCopy.Result copy(DatabaseSettings from, DatabaseSettings to, boolean replace) {
    return StoreCopy.run(from, "--from " + from.describe(), to, replace, NOW, progress::add);
  }

  private void assertSameStore(DatabaseSettings from, DatabaseSettings to, StoreCopy.Result result) {
    assertThat(result.matches()).as("every table compares equal: " + result).isTrue();
    assertThat(result.tables()).extracting(StoreCopy.TableCheck::table).containsExactly("tokens",
        "token_permissions", "token_events", "bootstrap_admin", "bootstrap_admin_retired");
    List<RecordedTokenEvent> before = repository(from).find(new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(), 0, 10_000));
    JdbiTokenRepository target = repository(to);
    List<RecordedTokenEvent> after = target.find(new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(), 0, 10_000));
    assertThat(after.subList(0, before.size())).isEqualTo(before);
    RecordedTokenEvent migrated = after.get(after.size() - 1);
    assertThat(after).hasSize(before.size() + 1);
    assertThat(migrated.seq()).isEqualTo(result.migratedSeq())
        .isEqualTo(before.get(before.size() - 1).seq() + 1);
    assertThat(migrated.event().type()).isEqualTo(TokenEvent.Type.MIGRATED);
    assertThat(migrated.event().tokenId()).isEqualTo(TokenId.STORE);
    assertThat(migrated.event().detail()).contains("copied from " + from.describe());
    assertThat(target.bootstrapAdmin()).isEqualTo(repository(from).bootstrapAdmin());
    assertThat(target.bootstrapAdminRetiredAt(TokenHash.sha512("first admin")))
        .contains(T0.plusSeconds(1));
    // the next event of a server on the target is numbered after the copied ones
    Token next = Token.issue(new TokenId(UUID.randomUUID()), TokenFormat.DATABASE.generate(random),
        new Description("after"), Set.of(), Optional.empty(), "user:alice", NOW);
    target.add(next, TokenEvent.created(next));
    assertThat(target.latestSeq()).isEqualTo(result.migratedSeq() + 1);
  }

  @Test
  void h2Store_copyToPostgres_holdsEveryRowAndComparesEqual() {
    DatabaseSettings from = h2("source");
    List<Token> tokens = seed(from, 40);
    DatabaseSettings to = TestDatabases.freshPostgres();

    StoreCopy.Result result = copy(from, to, false);

    assertSameStore(from, to, result);
    JdbiTokenRepository source = repository(from);
    JdbiTokenRepository target = repository(to);
    for (Token token : tokens) {
      assertThat(target.findById(token.id())).isEqualTo(source.findById(token.id()));
    }
    assertThat(progress).anyMatch(line -> line.equals("tokens: 39 rows copied"));
  }

  @Test
  void postgresStore_copyToH2_holdsEveryRowAndComparesEqual_inAFileOnlyItsOwnerReads()
      throws Exception {
    DatabaseSettings from = TestDatabases.freshPostgres();
    seed(from, 25);
    DatabaseSettings to = h2("target");

    assertSameStore(from, to, copy(from, to, false));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        work.resolve("target/tollgate.mv.db")))).as("the H2 file's mode").isEqualTo("rw-------");
  }

  @Test
  void targetHoldingTokens_copy_isRefusedNamingTheCount_andReplaceCopiesOverIt() throws Exception {
    DatabaseSettings from = h2("source");
    seed(from, 5);
    DatabaseSettings to = TestDatabases.freshPostgres();
    seed(to, 3);
    long eventsBefore = rows(to, "token_events");

    assertThatThrownBy(() -> copy(from, to, false)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("--to " + to.describe() + " already holds 3 tokens")
        .hasMessageContaining("--replace");
    assertThat(rows(to, "token_events")).isEqualTo(eventsBefore);

    assertSameStore(from, to, copy(from, to, true));
    assertThat(rows(to, "tokens")).isEqualTo(5); // 4 copied (of 5, one purged), one added after
  }

  @Test
  void sourceWithNewerSchema_copy_isRefused_andTheTargetIsNotCreated() throws Exception {
    DatabaseSettings from = h2("source");
    seed(from, 2);
    addFutureMigration(from);
    DatabaseSettings to = h2("target");

    assertThatThrownBy(() -> copy(from, to, false)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("--from " + from.describe() + ": its schema (version 99)"
            + " is newer than this Tollgate's (version 7)");
    assertThat(work.resolve("target")).doesNotExist();
  }

  @Test
  void targetWithNewerSchema_copy_isRefused() throws Exception {
    DatabaseSettings from = h2("source");
    seed(from, 2);
    DatabaseSettings to = TestDatabases.freshPostgres();
    repository(to);
    closeAll();
    addFutureMigration(to);

    assertThatThrownBy(() -> copy(from, to, false))
        .hasMessageContaining("--to " + to.describe() + ": its schema (version 99) is newer");
    assertThat(rows(to, "token_events")).isZero();
  }

  @Test
  void missingSourceFile_orTheSameDatabaseTwice_isRefused() {
    DatabaseSettings missing = h2("nowhere");
    assertThatThrownBy(() -> copy(missing, h2("target"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("there is no H2 database at " + work.resolve("nowhere/tollgate.mv.db"));
    assertThat(work.resolve("nowhere")).doesNotExist();
    assertThat(work.resolve("target")).doesNotExist();

    DatabaseSettings source = h2("source");
    seed(source, 1);
    DatabaseSettings sameFile = new DatabaseSettings(source.jdbcUrl() + ";RETENTION_TIME=0",
        Optional.empty(), Optional.empty(), 1);
    assertThatThrownBy(() -> copy(source, sameFile, true))
        .hasMessageContaining("--from and --to both name");
  }

  @Test
  void sourceWithOlderSchema_copy_bringsItUpToDateFirst() throws Exception {
    DatabaseSettings from = h2("older");
    org.flywaydb.core.Flyway.configure().dataSource(from.jdbcUrl(), "", "")
        .locations("classpath:db/migration").target("6").load().migrate();
    DatabaseSettings to = TestDatabases.freshPostgres();

    StoreCopy.Result result = copy(from, to, false);

    assertThat(result.matches()).isTrue();
    assertThat(progress).contains("source schema at version 6: bringing it to version 7 first,"
        + " as tollgate serve does at start");
    assertThat(rows(to, "token_events")).isEqualTo(1);
  }

  @Test
  void emptyDatabaseAsSource_copy_isRefused() throws Exception {
    DatabaseSettings from = TestDatabases.freshPostgres();
    assertThatThrownBy(() -> copy(from, h2("target"), false))
        .hasMessageContaining("--from " + from.describe() + " holds no Tollgate store");
  }

  @Test
  void copyFailingMidway_leavesTheTargetEmpty_andRunningAgainCompletesIt() throws Exception {
    DatabaseSettings from = h2("source");
    seed(from, 30);
    DatabaseSettings to = TestDatabases.freshPostgres();
    Consumer<String> failing = line -> {
      if (line.startsWith("token_events: copying")) {
        throw new IllegalStateException("interrupted by the test");
      }
    };

    assertThatThrownBy(() -> StoreCopy.run(from, "--from " + from.describe(), to, false, NOW,
        failing))
        .hasMessageContaining("interrupted by the test");
    for (String table : List.of("tokens", "token_permissions", "token_events", "bootstrap_admin",
        "bootstrap_admin_retired")) {
      assertThat(rows(to, table)).as(table).isZero();
    }

    assertSameStore(from, to, copy(from, to, false));
  }

  @Test
  void copiedTables_nameEveryColumnOfTheSchema() throws Exception {
    DatabaseSettings settings = h2("schema");
    repository(settings);
    Set<String> columns = new HashSet<>();
    try (Connection connection = connect(settings); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select table_name, column_name from"
            + " information_schema.columns where table_schema = 'PUBLIC'"
            + " and table_name <> 'flyway_schema_history'")) {
      while (rows.next()) {
        columns.add(rows.getString(1).toLowerCase() + "." + rows.getString(2).toLowerCase());
      }
    }
    Set<String> copied = new HashSet<>();
    CopiedTables.ALL.forEach(table -> table.columns().forEach(column ->
        copied.add(table.name() + "." + column.name())));
    assertThat(copied).isEqualTo(columns);
  }

  private static Connection connect(DatabaseSettings settings) throws SQLException {
    return DriverManager.getConnection(settings.jdbcUrl(), settings.user().orElse(""),
        settings.password().orElse(""));
  }

  private static long rows(DatabaseSettings settings, String table) throws SQLException {
    try (Connection connection = connect(settings); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Records a migration this Tollgate does not have, as a later Tollgate would. */
  private static void addFutureMigration(DatabaseSettings settings) throws SQLException {
    try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
      statement.execute("insert into \"flyway_schema_history\" (\"installed_rank\", \"version\","
          + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
          + " \"execution_time\", \"success\") values (99, '99', 'future', 'SQL',"
          + " 'V99__future.sql', 0, 'test', 0, true)");
    }
  }
}
