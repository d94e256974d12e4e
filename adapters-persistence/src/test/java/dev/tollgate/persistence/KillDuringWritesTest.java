package dev.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process stores tokens and revokes older ones as fast as it can and is killed with
 * SIGKILL; every token whose write was acknowledged must be there after reopening. The writer
 * uses the production settings, whose {@code RETENTION_TIME=0} makes H2 reuse file space at once:
 * where H2 2.5.252 lost the last acknowledged commit in most rounds.
 */
class KillDuringWritesTest {

  private static final long[] KILL_AFTER_FIRST_WRITE_MILLIS = {0, 20, 200, 0, 700, 0, 1500};

  @TempDir
  Path directory;

  static DatabaseSettings settings(Path directory) {
    DatabaseSettings production = DatabaseSettings.h2In(directory);
    return new DatabaseSettings(production.jdbcUrl(), Optional.empty(), Optional.empty(), 2);
  }

  /** The writer process: prints the id of each token once its write returned. */
  public static void main(String[] args) {
    DatabaseSettings settings = settings(Path.of(args[0]));
    JdbiTokenRepository repository = new JdbiTokenRepository(
        Databases.jdbi(Databases.openAndMigrate(settings)), settings);
    DeterministicRandomSource random = new DeterministicRandomSource(System.nanoTime());
    List<Token> written = new ArrayList<>();
    for (Instant now = Instant.parse("2026-01-01T00:00:00Z"); ; now = now.plusSeconds(1)) {
      Token token = Token.issue(new TokenId(UUID.randomUUID()), TokenFormat.MANAGEMENT.generate(random),
          new Description("x".repeat(200)), Set.of(), Optional.empty(), "writer", now);
      repository.add(token, TokenEvent.created(token));
      written.add(token.atVersion(1));
      if (written.size() > 5) {
        Token old = written.remove(0).revoke("writer", now);
        repository.update(old, TokenEvent.revoked(old));
      }
      System.out.println(token.id());
      System.out.flush();
    }
  }

  @Test
  void writerKilledMinus9_reopen_everyAcknowledgedTokenIsThere() throws Exception {
    Path database = directory.resolve("db");
    List<String> acknowledged = new ArrayList<>();
    for (int round = 0; round < KILL_AFTER_FIRST_WRITE_MILLIS.length; round++) {
      Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-cp", System.getProperty("java.class.path"),
          KillDuringWritesTest.class.getName(), database.toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
        String line = lines.readLine();
        // kill right after the first write, or later into the write loop
        long killAt = System.nanoTime() + KILL_AFTER_FIRST_WRITE_MILLIS[round] * 1_000_000L;
        while (line != null) {
          acknowledged.add(line);
          line = System.nanoTime() < killAt ? lines.readLine() : null;
        }
        writer.destroyForcibly().waitFor();
      }

      HikariDataSource dataSource = Databases.openAndMigrate(settings(database));
      try {
        JdbiTokenRepository reopened =
            new JdbiTokenRepository(Databases.jdbi(dataSource), settings(database));
        assertThat(acknowledged).as("round %d wrote something", round).isNotEmpty();
        String last = acknowledged.get(acknowledged.size() - 1);
        assertThat(reopened.findById(new TokenId(UUID.fromString(last))))
            .as("round %d: the last acknowledged token (%d acknowledged)", round, acknowledged.size())
            .isPresent();
        assertThat(acknowledged).allSatisfy(id ->
            assertThat(reopened.findById(new TokenId(UUID.fromString(id)))).isPresent());
      } finally {
        dataSource.close();
      }
    }
  }
}
