package dev.tollgate.app;

import dev.tollgate.domain.model.Limits;
import dev.tollgate.grpc.OAuthSettings;
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
    Optional<OAuthSettings> oauth, Tls tls, Following following, Limits limits) {

  public ServerConfig {
    Objects.requireNonNull(following, "following");
    Objects.requireNonNull(limits, "limits");
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
   */
  public record Following(Duration pollInterval, Duration reconcileInterval) {

    public Following {
      Objects.requireNonNull(pollInterval, "pollInterval");
      Objects.requireNonNull(reconcileInterval, "reconcileInterval");
    }

    /** 200 ms and 5 minutes. */
    public static Following defaults() {
      return new Following(Duration.ofMillis(200), Duration.ofMinutes(5));
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
