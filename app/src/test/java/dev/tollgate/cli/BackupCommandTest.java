package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.tollgate.proto.management.v1.BackupEnd;
import dev.tollgate.proto.management.v1.BackupManifest;
import dev.tollgate.proto.management.v1.TakeBackupResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup file appears whole, checked and its owner's only, or not at all. */
class BackupCommandTest {

  @TempDir
  Path work;

  private static final byte[] FIRST = "first chunk ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SECOND = "second chunk".getBytes(StandardCharsets.UTF_8);

  private static List<TakeBackupResponse> stream(long size, byte[] sha256) {
    List<TakeBackupResponse> parts = new ArrayList<>();
    parts.add(TakeBackupResponse.newBuilder().setManifest(BackupManifest.newBuilder()
        .setSchemaVersion("7").setTakenBy("bootstrap-admin").setSizeBytes(size)).build());
    parts.add(TakeBackupResponse.newBuilder().setChunk(ByteString.copyFrom(FIRST)).build());
    parts.add(TakeBackupResponse.newBuilder().setChunk(ByteString.copyFrom(SECOND)).build());
    parts.add(TakeBackupResponse.newBuilder().setEnd(BackupEnd.newBuilder().setSizeBytes(size)
        .setSha256(ByteString.copyFrom(sha256))).build());
    return parts;
  }

  private static byte[] sha256() throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(FIRST);
    digest.update(SECOND);
    return digest.digest();
  }

  private List<String> files() throws Exception {
    try (Stream<Path> files = Files.list(work)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void wholeStream_isWrittenIntoPlace_readableByItsOwnerOnly() throws Exception {
    Path target = work.resolve("b.zip");
    List<TakeBackupResponse> parts = stream(FIRST.length + SECOND.length, sha256());

    BackupCommand.Written written = BackupCommand.receive(parts.iterator(), target);

    assertThat(Files.readString(target)).isEqualTo("first chunk second chunk");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");
    assertThat(written.size()).isEqualTo(FIRST.length + SECOND.length);
    assertThat(written.manifest().getSchemaVersion()).isEqualTo("7");
    assertThat(files()).containsExactly("b.zip");
  }

  @Test
  void digestOtherThanTheServers_writesNothing_andLeavesNoPartialFile() throws Exception {
    Path target = work.resolve("b.zip");
    List<TakeBackupResponse> parts = stream(FIRST.length + SECOND.length, new byte[32]);

    assertThatThrownBy(() -> BackupCommand.receive(parts.iterator(), target))
        .hasMessageContaining("the backup received differs from what the server sent")
        .hasMessageContaining("nothing was written to " + target);
    assertThat(files()).isEmpty();
  }

  @Test
  void streamEndingEarly_writesNothing() throws Exception {
    Path target = work.resolve("b.zip");
    Files.writeString(target, "yesterday's backup");
    List<TakeBackupResponse> parts = stream(FIRST.length + SECOND.length, sha256()).subList(0, 2);

    assertThatThrownBy(() -> BackupCommand.receive(parts.iterator(), target))
        .hasMessage("the backup stream ended before its end; nothing was written to " + target
            + ": run the backup again");
    assertThat(Files.readString(target)).isEqualTo("yesterday's backup");
    assertThat(files()).containsExactly("b.zip");
  }
}
