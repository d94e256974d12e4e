package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadyFileTest {

  @TempDir
  Path directory;

  @Test
  void leftByAKilledServer_prepare_removesIt_thenWriteAndRemoveAreWholeAndLeaveNothingBehind()
      throws Exception {
    Path file = Files.writeString(directory.resolve("ready"), "127.0.0.1:1\n");
    ReadyFile ready = new ReadyFile(file);

    ready.prepare();
    assertThat(file).doesNotExist();
    ready.write(java.util.List.of("[::1]:8091"));
    assertThat(Files.readString(file)).isEqualTo("[::1]:8091\n");
    try (var entries = Files.list(directory)) {
      assertThat(entries).as("no temporary file beside it").containsExactly(file);
    }
    ready.remove();
    assertThat(directory).isEmptyDirectory();
  }

  @Test
  void inADirectoryThatIsNotThere_prepare_isRefusedBeforeTheServerStarts() {
    Path file = directory.resolve("nope/ready");

    assertThatThrownBy(() -> new ReadyFile(file).prepare())
        .hasMessage("--ready-file " + file + ": " + file.getParent()
            + " is not a writable directory");
  }
}
