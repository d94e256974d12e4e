package dev.tollgate.app;

import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.net.DaemonThreads;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.util.AdvancedTlsX509KeyManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

/**
 * The server's TLS identity, made once for both doors: one key manager over the certificate and
 * key files (given, or the self-signed pair, renewed while the server runs), which reads them
 * again when they are replaced, within {@link #RELOAD}. gRPC and the HTTP door both serve from
 * it, so a replaced certificate reaches both at the same moment.
 */
final class ServerKeys implements AutoCloseable {

  /** How often the certificate and key files are checked for a replacement. */
  static final Duration RELOAD = Duration.ofMinutes(1);
  /** How often the self-signed certificate is checked for renewal. */
  static final Duration SELF_SIGNED_CHECK = Duration.ofHours(12);

  private final AdvancedTlsX509KeyManager keys;
  private final ScheduledExecutorService files;

  private ServerKeys(AdvancedTlsX509KeyManager keys, ScheduledExecutorService files) {
    this.keys = keys;
    this.files = files;
  }

  /** The keys {@code config} asks for, none for plaintext; its files read on a thread of its own. */
  static Optional<ServerKeys> load(ServerConfig config, Clock clock) {
    if (config.tls() instanceof ServerConfig.Tls.Disabled) {
      return Optional.empty();
    }
    return Optional.of(load(config, clock,
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("tollgate-tls"))));
  }

  /**
   * The keys {@code config} asks for (it must ask for TLS), the files checked again on
   * {@code files}, which this closes.
   *
   * @throws UncheckedIOException when the files are not a PEM certificate and its PKCS#8 key
   */
  static ServerKeys load(ServerConfig config, Clock clock, ScheduledExecutorService files) {
    ServerConfig.Tls tls = config.tls();
    if (tls instanceof ServerConfig.Tls.SelfSigned) {
      Path directory = config.dataDirectory();
      String host = config.listen().getHostString();
      tls = SelfSignedCertificate.ensure(directory, host, clock.now());
      // renewed a month before it expires, while the server runs; read again below
      files.scheduleWithFixedDelay(() -> SelfSignedCertificate.ensure(directory, host,
          clock.now()), SELF_SIGNED_CHECK.toHours(), SELF_SIGNED_CHECK.toHours(), TimeUnit.HOURS);
    }
    if (!(tls instanceof ServerConfig.Tls.Files pem)) {
      files.shutdownNow();
      throw new IllegalArgumentException("TLS " + tls + " has no keys; expected a certificate"
          + " and key, or a self-signed certificate");
    }
    try {
      AdvancedTlsX509KeyManager keys = new AdvancedTlsX509KeyManager();
      // read now, so that a bad file stops the start; then again whenever either is replaced
      keys.updateIdentityCredentials(pem.certificate().toFile(), pem.privateKey().toFile());
      keys.updateIdentityCredentials(pem.certificate().toFile(), pem.privateKey().toFile(),
          RELOAD.toSeconds(), TimeUnit.SECONDS, files);
      return new ServerKeys(keys, files);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      files.shutdownNow();
      throw new UncheckedIOException(new IOException("cannot use TLS certificate "
          + pem.certificate() + " with key " + pem.privateKey() + ": " + e.getMessage()
          + "; expected PEM files, the key in PKCS#8", e));
    }
  }

  /** gRPC's credentials on these keys. */
  ServerCredentials grpcCredentials() {
    return TlsServerCredentials.newBuilder().keyManager(keys).build();
  }

  /** A TLS context on these keys, for the HTTP door; it serves whatever they hold now. */
  SSLContext sslContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {keys}, null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot make a TLS context: " + e.getMessage(), e);
    }
  }

  /** Stops checking the files. */
  @Override
  public void close() {
    files.shutdownNow();
  }
}
