package dev.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's PostgreSQL examples check who answers: every connection URL it shows asks for
 * {@code sslmode=verify-full}, and the replicas section says why.
 */
class ReadmePostgresAdviceTest {

  private static final Pattern URL = Pattern.compile("jdbc:postgresql://[^\\s`'|]*");

  @Test
  void everyPostgresUrlInTheReadme_asksForVerifyFull() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Matcher url = URL.matcher(readme);
    List<String> urls = url.results().map(m -> m.group()).toList();

    assertThat(urls).as("PostgreSQL URLs in the README").isNotEmpty()
        .allMatch(u -> u.contains("sslmode=verify-full"), "ask for sslmode=verify-full");
    String replicas = readme.substring(readme.indexOf("## Running several replicas"));
    assertThat(replicas).contains("sslmode=verify-full").contains("sslrootcert")
        .contains("sslmode=prefer");
  }
}
