package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.main.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code restore} and {@code migrate --from FILE} refuse what they cannot use, writing nothing. */
class RestoreCommandTest {

  @TempDir
  Path work;

  private String refused(String... args) {
    StringWriter err = new StringWriter();
    int exit = Main.commandLine(false, args).setErr(new PrintWriter(err)).execute(args);
    assertThat(exit).as(err.toString()).isNotZero();
    return err.toString();
  }

  @Test
  void neitherOrBothTargets_areRefused_namingTheOptions() {
    assertThat(refused("restore", "b.zip")).startsWith("Error: say where to restore to:"
        + " --data-dir DIR (the H2 file of tollgate serve --data-dir DIR) or --to JDBC-URL");
    assertThat(refused("restore", "b.zip", "--data-dir", "d", "--to", "jdbc:h2:file:/x/tollgate"))
        .startsWith("Error: --data-dir d and --to jdbc:h2:file:/x/tollgate both say where to"
            + " restore to; expected one of them");
  }

  @Test
  void missingBackup_isRefusedBeforeTheDataDirectoryIsMade() {
    Path data = work.resolve("data");
    assertThat(refused("restore", work.resolve("none.zip").toString(), "--data-dir",
        data.toString())).startsWith("Error: backup " + work.resolve("none.zip")
        + ": no such file; expected one that tollgate backup wrote");
    assertThat(data).doesNotExist();
  }

  @Test
  void migrateFromWhatIsNeitherAUrlNorAFile_saysWhatItTakes() throws Exception {
    assertThat(refused("migrate", "--from", "h2:file:/x/tollgate", "--to",
        "jdbc:h2:file:" + work.resolve("t/tollgate"))).startsWith("Error: --from"
        + " h2:file:/x/tollgate is neither a JDBC URL (jdbc:h2:file:DATA-DIR/tollgate,"
        + " jdbc:postgresql://HOST[:PORT]/DATABASE) nor a backup file that exists");
    Path text = Files.writeString(work.resolve("notes.txt"), "hello");
    assertThat(refused("restore", text.toString(), "--data-dir", work.resolve("d").toString()))
        .startsWith("Error: backup " + text + " is not a zip file");
    assertThat(work.resolve("t")).doesNotExist();
  }
}
