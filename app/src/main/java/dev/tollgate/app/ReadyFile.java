package dev.tollgate.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * {@code --ready-file}: for programs that wait for the server, the address it serves on as one
 * line {@code HOST:PORT} (and the HTTP door's, if on, as a second line {@code http://HOST:PORT},
 * or {@code https://HOST:PORT} with TLS), there while it is SERVING and not before. Written whole or not at all
 * (a file beside it, then renamed over it), so a reader never sees half of it.
 */
final class ReadyFile {

  private final Path file;

  ReadyFile(Path file) {
    this.file = file.toAbsolutePath();
  }

  /**
   * Checks, before the server starts, that the file can be written, and removes one left by a
   * server that was killed, so that nobody takes it for this one.
   *
   * @throws IllegalArgumentException when its directory is missing or not writable
   */
  void prepare() {
    Path directory = file.getParent();
    if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
      throw new IllegalArgumentException("--ready-file " + file + ": " + directory
          + " is not a writable directory");
    }
    remove();
  }

  /** Writes the addresses, a line each (gRPC's first), once the server is SERVING. */
  void write(List<String> addresses) {
    Path temporary = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current()
        .pid() + ".tmp");
    try {
      Files.writeString(temporary, String.join("\n", addresses) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // the first failure is the one to report
      }
      throw new UncheckedIOException("cannot write --ready-file " + file + ": " + e.getMessage(),
          e);
    }
  }

  /** Removes the file: the server no longer serves. */
  void remove() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LoggerFactory.getLogger(ReadyFile.class).warn("cannot remove --ready-file {}: {}", file,
          e.getMessage());
    }
  }
}
