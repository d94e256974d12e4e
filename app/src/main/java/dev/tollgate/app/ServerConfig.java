package dev.tollgate.app;

import dev.tollgate.domain.model.Limits;
import dev.tollgate.http.ClusterIds;
import dev.tollgate.http.OAuthSignIn;
import dev.tollgate.oauth.OAuthSettings;
import dev.tollgate.persistence.DatabaseSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code tollgate serve} was told, checked and typed; the one configuration object
 * the server's component is built from.
 */
public record ServerConfig(InetSocketAddress listen, Path dataDirectory, DatabaseSettings database,
    Optional<OAuthSettings> oauth, Tls tls, Following following, Limits limits, Calls calls,
    Optional<InetSocketAddress> metricsListen, Optional<InetSocketAddress> httpListen,
    Optional<ClusterIds> cluster, Optional<ConsoleClient> consoleClient) {

  public ServerConfig {
    Objects.requireNonNull(consoleClient, "consoleClient");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(metricsListen, "metricsListen");
    Objects.requireNonNull(httpListen, "httpListen");
    Objects.requireNonNull(following, "following");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(calls, "calls");
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(oauth, "oauth");
    Objects.requireNonNull(tls, "tls");
  }

  /** Where the bootstrap admin token file lives. */
  public Path adminTokenFile() {
    return dataDirectory.resolve("admin-token.json");
  }

  /**
   * How this replica follows the store's change feed.
   *
   * @param pollInterval how often it reads the feed unasked
   * @param reconcileInterval how often it compares every stored token with its memory
   * @param purgeRevokedAfter how long after its revocation a token is deleted, if ever
   */
  public record Following(Duration pollInterval, Duration reconcileInterval,
      Optional<Duration> purgeRevokedAfter) {

    public Following {
      Objects.requireNonNull(pollInterval, "pollInterval");
      Objects.requireNonNull(reconcileInterval, "reconcileInterval");
      Objects.requireNonNull(purgeRevokedAfter, "purgeRevokedAfter");
    }
  }

  /**
   * How many calls and connections the server takes on at once, and for how long.
   *
   * @param authorizeInFlight Authorize calls admitted at once; more get RESOURCE_EXHAUSTED
   * @param managementInFlight management-API calls admitted at once, in their own budget
   * @param perConnection calls one HTTP/2 connection may have open at once
   * @param connectionIdle how long a connection without calls is kept
   * @param connectionAge how long any connection is kept before the client is asked to reconnect
   *     (so that load spreads again over replicas)
   * @param resetsPer10s RST_STREAM frames a connection may send in 10 s before it is closed
   * @param keepalive how often the server pings a connection that sends nothing
   * @param keepaliveTimeout how long it waits for the answer before closing the connection
   * @param minClientPing how often a client may ping at most; more often closes the connection
   * @param requestTimeout how long a call may take to send its request; then it is closed
   */
  public record Calls(int authorizeInFlight, int managementInFlight, int perConnection,
      Duration connectionIdle, Duration connectionAge, int resetsPer10s, Duration keepalive,
      Duration keepaliveTimeout, Duration minClientPing, Duration requestTimeout) {

    public Calls {
      Objects.requireNonNull(connectionIdle, "connectionIdle");
      Objects.requireNonNull(connectionAge, "connectionAge");
      Objects.requireNonNull(keepalive, "keepalive");
      Objects.requireNonNull(keepaliveTimeout, "keepaliveTimeout");
      Objects.requireNonNull(minClientPing, "minClientPing");
      Objects.requireNonNull(requestTimeout, "requestTimeout");
    }
  }

  /**
   * The public OAuth client the web console signs people in as, at the identity provider of
   * {@link #oauth()}.
   *
   * @param scope the scopes it asks for, separated by spaces
   */
  public record ConsoleClient(String clientId, String scope) {

    public ConsoleClient {
      OAuthSignIn.requireClientId("--oauth-console-client-id", clientId);
      OAuthSignIn.requireScope("--oauth-console-scope", scope);
    }
  }

  /** How the server speaks TLS, if at all. */
  public sealed interface Tls {

    /** Plaintext gRPC, for loopback and private networks behind a TLS-terminating proxy. */
    record Disabled() implements Tls {}

    /** A certificate chain and its PKCS#8 private key, both PEM files. */
    record Files(Path certificate, Path privateKey) implements Tls {}

    /** A self-signed certificate kept in the data directory, made on first start. */
    record SelfSigned() implements Tls {}
  }
}
