package dev.tollgate.persistence;

import dev.tollgate.domain.model.ConflictException;
import dev.tollgate.domain.model.UnavailableException;
import dev.tollgate.domain.port.out.StoreBackups;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the embedded H2 store, taken with H2's own online backup ({@code BACKUP TO}), which
 * copies the file as of one committed state while writers go on, into a zip. Its manifest
 * ({@link BackupFormat}) is added to that zip through the JDK's zip file system, which copies
 * H2's compressed entry as it is rather than compressing it again. The work is done in a
 * directory of the data directory's that only its owner may enter and that is emptied at start,
 * so a server killed during a backup leaves nothing behind; one backup at a time. A PostgreSQL
 * store is refused with the way to back it up instead.
 */
final class DatabaseBackups implements StoreBackups {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackups.class);
  /** The work directory in the data directory. */
  static final String WORK = ".backups-in-progress";

  private final DatabaseSettings settings;
  private final DataSource dataSource;
  private final Semaphore one = new Semaphore(1);

  DatabaseBackups(DatabaseSettings settings, DataSource dataSource) {
    this.settings = settings;
    this.dataSource = dataSource;
    settings.h2File().ifPresent(file -> {
      Path work = file.toAbsolutePath().getParent().resolve(WORK);
      if (Files.exists(work)) {
        LOG.info("removing {}, left by a backup that did not finish", work);
      }
      delete(work);
    });
  }

  @Override
  public Backup take(Instant at, String takenBy) {
    if (settings.isPostgres()) {
      throw new ConflictException("this server stores its tokens in PostgreSQL ("
          + settings.describe() + "), which tollgate backup does not copy: back it up with"
          + " pg_dump --format=custom, as the README's \"Backing up and restoring\" shows");
    }
    Path file = settings.h2File().orElseThrow(() -> new ConflictException("this server keeps"
        + " its tokens in memory only (" + settings.describe() + "): there is no file to back"
        + " up; serve with --data-dir to keep them"));
    if (!one.tryAcquire()) {
      throw new UnavailableException("another backup is being taken on this server; retry when"
          + " it has finished");
    }
    Path work = file.toAbsolutePath().getParent().resolve(WORK);
    try {
      Files.createDirectories(work, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
      Path backup = work.resolve("backup.zip");
      String schema;
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("BACKUP TO '" + backup.toString().replace("'", "''") + "'");
        schema = Schemas.current(connection);
      }
      Databases.ownerOnly(backup);
      try (FileSystem zip = FileSystems.newFileSystem(backup);
          OutputStream out = Files.newOutputStream(zip.getPath(BackupFormat.MANIFEST))) {
        BackupFormat.writeManifest(out,
            new BackupFormat.Manifest(BackupFormat.FORMAT, schema, at, takenBy));
      }
      long size = Files.size(backup);
      LOG.info("backup taken for {}: {} bytes, schema version {}", takenBy, size, schema);
      return new TakenBackup(work, backup, at, takenBy, schema, size, one);
    } catch (SQLException | IOException e) {
      abandon(work);
      throw new UnavailableException("cannot back up " + settings.describe() + ": "
          + e.getMessage());
    } catch (RuntimeException e) {
      abandon(work);
      throw e;
    }
  }

  private void abandon(Path work) {
    try {
      delete(work);
    } finally {
      one.release();
    }
  }

  private static void delete(Path directory) {
    try {
      BackupFormat.deleteTree(directory);
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", directory, e.getMessage());
    }
  }

  /** A backup in the work directory until it is closed; then the next one may be taken. */
  private record TakenBackup(Path work, Path file, Instant takenAt, String takenBy,
      String schemaVersion, long size, Semaphore one) implements Backup {

    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(file);
    }

    @Override
    public void close() {
      try {
        delete(work);
      } finally {
        one.release();
      }
    }
  }
}
