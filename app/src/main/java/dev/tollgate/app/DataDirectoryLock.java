package dev.tollgate.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

/**
 * One server per data directory: an exclusive lock on {@code DATA-DIR/tollgate.lock}, held for
 * the life of the process and released by the operating system however the process ends, so a
 * {@code kill -9} never leaves a stale lock. The file names the holder's process id.
 */
final class DataDirectoryLock {

  static final String FILE_NAME = "tollgate.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the directory's lock.
   *
   * @throws IllegalStateException when another server holds it, naming its process
   */
  static DataDirectoryLock acquire(Path directory) {
    return acquire(directory, holder -> "another Tollgate server" + holder
        + " is using the data directory " + directory
        + "; stop it first, or give this server its own --data-dir");
  }

  /**
   * Takes the directory's lock, refusing with {@code refusal}'s message when another process
   * holds it; {@code refusal} gets {@code " (pid N)"}, or nothing when the holder is unknown.
   */
  static DataDirectoryLock acquire(Path directory,
      Function<String, String> refusal) {
    Path file = directory.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // this very process holds it already
      }
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
        channel.close();
        throw new IllegalStateException(refusal.apply(holder.isEmpty() ? ""
            : " (" + holder + ")"));
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
          .getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      return new DataDirectoryLock(channel, lock);
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // the first failure is the one to report
        }
      }
      throw new UncheckedIOException("cannot lock the data directory " + directory + ": "
          + e.getMessage(), e);
    }
  }

  /** Releases the lock; the file stays, empty of meaning. */
  void release() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the process is ending; the operating system releases it anyway
    }
  }
}
