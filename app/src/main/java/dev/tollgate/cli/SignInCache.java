package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.text.JsonTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cached sign-ins, one JSON file per profile under {@code $XDG_CACHE_HOME/tollgate/} (else
 * {@code ~/.cache/tollgate/}): mode 0600 in a 0700 directory, replaced atomically, so that an
 * interrupted write leaves the previous sign-in or the new one, never half of one.
 */
final class SignInCache {

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private final Path directory;

  SignInCache(Path directory) {
    this.directory = directory;
  }

  /** The cache directory the environment selects. */
  static SignInCache inUserCache(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return new SignInCache(base.resolve("tollgate"));
  }

  /** The file that holds the sign-in of profile {@code name}. */
  Path file(String profile) {
    if (PLAIN_NAME.matcher(profile).matches()) {
      return directory.resolve(profile + ".json");
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(profile.getBytes(StandardCharsets.UTF_8));
      return directory.resolve("profile-" + HexFormat.of().formatHex(digest, 0, 8) + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** The profile's cached sign-in, if there is a readable one. */
  Optional<SignIn> read(String profile) {
    Path file = file(profile);
    JsonNode json;
    try {
      json = JsonTrees.readJson(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      System.err.println("warn\tignoring the cached sign-in " + file + ", which cannot be read ("
          + e.getClass().getSimpleName() + "); run `tollgate auth login` to replace it");
      return Optional.empty();
    }
    String accessToken = json.path("access_token").asText("");
    if (accessToken.isEmpty()) {
      return Optional.empty();
    }
    ClientConfig.warnIfOthersCanRead(file, "cached sign-in");
    return Optional.of(new SignIn(json.path("client_id").asText(""),
        json.path("token_url").asText(""), accessToken,
        Optional.of(json.path("refresh_token").asText("")).filter(t -> !t.isEmpty()),
        instant(json.path("expires_at").asText(""))));
  }

  private static Optional<Instant> instant(String text) {
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.of(Instant.EPOCH); // unreadable: treat as expired, so it is renewed
    }
  }

  /** Replaces the profile's cached sign-in; returns the file. */
  Path write(String profile, SignIn signIn) {
    Path file = file(profile);
    ObjectNode json = Json.object().put("client_id", signIn.clientId())
        .put("token_url", signIn.tokenUrl()).put("access_token", signIn.accessToken());
    signIn.refreshToken().ifPresent(token -> json.put("refresh_token", token));
    signIn.expiresAt().ifPresent(at -> json.put("expires_at", at.toString()));
    byte[] bytes = (Json.write(json) + "\n").getBytes(StandardCharsets.UTF_8);
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      createDirectory();
      Files.deleteIfExists(temporary); // left by a write that was killed
      try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_FILE))) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory();
      return file;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // the first failure is the one to report
      }
      throw new UncheckedIOException("cannot write the sign-in cache " + file + ": "
          + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
  }

  /** Removes the profile's cached sign-in; returns whether there was one. */
  boolean delete(String profile) {
    Path file = file(profile);
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the sign-in cache " + file + ": "
          + e.getMessage(), e);
    }
  }

  private void createDirectory() throws IOException {
    try {
      Files.createDirectories(directory.getParent());
      Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
    } catch (FileAlreadyExistsException e) {
      // ours from an earlier sign-in; tightened below if someone loosened it
    }
    if (!Files.getPosixFilePermissions(directory).equals(OWNER_DIRECTORY)) {
      Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
    }
  }

  private void syncDirectory() {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a directory; the rename is done either way
    }
  }
}
