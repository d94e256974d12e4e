package dev.tollgate.persistence;

import dev.tollgate.domain.model.ConflictException;
import dev.tollgate.domain.model.UnavailableException;
import dev.tollgate.domain.port.out.StoreBackups;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the embedded H2 store, taken with H2's own online backup ({@code BACKUP TO}), which
 * copies the file as of one committed state while writers go on. The copy is made in the data
 * directory (readable by its owner only) and wrapped with its manifest ({@link BackupFormat});
 * one backup at a time. A PostgreSQL store is refused with the way to back it up instead.
 */
final class DatabaseBackups implements StoreBackups {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackups.class);
  /** The names of the files a backup in progress makes, removed at start after a crash. */
  private static final String PREFIX = ".backup-";

  private final DatabaseSettings settings;
  private final DataSource dataSource;
  private final Semaphore one = new Semaphore(1);

  DatabaseBackups(DatabaseSettings settings, DataSource dataSource) {
    this.settings = settings;
    this.dataSource = dataSource;
    settings.h2File().ifPresent(file -> removeLeftovers(file.toAbsolutePath().getParent()));
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
    Path directory = file.toAbsolutePath().getParent();
    Path copied = null;
    Path wrapped = null;
    try {
      copied = Files.createTempFile(directory, PREFIX, ".h2.zip");
      Files.delete(copied); // H2 writes the file itself
      String schema;
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("BACKUP TO '" + copied.toString().replace("'", "''") + "'");
        schema = Schemas.current(connection);
      }
      Databases.ownerOnly(copied);
      wrapped = Files.createTempFile(directory, PREFIX, ".zip");
      Databases.ownerOnly(wrapped);
      wrap(copied, wrapped, new BackupFormat.Manifest(BackupFormat.FORMAT, schema, at, takenBy));
      Files.delete(copied);
      LOG.info("backup taken for {}: {} bytes, schema version {}", takenBy, Files.size(wrapped),
          schema);
      return new TakenBackup(wrapped, at, takenBy, schema, Files.size(wrapped), one);
    } catch (SQLException | IOException e) {
      abandon(copied, wrapped);
      throw new UnavailableException("cannot back up " + settings.describe() + ": "
          + e.getMessage());
    } catch (RuntimeException e) {
      abandon(copied, wrapped);
      throw e;
    }
  }

  private void abandon(Path copied, Path wrapped) {
    deleteQuietly(copied);
    deleteQuietly(wrapped);
    one.release();
  }

  /** The manifest first, then every entry of H2's backup as it is. */
  private static void wrap(Path copied, Path wrapped, BackupFormat.Manifest manifest)
      throws IOException {
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(wrapped), 1 << 16);
        ZipOutputStream zip = new ZipOutputStream(file);
        ZipInputStream h2 = new ZipInputStream(new java.io.BufferedInputStream(
            Files.newInputStream(copied), 1 << 16))) {
      zip.setLevel(Deflater.BEST_SPEED);
      zip.putNextEntry(new ZipEntry(BackupFormat.MANIFEST));
      BackupFormat.writeManifest(zip, manifest);
      zip.closeEntry();
      for (ZipEntry entry = h2.getNextEntry(); entry != null; entry = h2.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        h2.transferTo(zip);
        zip.closeEntry();
      }
    }
  }

  private static void removeLeftovers(Path directory) {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (DirectoryStream<Path> left = Files.newDirectoryStream(directory, PREFIX + "*")) {
      for (Path file : left) {
        LOG.info("removing {}, left by a backup that did not finish", file);
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      LOG.warn("cannot remove what unfinished backups left in {}: {}", directory, e.getMessage());
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.warn("cannot delete {}: {}", file, e.getMessage());
      }
    }
  }

  /** A backup in the data directory until it is closed; then the next one may be taken. */
  private record TakenBackup(Path file, Instant takenAt, String takenBy, String schemaVersion,
      long size, Semaphore one)
      implements Backup {

    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(file);
    }

    @Override
    public void close() {
      deleteQuietly(file);
      one.release();
    }
  }
}
