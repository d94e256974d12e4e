package dev.tollgate.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * The server's data directory, which holds the bootstrap admin token: made for its owner alone
 * (0700), and an existing one that others may enter reported and closed to them.
 */
final class DataDirectory {

  private static final Set<PosixFilePermission> OWNER = EnumSet.of(
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_EXECUTE);

  private DataDirectory() {}

  /**
   * Makes the directory, or checks and tightens the one there.
   *
   * @throws IllegalArgumentException when it is not a directory the server may write in
   */
  static void prepare(Path directory) {
    try {
      if (!Files.exists(directory)) {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + directory + ": "
          + e.getMessage(), e);
    }
    if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
      throw new IllegalArgumentException("--data-dir " + directory
          + " is not a writable directory");
    }
    ownerOnly(directory);
  }

  private static void ownerOnly(Path directory) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
      if (!OWNER.containsAll(permissions)) {
        LoggerFactory.getLogger(DataDirectory.class).warn("data directory {} could be read by"
            + " other users ({}); made it rwx------", directory,
            PosixFilePermissions.toString(permissions));
        Files.setPosixFilePermissions(directory, OWNER);
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own access rules apply
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restrict the data directory " + directory
          + " to its owner: " + e.getMessage(), e);
    }
  }
}
