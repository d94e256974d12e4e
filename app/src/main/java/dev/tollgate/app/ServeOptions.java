package dev.tollgate.app;

import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Change;
import dev.tollgate.http.ClusterIds;
import dev.tollgate.net.Loopback;
import dev.tollgate.options.BadValue;
import dev.tollgate.options.Durations;
import dev.tollgate.options.HostPort;
import dev.tollgate.options.Limit;
import dev.tollgate.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Every option of {@code tollgate serve}, each typed by its converter with its default stated
 * here once, and the server's configuration they make. Reads options only: writes nothing.
 */
final class ServeOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8091",
      converter = HostPort.Listen.class,
      description = "Address to listen on, port 0 for any free one [TOLLGATE_LISTEN]"
          + " (default: ${DEFAULT-VALUE}).")
  HostPort listen;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data",
      description = "Directory for the H2 database, the bootstrap admin token file and TLS"
          + " material [TOLLGATE_DATA_DIR] (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--database-url", paramLabel = "JDBC-URL",
      description = "jdbc:postgresql://HOST[:PORT]/DATABASE to store tokens in PostgreSQL instead"
          + " of H2 in the data directory [TOLLGATE_DATABASE_URL].")
  String databaseUrl;

  @Option(names = "--database-user", paramLabel = "USER",
      description = "Database user [TOLLGATE_DATABASE_USER].")
  String databaseUser;

  @Option(names = "--database-password", paramLabel = "PASSWORD",
      description = "Database password; prefer the environment variable [TOLLGATE_DATABASE_PASSWORD].")
  String databasePassword;

  @Mixin
  OAuthOptions oauth;

  @Mixin
  TlsOptions tls;

  @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "200ms",
      converter = Durations.Positive.class,
      description = "How often this replica reads the change feed unasked; on PostgreSQL changes"
          + " also wake it at once [TOLLGATE_POLL_INTERVAL] (default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Option(names = "--reconcile-interval", paramLabel = "DURATION", defaultValue = "5m",
      converter = Durations.Positive.class,
      description = "How often this replica compares every stored token with its memory, the"
          + " safety net under the change feed [TOLLGATE_RECONCILE_INTERVAL]"
          + " (default: ${DEFAULT-VALUE}).")
  Duration reconcileInterval;

  @Option(names = "--purge-revoked-after", paramLabel = "DURATION",
      converter = Durations.PositiveOrOff.class,
      description = "Delete tokens revoked longer ago than this (checked every 10 minutes); their"
          + " events stay as the audit trail. Off unless set [TOLLGATE_PURGE_REVOKED_AFTER].")
  Duration purgeRevokedAfter;

  @Option(names = "--max-token-permissions", paramLabel = "N", defaultValue = "" + Limits.DEFAULT,
      converter = Limit.class,
      description = "Most permissions one database token may hold"
          + " [TOLLGATE_MAX_TOKEN_PERMISSIONS] (default: ${DEFAULT-VALUE}).")
  int maxTokenPermissions;

  @Option(names = "--max-revoke-ids", paramLabel = "N", defaultValue = "" + Limits.DEFAULT,
      converter = Limit.class,
      description = "Most token ids one revoke request may name [TOLLGATE_MAX_REVOKE_IDS]"
          + " (default: ${DEFAULT-VALUE}).")
  int maxRevokeIds;

  @Option(names = "--max-authorize-permissions", paramLabel = "N",
      defaultValue = "" + Limits.DEFAULT, converter = Limit.class,
      description = "Most permissions one Authorize request may ask about"
          + " [TOLLGATE_MAX_AUTHORIZE_PERMISSIONS] (default: ${DEFAULT-VALUE}).")
  int maxAuthorizePermissions;

  @Option(names = "--max-management-token-lifetime", paramLabel = "DURATION",
      converter = Durations.Lifetime.class,
      description = "Longest a new management token may live, e.g. 90d; a create without"
          + " --expires-at, or with a later one, is refused [TOLLGATE_MAX_MANAGEMENT_TOKEN_LIFETIME]"
          + " (default: no limit).")
  Duration maxManagementTokenLifetime;

  @Option(names = "--max-database-token-lifetime", paramLabel = "DURATION",
      converter = Durations.Lifetime.class,
      description = "Longest a new database token may live, e.g. 365d"
          + " [TOLLGATE_MAX_DATABASE_TOKEN_LIFETIME] (default: no limit).")
  Duration maxDatabaseTokenLifetime;

  @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
      converter = LogFormat.class,
      description = "Log lines as text, or as one JSON object each (time, level, logger, message,"
          + " and each call's rpc, status, duration_ms, caller, error_id) [TOLLGATE_LOG_FORMAT]"
          + " (default: ${DEFAULT-VALUE}).")
  String logFormat;

  @Option(names = "--metrics-listen", paramLabel = "HOST:PORT",
      converter = HostPort.ListenOrOff.class,
      description = "Serve Prometheus metrics at http://HOST:PORT/metrics [TOLLGATE_METRICS_LISTEN]"
          + " (default: off).")
  HostPort metricsListen;

  @Option(names = "--http-listen", paramLabel = "HOST:PORT|off", defaultValue = "127.0.0.1:8092",
      converter = HostPort.ListenOrOff.class,
      description = "Serve the Management HTTP API at http://HOST:PORT: the v0 database-token paths,"
          + " Tollgate's own under /api/tollgate/v1, its OpenAPI document at /api/openapi.yaml,"
          + " and the web console at /console/; https:// with TLS (the certificate gRPC serves); without TLS on a loopback"
          + " address only; off for none [TOLLGATE_HTTP_LISTEN] (default: ${DEFAULT-VALUE}).")
  HostPort httpListen;

  @Option(names = "--account-id", paramLabel = "ID",
      description = "With --cluster-id: also serve the HTTP API's v0 paths in their Cloud Dedicated"
          + " form, /api/v0/accounts/ID/clusters/CLUSTER-ID/tokens, as the Terraform provider and"
          + " InfluxData's MCP server send them; other ids are answered 404"
          + " [TOLLGATE_ACCOUNT_ID] (default: none).")
  String accountId;

  @Option(names = "--cluster-id", paramLabel = "ID",
      description = "This cluster's id in those paths; goes with --account-id"
          + " [TOLLGATE_CLUSTER_ID] (default: none).")
  String clusterId;

  @Mixin
  CallOptions calls;

  @Option(names = "--ready-file", paramLabel = "FILE",
      description = "Once serving (tokens loaded, health SERVING), write the address it listens"
          + " on to this file as one line HOST:PORT, the port bound for --listen HOST:0 (and"
          + " unless --http-listen is off a second line http://HOST:PORT, or https://); removed"
          + " when the server stops"
          + " [TOLLGATE_READY_FILE] (default: none).")
  Path readyFile;

  @Option(names = "--rotate-bootstrap-admin",
      description = "Replace the bootstrap admin token with a new one in DATA-DIR/admin-token.json;"
          + " the old one is refused from then on. Once, not on every start.")
  boolean rotateBootstrapAdmin;

  @Option(names = "--disable-bootstrap-admin",
      description = "Refuse the bootstrap admin token and remove DATA-DIR/admin-token.json; give"
          + " it on every start, or a start without it (and without OAuth) makes a new one.")
  boolean disableBootstrapAdmin;

  /** Checks the options that depend on each other and makes the server's configuration. */
  ServerConfig config() {
    Path directory = dataDir.toAbsolutePath().normalize();
    return usage(() -> new ServerConfig(listen.socketAddress(), directory, database(directory),
        oauth.settings(), tls.tls(), new ServerConfig.Following(pollInterval, reconcileInterval,
            Optional.ofNullable(purgeRevokedAfter)),
        new Limits(maxTokenPermissions, maxRevokeIds, maxAuthorizePermissions,
            Optional.ofNullable(maxManagementTokenLifetime),
            Optional.ofNullable(maxDatabaseTokenLifetime)),
        calls.calls(), Optional.ofNullable(metricsListen).map(HostPort::socketAddress),
        httpListen().map(HostPort::socketAddress), cluster(), oauth.consoleClient()));
  }

  /** {@code --account-id} and {@code --cluster-id}, which go together. */
  private Optional<ClusterIds> cluster() {
    boolean account = accountId != null && !accountId.isBlank();
    boolean cluster = clusterId != null && !clusterId.isBlank();
    if (account != cluster) {
      throw new IllegalArgumentException("--account-id and --cluster-id go together; "
          + (account ? "--cluster-id" : "--account-id") + " is missing");
    }
    return account ? Optional.of(new ClusterIds(accountId.strip(), clusterId.strip()))
        : Optional.empty();
  }

  /** {@code --http-listen}, which without TLS speaks plaintext and so is refused off loopback. */
  private Optional<HostPort> httpListen() {
    if (httpListen != null && tls.tls() instanceof ServerConfig.Tls.Disabled
        && !Loopback.isLoopback(httpListen.host())) {
      throw new IllegalArgumentException("--http-listen \"" + httpListen + "\": without TLS the"
          + " HTTP API speaks plaintext, so it listens on loopback only; give 127.0.0.1:PORT or"
          + " [::1]:PORT, or serve TLS (--tls-cert and --tls-key, or --tls-self-signed)");
    }
    return Optional.ofNullable(httpListen);
  }

  private DatabaseSettings database(Path directory) {
    return databaseUrl == null || databaseUrl.isBlank() ? DatabaseSettings.h2In(directory)
        : new DatabaseSettings(databaseUrl.strip(), Optional.ofNullable(databaseUser),
            Optional.ofNullable(databasePassword), 16);
  }

  /** What to do with the bootstrap admin token at this start. */
  Change bootstrapChange() {
    if (rotateBootstrapAdmin && disableBootstrapAdmin) {
      throw new ParameterException(spec.commandLine(), "--rotate-bootstrap-admin and"
          + " --disable-bootstrap-admin contradict each other; give one of them");
    }
    return rotateBootstrapAdmin ? Change.ROTATE : disableBootstrapAdmin ? Change.DISABLE
        : Change.NONE;
  }

  /** {@code --ready-file}, if given. */
  Optional<Path> readyFile() {
    return Optional.ofNullable(readyFile);
  }

  /** A refusal of what the options say together, reported as a mistake of the command line. */
  private <T> T usage(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** {@code text} or {@code json}, in any case. */
  static final class LogFormat implements ITypeConverter<String> {
    @Override
    public String convert(String text) {
      String format = text.strip().toLowerCase(Locale.ROOT);
      if (!format.equals("text") && !format.equals("json")) {
        throw new BadValue("is not a log format; expected text or json");
      }
      return format;
    }
  }
}
