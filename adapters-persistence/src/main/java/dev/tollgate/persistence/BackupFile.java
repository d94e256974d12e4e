package dev.tollgate.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A backup file opened to be restored: its manifest read and checked, and its H2 database
 * unpacked into a temporary directory of its own (readable by its owner only), from which
 * {@link StoreCopy} copies it like any other source. Closing it deletes the unpacked copy.
 */
public final class BackupFile implements AutoCloseable {

  private final Path file;
  private final BackupFormat.Manifest manifest;
  private final Path directory;
  private final DatabaseSettings settings;

  private BackupFile(Path file, BackupFormat.Manifest manifest, Path directory) {
    this.file = file;
    this.manifest = manifest;
    this.directory = directory;
    this.settings = new DatabaseSettings("jdbc:h2:file:" + directory.resolve("tollgate"),
        Optional.empty(), Optional.empty(), 1);
  }

  /**
   * Opens a file {@code tollgate backup} wrote, refusing anything else, and a backup whose schema
   * is newer than this Tollgate's, before anything is written anywhere but its own temporary
   * directory.
   *
   * @throws IllegalArgumentException or IllegalStateException naming the file and what is wrong
   */
  public static BackupFile open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("backup " + file + ": no such file; expected one that"
          + " tollgate backup wrote");
    }
    Path directory = null;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry manifestEntry = zip.getEntry(BackupFormat.MANIFEST);
      ZipEntry database = zip.getEntry(BackupFormat.DATABASE);
      if (manifestEntry == null || database == null) {
        throw new IllegalArgumentException("backup " + file + " is a zip file without "
            + (manifestEntry == null ? BackupFormat.MANIFEST : BackupFormat.DATABASE)
            + "; expected one that tollgate backup wrote");
      }
      BackupFormat.Manifest manifest;
      try (InputStream in = zip.getInputStream(manifestEntry)) {
        manifest = BackupFormat.readManifest(in, file.toString());
      }
      directory = Files.createTempDirectory("tollgate-restore-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      try (InputStream in = zip.getInputStream(database)) {
        Files.copy(in, directory.resolve(BackupFormat.DATABASE),
            StandardCopyOption.REPLACE_EXISTING);
      }
      Databases.ownerOnly(directory.resolve(BackupFormat.DATABASE));
      BackupFile opened = new BackupFile(file, manifest, directory);
      opened.refuseNewerSchema();
      return opened;
    } catch (ZipException e) {
      delete(directory);
      throw new IllegalArgumentException("backup " + file + " is not a zip file ("
          + e.getMessage() + "); expected one that tollgate backup wrote", e);
    } catch (IOException e) {
      delete(directory);
      throw new IllegalStateException("backup " + file + ": cannot read it or unpack it into "
          + (directory == null ? "a temporary directory" : directory) + ": " + e.getMessage()
          + " (it unpacks into java.io.tmpdir, which needs room for the database)", e);
    } catch (RuntimeException e) {
      delete(directory);
      throw e;
    }
  }

  private void refuseNewerSchema() {
    Schemas.Version schema = Schemas.of(settings);
    if (schema.newer()) {
      throw new IllegalStateException("backup " + file + ": its schema (" + schema.shown()
          + ") is newer than this Tollgate's (version " + schema.newestKnown() + "); restore it"
          + " with the Tollgate that took it, or a later one");
    }
  }

  /** What the backup's manifest states. */
  public BackupFormat.Manifest manifest() {
    return manifest;
  }

  /** The unpacked database, to copy from. */
  public DatabaseSettings settings() {
    return settings;
  }

  /** The backup as messages and the migrated event name it. */
  public String describe() {
    return "backup " + file + " (" + manifest.describe() + ")";
  }

  @Override
  public void close() {
    delete(directory);
  }

  private static void delete(Path directory) {
    try {
      BackupFormat.deleteTree(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the unpacked backup in " + directory + ": "
          + e.getMessage(), e);
    }
  }
}
