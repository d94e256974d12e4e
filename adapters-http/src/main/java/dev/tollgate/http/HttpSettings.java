package dev.tollgate.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP door's address and bounds (threads, open connections, request header and body sizes,
 * and how long an idle connection is kept), the cluster it answers for, if configured, and how the
 * web console signs people in at the identity provider, if it does.
 */
public record HttpSettings(InetSocketAddress listen, int maxThreads, int maxConnections,
    int maxHeaderBytes, int maxBodyBytes, Duration idleTimeout, Optional<ClusterIds> cluster,
    Optional<OAuthSignIn> signIn) {

  public HttpSettings {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(signIn, "signIn");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    positive("maxThreads", maxThreads);
    positive("maxConnections", maxConnections);
    positive("maxHeaderBytes", maxHeaderBytes);
    positive("maxBodyBytes", maxBodyBytes);
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout " + idleTimeout + " is not positive");
    }
  }

  /** The defaults on the address: 32 threads, 256 connections, 8 KiB headers, 64 KiB bodies, 30 s. */
  public static HttpSettings defaults(InetSocketAddress listen) {
    return new HttpSettings(listen, 32, 256, 8 * 1024, HttpApi.DEFAULT_MAX_BODY_BYTES,
        Duration.ofSeconds(30), Optional.empty(), Optional.empty());
  }

  /** The same, answering the Cloud Dedicated form of the v0 paths for {@code ids}. */
  public HttpSettings withCluster(ClusterIds ids) {
    return new HttpSettings(listen, maxThreads, maxConnections, maxHeaderBytes, maxBodyBytes,
        idleTimeout, Optional.of(ids), signIn);
  }

  /** The same, with the web console offering to sign in at the identity provider. */
  public HttpSettings withSignIn(OAuthSignIn oauth) {
    return new HttpSettings(listen, maxThreads, maxConnections, maxHeaderBytes, maxBodyBytes,
        idleTimeout, cluster, Optional.of(oauth));
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " " + value + " is not positive");
    }
  }
}
