package dev.tollgate.cli;

import dev.tollgate.proto.management.v1.BackupManifest;
import dev.tollgate.proto.management.v1.TakeBackupRequest;
import dev.tollgate.proto.management.v1.TakeBackupResponse;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tollgate backup FILE}: a consistent copy of a running server's H2 store. */
@Command(name = "backup", usageHelpAutoWidth = true, sortOptions = false,
    description = {"Back up the token store of the server the profile points at while it runs:"
        + " H2's own online backup, holding every change committed before it began. The file"
        + " holds token hashes, never token strings; it is written readable by its owner only,"
        + " and appears only once it is complete and checked.",
        "Restore it with: tollgate restore FILE --data-dir DIR. A PostgreSQL store is backed up"
            + " with pg_dump instead (see the README). Admin users, the bootstrap admin and"
            + " management tokens may back up."})
public final class BackupCommand extends ClientCommand {

  /** How long the whole backup may take, unless --timeout says otherwise. */
  static final Duration DEFAULT_LIMIT = Duration.ofMinutes(30);

  @Parameters(index = "0", paramLabel = "FILE",
      description = "Where to write the backup, e.g. tollgate-2026-12-06.zip.")
  Path file;

  @Option(names = "--force", description = "Replace FILE if it exists.")
  boolean force;

  @Mixin
  FormatOption format;

  @Override
  public Integer call() {
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    if (!Files.isDirectory(directory)) {
      throw new CliException("backup file " + file + ": the directory " + directory + " does not"
          + " exist; expected a file in an existing directory");
    }
    if (Files.exists(target) && !force) {
      throw new CliException("backup file " + file + " exists; give --force to replace it, or"
          + " choose another name");
    }
    Duration limit = flags().timeoutGiven() ? flags().timeout() : DEFAULT_LIMIT;
    Written written;
    try (Connection connection = connect()) {
      try {
        written = receive(connection.backups(limit)
            .takeBackup(TakeBackupRequest.getDefaultInstance()), target);
      } catch (StatusRuntimeException e) {
        throw CallFailures.describe(e, connection, Map.of());
      }
    }
    BackupManifest manifest = written.manifest();
    if (format.json()) {
      out().println(Json.write(Json.object().put("file", target.toString())
          .put("sizeBytes", written.size()).put("sha256", written.sha256())
          .put("schemaVersion", manifest.getSchemaVersion())
          .put("takenAt", Protos.instant(manifest.getTakenAt()).toString())
          .put("takenBy", manifest.getTakenBy())));
    } else {
      out().println(Tables.keyValue(List.of(
          List.of("file", target.toString()),
          List.of("size", String.format(Locale.ROOT, "%,d bytes", written.size())),
          List.of("schema version", manifest.getSchemaVersion()),
          List.of("taken at", Tables.time(true, manifest.getTakenAt())),
          List.of("taken by", manifest.getTakenBy()),
          List.of("sha256", written.sha256()))));
      out().println("Restore it with: tollgate restore " + target + " --data-dir DIR");
    }
    out().flush();
    return 0;
  }

  /** What was written: the manifest, the size and the digest checked against the server's. */
  record Written(BackupManifest manifest, long size, String sha256) {}

  /**
   * Writes the stream into a hidden file beside {@code target}, readable by its owner only,
   * checks its size and digest against what the server sent, syncs it and moves it into place
   * in one step; on any failure the hidden file is removed and {@code target} is untouched.
   */
  static Written receive(Iterator<TakeBackupResponse> stream, Path target) {
    Path partial;
    try {
      partial = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".",
          ".partial", PosixFilePermissions.asFileAttribute(
              PosixFilePermissions.fromString("rw-------")));
    } catch (IOException e) {
      throw new CliException("cannot write into " + target.getParent() + ": " + e.getMessage());
    }
    // gone at a Ctrl-C too, which runs the JVM's shutdown hooks
    partial.toFile().deleteOnExit();
    boolean done = false;
    try {
      Written written = write(stream, partial, target);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(target.getParent());
      done = true;
      return written;
    } catch (IOException e) {
      throw new CliException("cannot write the backup " + target + ": " + e.getMessage());
    } finally {
      if (!done) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException e) {
          // said below by the failure itself; the hidden file is left
        }
      }
    }
  }

  private static Written write(Iterator<TakeBackupResponse> stream, Path partial, Path target)
      throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
    BackupManifest manifest = null;
    long size = 0;
    try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
      while (stream.hasNext()) {
        TakeBackupResponse part = stream.next();
        switch (part.getPartCase()) {
          case MANIFEST -> manifest = part.getManifest();
          case CHUNK -> {
            ByteBuffer bytes = part.getChunk().asReadOnlyByteBuffer();
            sha256.update(bytes.duplicate());
            size += bytes.remaining();
            while (bytes.hasRemaining()) {
              out.write(bytes);
            }
          }
          case END -> {
            String digest = HexFormat.of().formatHex(sha256.digest());
            String sent = HexFormat.of().formatHex(part.getEnd().getSha256().toByteArray());
            if (manifest == null || size != part.getEnd().getSizeBytes() || !digest.equals(sent)) {
              throw new CliException("the backup received differs from what the server sent ("
                  + size + " bytes, sha256 " + digest + "; the server sent "
                  + part.getEnd().getSizeBytes() + " bytes, sha256 " + sent + "); nothing was"
                  + " written to " + target + ": run the backup again");
            }
            out.force(true);
            return new Written(manifest, size, digest);
          }
          default -> throw new CliException("the server sent a part of the backup this"
              + " tollgate does not know (" + part.getPartCase() + "); nothing was written to "
              + target + ": use a tollgate as new as the server");
        }
      }
    }
    throw new CliException("the backup stream ended before its end; nothing was written to "
        + target + ": run the backup again");
  }

  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync " + directory, e);
    }
  }
}
