package dev.tollgate.app;

import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase;
import dev.tollgate.grpc.OAuthSettings;
import dev.tollgate.persistence.DatabaseSettings;
import dev.tollgate.text.GoDuration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tollgate serve}: the management API, the authorizer, health and reflection on one port. */
@Command(name = "serve", sortOptions = false, usageHelpAutoWidth = true,
    description = "Run the Tollgate server. Every option can also be set with the environment"
        + " variable named in brackets.")
public final class ServeCommand implements Callable<Integer> {

  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  @Spec
  CommandSpec spec;

  @Option(names = "--listen", paramLabel = "HOST:PORT",
      defaultValue = "${env:TOLLGATE_LISTEN:-127.0.0.1:8091}",
      description = "Address to listen on [TOLLGATE_LISTEN] (default: ${DEFAULT-VALUE}).")
  String listen;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:TOLLGATE_DATA_DIR:-./data}",
      description = "Directory for the H2 database, the bootstrap admin token file and TLS"
          + " material [TOLLGATE_DATA_DIR] (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--database-url", paramLabel = "JDBC-URL",
      defaultValue = "${env:TOLLGATE_DATABASE_URL}",
      description = "jdbc:postgresql://HOST[:PORT]/DATABASE to store tokens in PostgreSQL instead"
          + " of H2 in the data directory [TOLLGATE_DATABASE_URL].")
  String databaseUrl;

  @Option(names = "--database-user", paramLabel = "USER", defaultValue = "${env:TOLLGATE_DATABASE_USER}",
      description = "Database user [TOLLGATE_DATABASE_USER].")
  String databaseUser;

  @Option(names = "--database-password", paramLabel = "PASSWORD",
      defaultValue = "${env:TOLLGATE_DATABASE_PASSWORD}",
      description = "Database password; prefer the environment variable [TOLLGATE_DATABASE_PASSWORD].")
  String databasePassword;

  @Option(names = "--oauth-issuer", paramLabel = "URL", defaultValue = "${env:TOLLGATE_OAUTH_ISSUER}",
      description = "Issuer (iss) the identity provider puts in access tokens [TOLLGATE_OAUTH_ISSUER].")
  String oauthIssuer;

  @Option(names = "--oauth-audience", paramLabel = "AUDIENCE",
      defaultValue = "${env:TOLLGATE_OAUTH_AUDIENCE}",
      description = "Audience (aud) access tokens must carry [TOLLGATE_OAUTH_AUDIENCE].")
  String oauthAudience;

  @Option(names = "--oauth-jwks", paramLabel = "FILE|URL", defaultValue = "${env:TOLLGATE_OAUTH_JWKS}",
      description = "The identity provider's keys: a JWKS file or its https:// URL"
          + " (Clustered's jwksEndpoint); without it, the jwks_uri of the issuer's OpenID"
          + " discovery document [TOLLGATE_OAUTH_JWKS].")
  String oauthJwks;

  @Option(names = "--oauth-users-file", paramLabel = "FILE",
      defaultValue = "${env:TOLLGATE_OAUTH_USERS_FILE}",
      description = "JSON list of the cluster's users as in Clustered's admin.users: id, firstName,"
          + " lastName, email, userGroups (Admin, Member, Auditor; Admin when absent)"
          + " [TOLLGATE_OAUTH_USERS_FILE].")
  Path oauthUsersFile;

  @Option(names = "--oauth-user-claim", paramLabel = "CLAIM",
      defaultValue = "${env:TOLLGATE_OAUTH_USER_CLAIM:-sub}",
      description = "Access-token claim holding the user id [TOLLGATE_OAUTH_USER_CLAIM]"
          + " (default: ${DEFAULT-VALUE}).")
  String oauthUserClaim;

  @Option(names = "--tls-cert", paramLabel = "PEM", defaultValue = "${env:TOLLGATE_TLS_CERT}",
      description = "TLS certificate chain (PEM) [TOLLGATE_TLS_CERT].")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", defaultValue = "${env:TOLLGATE_TLS_KEY}",
      description = "TLS private key (PEM, PKCS#8) [TOLLGATE_TLS_KEY].")
  Path tlsKey;

  @Option(names = "--tls-self-signed", defaultValue = "${env:TOLLGATE_TLS_SELF_SIGNED:-false}",
      description = "Serve TLS with a self-signed certificate kept in DATA-DIR/tls"
          + " [TOLLGATE_TLS_SELF_SIGNED].")
  boolean tlsSelfSigned;

  @Option(names = "--poll-interval", paramLabel = "DURATION",
      defaultValue = "${env:TOLLGATE_POLL_INTERVAL:-200ms}",
      description = "How often this replica reads the change feed unasked; on PostgreSQL changes"
          + " also wake it at once [TOLLGATE_POLL_INTERVAL] (default: ${DEFAULT-VALUE}).")
  String pollInterval;

  @Option(names = "--reconcile-interval", paramLabel = "DURATION",
      defaultValue = "${env:TOLLGATE_RECONCILE_INTERVAL:-5m}",
      description = "How often this replica compares every stored token with its memory, the"
          + " safety net under the change feed [TOLLGATE_RECONCILE_INTERVAL]"
          + " (default: ${DEFAULT-VALUE}).")
  String reconcileInterval;

  @Option(names = "--purge-revoked-after", paramLabel = "DURATION",
      defaultValue = "${env:TOLLGATE_PURGE_REVOKED_AFTER:-}",
      description = "Delete tokens revoked longer ago than this (checked every 10 minutes); their"
          + " events stay as the audit trail. Off unless set [TOLLGATE_PURGE_REVOKED_AFTER].")
  String purgeRevokedAfter;

  @Option(names = "--max-token-permissions", paramLabel = "N",
      defaultValue = "${env:TOLLGATE_MAX_TOKEN_PERMISSIONS:-1000}",
      description = "Most permissions one database token may hold"
          + " [TOLLGATE_MAX_TOKEN_PERMISSIONS] (default: ${DEFAULT-VALUE}).")
  String maxTokenPermissions;

  @Option(names = "--max-revoke-ids", paramLabel = "N",
      defaultValue = "${env:TOLLGATE_MAX_REVOKE_IDS:-1000}",
      description = "Most token ids one revoke request may name [TOLLGATE_MAX_REVOKE_IDS]"
          + " (default: ${DEFAULT-VALUE}).")
  String maxRevokeIds;

  @Option(names = "--max-authorize-permissions", paramLabel = "N",
      defaultValue = "${env:TOLLGATE_MAX_AUTHORIZE_PERMISSIONS:-1000}",
      description = "Most permissions one Authorize request may ask about"
          + " [TOLLGATE_MAX_AUTHORIZE_PERMISSIONS] (default: ${DEFAULT-VALUE}).")
  String maxAuthorizePermissions;

  @Option(names = "--metrics-listen", paramLabel = "HOST:PORT",
      defaultValue = "${env:TOLLGATE_METRICS_LISTEN}",
      description = "Serve Prometheus metrics at http://HOST:PORT/metrics [TOLLGATE_METRICS_LISTEN]"
          + " (default: off).")
  String metricsListen;

  @Option(names = "--log-format", paramLabel = "text|json",
      defaultValue = "${env:TOLLGATE_LOG_FORMAT:-text}",
      description = "Log lines as text, or as one JSON object each (time, level, logger, message,"
          + " and each call's rpc, status, duration_ms, caller, error_id) [TOLLGATE_LOG_FORMAT]"
          + " (default: ${DEFAULT-VALUE}).")
  String logFormat;

  @Option(names = "--max-management-token-lifetime", paramLabel = "DURATION",
      defaultValue = "${env:TOLLGATE_MAX_MANAGEMENT_TOKEN_LIFETIME}",
      description = "Longest a new management token may live, e.g. 90d; a create without"
          + " --expires-at, or with a later one, is refused [TOLLGATE_MAX_MANAGEMENT_TOKEN_LIFETIME]"
          + " (default: no limit).")
  String maxManagementTokenLifetime;

  @Option(names = "--max-database-token-lifetime", paramLabel = "DURATION",
      defaultValue = "${env:TOLLGATE_MAX_DATABASE_TOKEN_LIFETIME}",
      description = "Longest a new database token may live, e.g. 365d"
          + " [TOLLGATE_MAX_DATABASE_TOKEN_LIFETIME] (default: no limit).")
  String maxDatabaseTokenLifetime;

  @Option(names = "--max-resets-per-10s", paramLabel = "N",
      defaultValue = "${env:TOLLGATE_MAX_RESETS_PER_10S:-200}",
      description = "RST_STREAM frames a connection may send in 10 s before it is closed (the"
          + " HTTP/2 rapid-reset attack) [TOLLGATE_MAX_RESETS_PER_10S] (default: ${DEFAULT-VALUE}).")
  String maxResetsPer10s;

  @Option(names = "--keepalive", paramLabel = "DURATION",
      defaultValue = "${env:TOLLGATE_KEEPALIVE:-2m}",
      description = "How often the server pings a connection that sends nothing"
          + " [TOLLGATE_KEEPALIVE] (default: ${DEFAULT-VALUE}).")
  String keepalive;

  @Option(names = "--keepalive-timeout", paramLabel = "DURATION",
      defaultValue = "${env:TOLLGATE_KEEPALIVE_TIMEOUT:-20s}",
      description = "How long a ping may go unanswered before the connection is closed"
          + " [TOLLGATE_KEEPALIVE_TIMEOUT] (default: ${DEFAULT-VALUE}).")
  String keepaliveTimeout;

  @Option(names = "--min-client-ping", paramLabel = "DURATION",
      defaultValue = "${env:TOLLGATE_MIN_CLIENT_PING:-30s}",
      description = "How often a client may ping at most; more often closes its connection"
          + " [TOLLGATE_MIN_CLIENT_PING] (default: ${DEFAULT-VALUE}).")
  String minClientPing;

  @Option(names = "--rotate-bootstrap-admin",
      description = "Replace the bootstrap admin token with a new one in DATA-DIR/admin-token.json;"
          + " the old one is refused from then on. Once, not on every start.")
  boolean rotateBootstrapAdmin;

  @Option(names = "--disable-bootstrap-admin",
      description = "Refuse the bootstrap admin token and remove DATA-DIR/admin-token.json; give"
          + " it on every start, or a start without it (and without OAuth) makes a new one.")
  boolean disableBootstrapAdmin;

  @Option(names = "--max-authorize-calls", paramLabel = "N",
      defaultValue = "${env:TOLLGATE_MAX_AUTHORIZE_CALLS:-2000}",
      description = "Authorize calls in flight at once; more get RESOURCE_EXHAUSTED"
          + " [TOLLGATE_MAX_AUTHORIZE_CALLS] (default: ${DEFAULT-VALUE}).")
  String maxAuthorizeCalls;

  @Option(names = "--max-management-calls", paramLabel = "N",
      defaultValue = "${env:TOLLGATE_MAX_MANAGEMENT_CALLS:-64}",
      description = "Management-API calls in flight at once, a budget of their own"
          + " [TOLLGATE_MAX_MANAGEMENT_CALLS] (default: ${DEFAULT-VALUE}).")
  String maxManagementCalls;

  @Option(names = "--max-calls-per-connection", paramLabel = "N",
      defaultValue = "${env:TOLLGATE_MAX_CALLS_PER_CONNECTION:-1000}",
      description = "Calls one connection may have open at once"
          + " [TOLLGATE_MAX_CALLS_PER_CONNECTION] (default: ${DEFAULT-VALUE}).")
  String maxCallsPerConnection;

  @Option(names = "--max-connection-idle", paramLabel = "DURATION",
      defaultValue = "${env:TOLLGATE_MAX_CONNECTION_IDLE:-10m}",
      description = "How long a connection without calls is kept [TOLLGATE_MAX_CONNECTION_IDLE]"
          + " (default: ${DEFAULT-VALUE}).")
  String maxConnectionIdle;

  @Option(names = "--max-connection-age", paramLabel = "DURATION",
      defaultValue = "${env:TOLLGATE_MAX_CONNECTION_AGE:-30m}",
      description = "How long any connection is kept before its client is asked to reconnect,"
          + " so that load spreads over replicas again [TOLLGATE_MAX_CONNECTION_AGE]"
          + " (default: ${DEFAULT-VALUE}).")
  String maxConnectionAge;

  @Option(names = "--request-timeout", paramLabel = "DURATION",
      defaultValue = "${env:TOLLGATE_REQUEST_TIMEOUT:-5s}",
      description = "How long a call may take to send its request; a call that has not is closed"
          + " with DEADLINE_EXCEEDED and gives its place back [TOLLGATE_REQUEST_TIMEOUT]"
          + " (default: ${DEFAULT-VALUE}).")
  String requestTimeout;

  @Override
  public Integer call() throws Exception {
    ProvisionBootstrapAdminUseCase.Change bootstrapChange = bootstrapChange();
    // before anything is written to the data directory
    requireFreePort(listenAddress(), "--listen");
    metricsAddress().ifPresent(address -> requireFreePort(address, "--metrics-listen"));
    ServerConfig config = config();
    DataDirectoryLock lock = DataDirectoryLock.acquire(config.dataDirectory());
    Logger log = LoggerFactory.getLogger(ServeCommand.class);
    ServerComponent component = DaggerServerComponent.factory().create(config, SystemClock.CLOCK,
        NettyTransport.builder(config, SystemClock.CLOCK));
    BootstrapAdminReport.log(config.adminTokenFile(), config.oauth().isPresent(),
        component.provisionBootstrapAdmin().provision(new ProvisionBootstrapAdminUseCase.Command(
            config.oauth().isEmpty(), bootstrapChange)));
    TollgateServer server = component.server();
    try {
      server.start();
    } catch (IOException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new UncheckedIOException("cannot listen on " + listen + ": " + cause.getMessage()
          + "; is something else using the port? choose another --listen", e);
    }
    log.info("Tollgate listening on {}:{} ({}), database {}; loading tokens",
        config.listen().getHostString(), server.port(),
        config.tls() instanceof ServerConfig.Tls.Disabled ? "plaintext" : "TLS",
        config.database().describe());
    Replica replica = component.replica();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(log, server, replica, component),
        "tollgate-shutdown"));
    long loadStarted = System.nanoTime();
    replica.start();
    ServerMetrics.observe(component.openTelemetry(), replica, component.dataSource());
    config.metricsListen().ifPresent(metrics -> log.info("metrics at http://{}:{}/metrics",
        metrics.getHostString(), metrics.getPort()));
    server.markServing();
    log.info("Tollgate serving: {} tokens in memory, loaded in {} ms", replica.liveTokens(),
        (System.nanoTime() - loadStarted) / 1_000_000);
    server.awaitTermination();
    lock.release();
    return 0;
  }

  /** A port another process listens on is reported now, not after the database is opened. */
  private static void requireFreePort(InetSocketAddress address, String option) {
    if (address.getPort() == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(address);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address.getHostString() + ":"
          + address.getPort() + ": " + (e instanceof java.net.BindException
              ? "the port is in use (another Tollgate server?)" : e.getMessage())
          + "; stop what uses it, or choose another " + option, e);
    }
  }

  private static void stop(Logger log, TollgateServer server, Replica replica,
      ServerComponent component) {
    log.info("stopping: finishing calls in flight");
    try {
      server.stop(SHUTDOWN_GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    replica.stop();
    for (AutoCloseable resource : component.resources()) {
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("closing {} failed: {}", resource, e.getMessage());
      }
    }
    log.info("stopped");
  }

  private ProvisionBootstrapAdminUseCase.Change bootstrapChange() {
    if (rotateBootstrapAdmin && disableBootstrapAdmin) {
      throw new ParameterException(spec.commandLine(), "--rotate-bootstrap-admin and"
          + " --disable-bootstrap-admin contradict each other; give one of them");
    }
    return rotateBootstrapAdmin ? ProvisionBootstrapAdminUseCase.Change.ROTATE
        : disableBootstrapAdmin ? ProvisionBootstrapAdminUseCase.Change.DISABLE
        : ProvisionBootstrapAdminUseCase.Change.NONE;
  }

  /** Checks the options and turns them into the server's configuration. */
  ServerConfig config() {
    InetSocketAddress address = listenAddress();
    Optional<OAuthSettings> oauth = oauth();
    ServerConfig.Tls tls = tls();
    Path directory = dataDir.toAbsolutePath().normalize();
    DatabaseSettings database = databaseUrl == null || databaseUrl.isBlank()
        ? DatabaseSettings.h2In(directory)
        : usage(() -> new DatabaseSettings(databaseUrl.strip(), Optional.ofNullable(databaseUser),
            Optional.ofNullable(databasePassword), 16));
    ServerConfig.Following following = new ServerConfig.Following(
        duration("--poll-interval", "TOLLGATE_POLL_INTERVAL", pollInterval),
        duration("--reconcile-interval", "TOLLGATE_RECONCILE_INTERVAL", reconcileInterval),
        purgeRevokedAfter == null || purgeRevokedAfter.isBlank() ? Optional.empty()
            : Optional.of(duration("--purge-revoked-after", "TOLLGATE_PURGE_REVOKED_AFTER",
                purgeRevokedAfter)));
    Limits limits = new Limits(
        limit("--max-token-permissions", "TOLLGATE_MAX_TOKEN_PERMISSIONS", maxTokenPermissions),
        limit("--max-revoke-ids", "TOLLGATE_MAX_REVOKE_IDS", maxRevokeIds),
        limit("--max-authorize-permissions", "TOLLGATE_MAX_AUTHORIZE_PERMISSIONS",
            maxAuthorizePermissions),
        lifetime("--max-management-token-lifetime", "TOLLGATE_MAX_MANAGEMENT_TOKEN_LIFETIME",
            maxManagementTokenLifetime),
        lifetime("--max-database-token-lifetime", "TOLLGATE_MAX_DATABASE_TOKEN_LIFETIME",
            maxDatabaseTokenLifetime));
    ServerConfig.Calls calls = new ServerConfig.Calls(
        limit("--max-authorize-calls", "TOLLGATE_MAX_AUTHORIZE_CALLS", maxAuthorizeCalls),
        limit("--max-management-calls", "TOLLGATE_MAX_MANAGEMENT_CALLS", maxManagementCalls),
        limit("--max-calls-per-connection", "TOLLGATE_MAX_CALLS_PER_CONNECTION",
            maxCallsPerConnection),
        duration("--max-connection-idle", "TOLLGATE_MAX_CONNECTION_IDLE", maxConnectionIdle),
        duration("--max-connection-age", "TOLLGATE_MAX_CONNECTION_AGE", maxConnectionAge),
        limit("--max-resets-per-10s", "TOLLGATE_MAX_RESETS_PER_10S", maxResetsPer10s),
        duration("--keepalive", "TOLLGATE_KEEPALIVE", keepalive),
        duration("--keepalive-timeout", "TOLLGATE_KEEPALIVE_TIMEOUT", keepaliveTimeout),
        duration("--min-client-ping", "TOLLGATE_MIN_CLIENT_PING", minClientPing),
        timeout("--request-timeout", "TOLLGATE_REQUEST_TIMEOUT", requestTimeout));
    // only once every option is good is anything written
    Optional<InetSocketAddress> metrics = metricsAddress();
    if (!logFormat.strip().equalsIgnoreCase("text") && !logFormat.strip().equalsIgnoreCase("json")) {
      throw new ParameterException(spec.commandLine(), given("--log-format",
          "TOLLGATE_LOG_FORMAT", logFormat) + " is not a log format; expected text or json");
    }
    return new ServerConfig(address, createDataDirectory(directory), database, oauth, tls,
        following, limits, calls, metrics);
  }

  /** The option, or its variable when the option was not on the command line. */
  private String source(String option, String variable) {
    return spec.findOption(option).originalStringValues().isEmpty() ? variable : option;
  }

  /** A value as messages name it, by where it came from. */
  private String given(String option, String variable, String text) {
    return GoDuration.given(source(option, variable), text);
  }

  /** A limit from its option or, when the option was not given, its variable. */
  private int limit(String option, String variable, String text) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // explained below
    }
    throw new ParameterException(spec.commandLine(), given(option, variable, text)
        + " is not a limit; expected a whole number of at least 1, such as 1000");
  }

  /** A duration that must not be zero. */
  private Duration timeout(String option, String variable, String text) {
    Duration timeout = duration(option, variable, text);
    if (timeout.toMillis() < 1) {
      throw new ParameterException(spec.commandLine(), given(option, variable, text)
          + " is not a timeout; expected a duration of at least 1ms, such as 5s");
    }
    return timeout;
  }

  /** A lifetime policy: off when neither the option nor its variable is given. */
  private Optional<Duration> lifetime(String option, String variable, String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    if (text.strip().chars().allMatch(Character::isDigit)) {
      // a bare number here is days far more often than seconds
      throw new ParameterException(spec.commandLine(), given(option, variable, text)
          + " is not a duration; use " + text.strip() + "d for days");
    }
    Duration lifetime = duration(option, variable, text);
    if (lifetime.getSeconds() < 1) {
      throw new ParameterException(spec.commandLine(), given(option, variable, text)
          + " is shorter than a second; expected a lifetime such as 90d or 720h");
    }
    return Optional.of(lifetime);
  }

  private Duration duration(String option, String variable, String text) {
    return GoDuration.parse(text).orElseThrow(() -> new ParameterException(spec.commandLine(),
        GoDuration.notADuration(source(option, variable), text)));
  }

  private InetSocketAddress listenAddress() {
    return address("--listen", "TOLLGATE_LISTEN", listen);
  }

  /** {@code --metrics-listen}, if given. */
  private Optional<InetSocketAddress> metricsAddress() {
    return metricsListen == null || metricsListen.isBlank() ? Optional.empty()
        : Optional.of(address("--metrics-listen", "TOLLGATE_METRICS_LISTEN", metricsListen));
  }

  /** HOST:PORT from its option or, when the option was not given, its variable. */
  private InetSocketAddress address(String option, String variable, String value) {
    String text = value.strip();
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? "" : text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = colon < 0 ? -1 : Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    String named = given(option, variable, value);
    if (!host.isEmpty() && port > 65535) {
      throw new ParameterException(spec.commandLine(), named + ": port " + port + " is out of"
          + " range; expected 0 to 65535 (0: any free port)");
    }
    if (host.isEmpty() || port < 0) {
      throw new ParameterException(spec.commandLine(), named + " is not an address; expected"
          + " HOST:PORT such as 127.0.0.1:8091 or 0.0.0.0:8091");
    }
    return new InetSocketAddress(host, port);
  }

  private Path createDataDirectory(Path directory) {
    try {
      if (!Files.exists(directory)) {
        Files.createDirectories(directory,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + directory + ": "
          + e.getMessage(), e);
    }
    if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
      throw new ParameterException(spec.commandLine(), "--data-dir " + directory
          + " is not a writable directory");
    }
    ownerOnly(directory);
    return directory;
  }

  /** Reports and closes a data directory that others may enter: it holds the admin token. */
  private static void ownerOnly(Path directory) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
      Set<PosixFilePermission> owner = EnumSet.of(PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
      if (!owner.containsAll(permissions)) {
        LoggerFactory.getLogger(ServeCommand.class).warn("data directory {} could be read by"
            + " other users ({}); made it rwx------", directory,
            PosixFilePermissions.toString(permissions));
        Files.setPosixFilePermissions(directory, owner);
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own access rules apply
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restrict the data directory " + directory
          + " to its owner: " + e.getMessage(), e);
    }
  }

  private Optional<OAuthSettings> oauth() {
    java.util.List<String> missing = missingOAuthOptions();
    if (missing.size() == 3 && oauthJwks == null) {
      return Optional.empty();
    }
    if (!missing.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "OAuth needs all of --oauth-issuer,"
          + " --oauth-audience and --oauth-users-file (--oauth-jwks too, unless the issuer"
          + " publishes OpenID discovery); missing: " + String.join(", ", missing));
    }
    Optional<URI> jwks = Optional.empty();
    if (oauthJwks != null) {
      URI location = oauthJwks.matches("(?i)https?://.*") ? URI.create(oauthJwks)
          : Path.of(oauthJwks).toAbsolutePath().toUri();
      if ("file".equals(location.getScheme()) && !Files.isReadable(Path.of(location))) {
        throw new ParameterException(spec.commandLine(), "--oauth-jwks " + oauthJwks
            + " is neither a readable file nor an https:// URL");
      }
      jwks = Optional.of(location);
    }
    Optional<URI> keys = jwks;
    return Optional.of(usage(() -> new OAuthSettings(oauthIssuer, oauthAudience, keys,
        oauthUserClaim, UsersFile.read(oauthUsersFile))));
  }

  private java.util.List<String> missingOAuthOptions() {
    java.util.List<String> missing = new java.util.ArrayList<>();
    if (oauthIssuer == null) {
      missing.add("--oauth-issuer");
    }
    if (oauthAudience == null) {
      missing.add("--oauth-audience");
    }
    if (oauthUsersFile == null) {
      missing.add("--oauth-users-file");
    }
    return missing;
  }

  private ServerConfig.Tls tls() {
    if (tlsSelfSigned) {
      if (tlsCert != null || tlsKey != null) {
        throw new ParameterException(spec.commandLine(),
            "--tls-self-signed cannot be combined with --tls-cert/--tls-key; choose one");
      }
      return new ServerConfig.Tls.SelfSigned();
    }
    if (tlsCert == null && tlsKey == null) {
      return new ServerConfig.Tls.Disabled();
    }
    if (tlsCert == null || tlsKey == null) {
      throw new ParameterException(spec.commandLine(),
          "--tls-cert and --tls-key go together; " + (tlsCert == null ? "--tls-cert" : "--tls-key")
              + " is missing");
    }
    for (Path file : new Path[] {tlsCert, tlsKey}) {
      if (!Files.isReadable(file)) {
        throw new ParameterException(spec.commandLine(), file + " is not a readable file");
      }
    }
    return new ServerConfig.Tls.Files(tlsCert, tlsKey);
  }

  private <T> T usage(java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
