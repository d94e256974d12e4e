package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Programs learn that the server serves, and where, from its {@code --ready-file} (or gRPC
 * health), never from its log, whose lines are for people and may change (issue 17 §5). The rule
 * checked: no script, benchmark or test names the server's lines about its start ("Tollgate
 * serving", "Tollgate listening") or the test identity provider's ("TEST-IDP LISTENING"), which
 * have no other use there than to be waited on or parsed for the port; and every script that
 * starts {@code serve}, the launcher's warm-up among them, gives it a ready file.
 */
class NoWaitOnLogLinesTest {

  private static final Path ROOT = Path.of("..");
  /** Where servers are started and waited for, from the repository's root. */
  private static final List<String> SCANNED = List.of("tollgate", "scripts", "benchmarks/src",
      "app/src/test/java");
  private static final Pattern START_LINE =
      Pattern.compile("(tollgate|test-idp)\\s+(serving|listening)", Pattern.CASE_INSENSITIVE);
  private static final Pattern STARTS_SERVE =
      Pattern.compile("(jar|tollgate)\"?\\s+serve\\b");
  private static final Path THIS_FILE = Path.of("app/src/test/java/dev/tollgate/app",
      NoWaitOnLogLinesTest.class.getSimpleName() + ".java");

  @Test
  void scriptsBenchmarksAndTests_nameNoLogLineOfTheServersStart() throws IOException {
    List<Path> files = scanned();
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      String text = read(file);
      text.lines().filter(line -> namesAStartLine(line))
          .forEach(line -> found.add(ROOT.relativize(file) + ": " + line.strip()));
    }

    assertThat(files).as("files scanned").contains(ROOT.resolve("tollgate"),
        ROOT.resolve("scripts/cli-latency"),
        ROOT.resolve("benchmarks/src/main/java/dev/tollgate/bench/ServeProcess.java"),
        ROOT.resolve("app/src/test/java/dev/tollgate/app/TollgateJar.java"));
    assertThat(found).as("lines that wait for or parse the server's log instead of its"
        + " --ready-file").isEmpty();
  }

  @Test
  void scriptsThatStartTheServer_giveItAReadyFile() throws IOException {
    List<String> starting = new ArrayList<>();
    List<String> without = new ArrayList<>();
    try (Stream<Path> scripts = Stream.concat(Stream.of(ROOT.resolve("tollgate")),
        Files.list(ROOT.resolve("scripts")))) {
      for (Path script : scripts.filter(Files::isRegularFile).sorted().toList()) {
        String text = read(script);
        if (STARTS_SERVE.matcher(text).find()) {
          starting.add(ROOT.relativize(script).toString());
          if (!text.contains("--ready-file")) {
            without.add(ROOT.relativize(script).toString());
          }
        }
      }
    }

    assertThat(starting).as("scripts that start serve").contains("tollgate",
        "scripts/cli-latency", "scripts/authorize-vs-health");
    assertThat(without).as("scripts that start serve without --ready-file").isEmpty();
  }

  @Test
  void theRule_findsAWaitOnTheServingLine_andNotOneOnTheReadyFile() {
    assertThat(namesAStartLine("  grep -q \"Tollgate serving\" \"$work/server.log\" && break"))
        .isTrue();
    assertThat(namesAStartLine("if (text.contains(\"Tollgate  Serving\")) {")).isTrue();
    assertThat(namesAStartLine("private static final String LISTENING = \"TEST-IDP LISTENING \";"))
        .as("the test identity provider's line for people").isTrue();
    assertThat(namesAStartLine("sed -n 's/.*Tollgate listening on 127.0.0.1:\\([0-9]*\\).*/\\1/p'"))
        .isTrue();
    assertThat(namesAStartLine("  [[ -f $work/ready ]] && break")).isFalse();
    assertThat(STARTS_SERVE.matcher("java -jar \"$jar\" serve --listen 127.0.0.1:0").find())
        .isTrue();
    assertThat(STARTS_SERVE.matcher("./tollgate serve --data-dir data").find()).isTrue();
    assertThat(STARTS_SERVE.matcher("\"$root/tollgate\" token list").find()).isFalse();
  }

  private static boolean namesAStartLine(String line) {
    return START_LINE.matcher(line).find();
  }

  /** The text files under the scanned directories, but this one, which names the lines. */
  private static List<Path> scanned() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String directory : SCANNED) {
      try (Stream<Path> walk = Files.walk(ROOT.resolve(directory))) {
        walk.filter(Files::isRegularFile)
            .filter(file -> !file.equals(ROOT.resolve(THIS_FILE)))
            .sorted().forEach(files::add);
      }
    }
    return files;
  }

  /** The file as text; a binary file (none is expected) reads as nothing. */
  private static String read(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException binary) {
      return "";
    }
  }
}
