package dev.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.model.ConflictException;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.EventQuery;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.UnavailableException;
import dev.tollgate.domain.port.out.StoreBackups;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups as the server takes them ({@link DatabaseBackups}, H2's online backup with its
 * manifest) and as {@code restore} reads them ({@link BackupFile} into {@link StoreCopy}).
 */
class StoreBackupTest {

  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final Instant TAKEN = Instant.parse("2026-06-01T00:00:00Z");

  @TempDir
  Path work;

  private final DeterministicRandomSource random = new DeterministicRandomSource(11);
  private final List<HikariDataSource> opened = new ArrayList<>();
  private final List<String> progress = new ArrayList<>();

  @AfterEach
  void closePools() {
    opened.forEach(HikariDataSource::close);
  }

  private DatabaseSettings h2(String name) {
    return new DatabaseSettings("jdbc:h2:file:" + work.resolve(name).resolve("tollgate"),
        Optional.empty(), Optional.empty(), 2);
  }

  private HikariDataSource pool(DatabaseSettings settings) {
    HikariDataSource pool = Databases.openAndMigrate(settings);
    opened.add(pool);
    return pool;
  }

  private Token add(JdbiTokenRepository store, int i) {
    Token token = Token.issue(new TokenId(UUID.randomUUID()), TokenFormat.DATABASE.generate(random),
        new Description("token " + i), Set.of(Permission.read("db" + i)), Optional.empty(),
        "user:alice", T0.plusSeconds(i));
    store.add(token, TokenEvent.created(token));
    return token.atVersion(1);
  }

  /** Writes what the server streams into {@code file}, as the command line does. */
  private static Path save(StoreBackups.Backup backup, Path file) throws IOException {
    try (InputStream in = backup.open()) {
      Files.copy(in, file);
    }
    return file;
  }

  /** What the work directory of backups in progress holds. */
  private static List<Path> leftovers(Path directory) throws IOException {
    Path work = directory.resolve(DatabaseBackups.WORK);
    if (!Files.exists(work)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(work)) {
      return files.toList();
    }
  }

