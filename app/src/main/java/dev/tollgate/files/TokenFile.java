package dev.tollgate.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.text.JsonTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A file holding one token string for a person or a program to use: JSON {@code {"token": …}}
 * as Tollgate writes it, or {@code {"access_token": …}}, or just the token on one line.
 */
public final class TokenFile {

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private TokenFile() {}

  /**
   * Reads the token string from the file.
   *
   * @throws IllegalArgumentException naming the file when it holds no token
   */
  public static String read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("token file " + file + " does not exist"
          + (Files.isDirectory(file.toAbsolutePath().getParent()) ? ""
              : " (nor does its directory " + file.toAbsolutePath().getParent() + ")"), e);
    } catch (AccessDeniedException e) {
      throw new UncheckedIOException("token file " + file + " cannot be read by this user ("
          + System.getProperty("user.name") + "); check its owner and mode", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read token file " + file + ": "
          + (Files.isDirectory(file) ? "it is a directory" : e.getMessage()), e);
    }
    if (!text.startsWith("{")) {
      if (text.isEmpty() || text.contains("\n")) {
        throw new IllegalArgumentException("token file " + file + " holds no token; expected JSON"
            + " {\"token\": \"…\"} or the token alone on one line");
      }
      return text;
    }
    try {
      JsonNode node = JsonTrees.readJson(text.getBytes(StandardCharsets.UTF_8));
      for (String key : new String[] {"token", "access_token"}) {
        if (node.path(key).isTextual() && !node.path(key).asText().isBlank()) {
          return node.path(key).asText().strip();
        }
      }
    } catch (IOException e) {
      // fall through to the message below; the parser's message could quote the token
    }
    throw new IllegalArgumentException("token file " + file + " is not valid: expected JSON with a"
        + " \"token\" field, or the token alone on one line");
  }

  /**
   * Writes the token as JSON readable by its owner only, atomically and durably: after this
   * returns, the file survives a crash, and no reader ever sees half a file.
   */
  public static void write(Path file, String token, String note) {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("token", token).put("note", note);
    Path directory = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp",
          PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap((node.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
        dir.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write token file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Tells whether anyone but the owner may read or write the file. */
  public static boolean isOpenToOthers(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return !OWNER_ONLY.containsAll(permissions);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