  @Test
  void storeInUse_backUp_thenRestore_holdsWhatWasCommittedBefore_andNothingAfter()
      throws Exception {
    DatabaseSettings live = h2("live");
    HikariDataSource pool = pool(live);
    JdbiTokenRepository store = new JdbiTokenRepository(Databases.jdbi(pool), live);
    for (int i = 0; i < 20; i++) {
      Token token = add(store, i);
      if (i % 4 == 0) {
        store.update(token.revoke("user:carol", T0.plusSeconds(100 + i)),
            TokenEvent.revoked(token.revoke("user:carol", T0.plusSeconds(100 + i))));
      }
    }
    DatabaseBackups backups = new DatabaseBackups(live, pool);

    Path file;
    try (StoreBackups.Backup backup = backups.take(TAKEN, "user:ada")) {
      add(store, 20); // after the backup began: not in it
      assertThat(backup.schemaVersion()).isEqualTo("7");
      assertThat(backup.takenAt()).isEqualTo(TAKEN);
      List<Path> held = leftovers(work.resolve("live"));
      assertThat(held).hasSize(1);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(held.get(0))))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
          work.resolve("live").resolve(DatabaseBackups.WORK)))).isEqualTo("rwx------");
      assertThat(Files.size(held.get(0))).isEqualTo(backup.size());
      file = save(backup, work.resolve("backup.zip"));
    }
    assertThat(work.resolve("live").resolve(DatabaseBackups.WORK)).as("deleted once closed")
        .doesNotExist();

    DatabaseSettings restored = h2("restored");
    Path unpacked;
    try (BackupFile backup = BackupFile.open(file)) {
      assertThat(backup.manifest()).isEqualTo(new BackupFormat.Manifest("1", "7", TAKEN,
          "user:ada"));
      unpacked = Path.of(backup.settings().h2File().orElseThrow().toString()).getParent();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(unpacked)))
          .isEqualTo("rwx------");
      StoreCopy.Result result = StoreCopy.run(backup.settings(), backup.describe(), restored,
          false, TAKEN.plusSeconds(60), progress::add);
      assertThat(result.matches()).as(result.toString()).isTrue();
    }
    assertThat(unpacked).as("the unpacked copy, deleted once closed").doesNotExist();
    JdbiTokenRepository back = new JdbiTokenRepository(Databases.jdbi(pool(restored)), restored);
    List<RecordedTokenEvent> events = back.find(new EventQuery(Optional.empty(), Optional.empty(),
        Optional.empty(), 0, 1000));
    assertThat(events).hasSize(20 + 5 + 1);
    assertThat(events.get(events.size() - 1).event().detail()).startsWith("copied from backup "
        + file + " (schema version 7, taken at " + TAKEN + " by user:ada): 20 tokens, 25 events");
  }

  @Test
  void backupOfAnOlderSchema_restore_bringsItUpToThisOne() throws Exception {
    DatabaseSettings old = h2("old");
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(old.jdbcUrl());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("6")
        .load().migrate();
    Path file;
    try (StoreBackups.Backup backup = new DatabaseBackups(old, dataSource).take(TAKEN, "x")) {
      assertThat(backup.schemaVersion()).isEqualTo("6");
      file = save(backup, work.resolve("old.zip"));
    }

    try (BackupFile backup = BackupFile.open(file)) {
      StoreCopy.Result result = StoreCopy.run(backup.settings(), backup.describe(), h2("new"),
          false, TAKEN, progress::add);
      assertThat(result.matches()).isTrue();
    }
    assertThat(progress).contains("source schema at version 6: bringing it to version 7 first,"
        + " as tollgate serve does at start");
    assertThat(Schemas.of(h2("new")).current()).contains("7");
  }

  @Test
  void backupOfANewerTollgate_restore_isRefusedNamingTheFile() throws Exception {
    DatabaseSettings newer = h2("newer");
    HikariDataSource pool = pool(newer);
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("insert into \"flyway_schema_history\" (\"installed_rank\", \"version\","
          + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
          + " \"execution_time\", \"success\") values (99, '99', 'future', 'SQL',"
          + " 'V99__future.sql', 0, 'test', 0, true)");
    }
    Path file;
    try (StoreBackups.Backup backup = new DatabaseBackups(newer, pool).take(TAKEN, "x")) {
      file = save(backup, work.resolve("newer.zip"));
    }

    assertThatThrownBy(() -> BackupFile.open(file)).hasMessage("backup " + file + ": its schema"
        + " (version 99) is newer than this Tollgate's (version 7); restore it with the Tollgate"
        + " that took it, or a later one");
  }

  @Test
  void fileThatIsNoBackup_open_isRefusedSayingWhatItIs() throws Exception {
    Path text = Files.writeString(work.resolve("notes.txt"), "hello");
    assertThatThrownBy(() -> BackupFile.open(text))
        .hasMessageStartingWith("backup " + text + " is not a zip file");
    assertThatThrownBy(() -> BackupFile.open(work.resolve("missing.zip")))
        .hasMessage("backup " + work.resolve("missing.zip") + ": no such file; expected one that"
            + " tollgate backup wrote");
    Path bare = zip("bare.zip", "tollgate.mv.db", "x");
    assertThatThrownBy(() -> BackupFile.open(bare)).hasMessage("backup " + bare + " is a zip"
        + " file without tollgate-backup.properties; expected one that tollgate backup wrote");
    Path later = zip("later.zip", BackupFormat.MANIFEST, "format=2\nschema-version=9\n"
        + "taken-at=2030-01-01T00:00:00Z\ntaken-by=x\n");
    assertThatThrownBy(() -> BackupFile.open(later)).hasMessageContaining("without tollgate.mv.db");
  }

  @Test
  void manifestOfALaterFormat_isRefused() throws Exception {
    assertThatThrownBy(() -> BackupFormat.readManifest(new java.io.ByteArrayInputStream(
        ("format=2\nschema-version=9\ntaken-at=2030-01-01T00:00:00Z\ntaken-by=x\n")
            .getBytes(StandardCharsets.UTF_8)), "b.zip"))
        .hasMessage("backup b.zip is in format 2; this Tollgate reads format 1: restore it with"
            + " the Tollgate that took it, or a later one");
    assertThatThrownBy(() -> BackupFormat.readManifest(new java.io.ByteArrayInputStream(
        "format=1\n".getBytes(StandardCharsets.UTF_8)), "b.zip"))
        .hasMessage("backup b.zip: its tollgate-backup.properties states no schema-version;"
            + " expected a file written by tollgate backup");
  }

  @Test
  void postgresOrMemoryStore_backUp_isRefusedSayingHowInstead() {
    DatabaseSettings postgres = new DatabaseSettings("jdbc:postgresql://db:5432/tollgate",
        Optional.empty(), Optional.empty(), 1);
    assertThatThrownBy(() -> new DatabaseBackups(postgres, null).take(TAKEN, "x"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("pg_dump");
    DatabaseSettings memory = new DatabaseSettings("jdbc:h2:mem:x", Optional.empty(),
        Optional.empty(), 1);
    assertThatThrownBy(() -> new DatabaseBackups(memory, null).take(TAKEN, "x"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("--data-dir");
  }

  @Test
  void secondBackupWhileOneIsOpen_isUnavailable_andLeftoversOfACrashAreRemovedAtStart()
      throws Exception {
    DatabaseSettings live = h2("one");
    HikariDataSource pool = pool(live);
    DatabaseBackups backups = new DatabaseBackups(live, pool);
    try (StoreBackups.Backup first = backups.take(TAKEN, "x")) {
      assertThatThrownBy(() -> backups.take(TAKEN, "y")).isInstanceOf(UnavailableException.class)
          .hasMessage("another backup is being taken on this server; retry when it has finished");
      // a server killed while sending leaves its file; the next one's start removes it
      new DatabaseBackups(live, pool);
      assertThat(leftovers(work.resolve("one"))).isEmpty();
    }
    backups.take(TAKEN, "z").close();
  }

  private Path zip(String name, String entry, String text) throws IOException {
    Path file = work.resolve(name);
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip =
        new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(text.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }
}
