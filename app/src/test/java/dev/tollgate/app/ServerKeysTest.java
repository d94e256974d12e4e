package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.InMemoryTollgate;
import dev.tollgate.http.HttpServer;
import dev.tollgate.http.HttpSettings;
import io.grpc.Server;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's keys, as both doors serve them: the certificate of the files, and after the files
 * are replaced and the periodic check has run (here run by the test, not waited for), the new one.
 */
class ServerKeysTest {

  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  @TempDir
  Path work;

  @Test
  void replacedCertificateFiles_afterTheReloadCheck_areServedByBothDoors() throws Exception {
    ServerConfig.Tls.Files first = SelfSignedCertificate.ensure(work.resolve("first"),
        "127.0.0.1", NOW);
    ServerConfig.Tls.Files second = SelfSignedCertificate.ensure(work.resolve("second"),
        "127.0.0.1", NOW);
    Path certificate = Files.copy(first.certificate(), work.resolve("tls.crt"));
    Path key = Files.copy(first.privateKey(), work.resolve("tls.key"));
    ServerConfig config = ServeOptionsTest.config(Map.of(), "--data-dir",
        work.resolve("data").toString(), "--listen", "127.0.0.1:0", "--tls-cert",
        certificate.toString(), "--tls-key", key.toString());
    ManualSchedule files = new ManualSchedule();
    InMemoryTollgate tollgate = InMemoryTollgate.startingAt(NOW);
    Certificate old = read(first);
    Certificate renewed = read(second);

    try (ServerKeys keys = ServerKeys.load(config, SystemClock.CLOCK, files);
        HttpServer http = new HttpServer(HttpSettings.defaults(new InetSocketAddress("127.0.0.1",
            0)), tollgate.useCases(), Optional.of(keys.sslContext())).start()) {
      Server grpc = NettyTransport.builder(config, Optional.of(keys)).build().start();
      try {
        assertThat(files.periods).as("the files' check").containsExactly(ServerKeys.RELOAD);
        assertThat(servedCertificate(http.port(), "http/1.1", old, renewed)).isEqualTo(old);
        assertThat(servedCertificate(grpc.getPort(), "h2", old, renewed)).isEqualTo(old);

        replace(certificate, second.certificate());
        replace(key, second.privateKey());
        assertThat(servedCertificate(http.port(), "http/1.1", old, renewed))
            .as("before the check").isEqualTo(old);
        files.runChecks();

        assertThat(servedCertificate(http.port(), "http/1.1", old, renewed)).isEqualTo(renewed);
        assertThat(servedCertificate(grpc.getPort(), "h2", old, renewed)).isEqualTo(renewed);
      } finally {
        grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
    assertThat(files.isShutdown()).as("closed with the keys").isTrue();
  }

  @Test
  void keyThatIsNoPem_load_isRefusedNamingTheFiles() throws Exception {
    Path certificate = Files.writeString(work.resolve("tls.crt"), "not a certificate");
    Path key = Files.writeString(work.resolve("tls.key"), "not a key");
    ServerConfig config = ServeOptionsTest.config(Map.of(), "--data-dir",
        work.resolve("data").toString(), "--tls-cert", certificate.toString(), "--tls-key",
        key.toString());
    ManualSchedule files = new ManualSchedule();

    assertThatThrownBy(() -> ServerKeys.load(config, SystemClock.CLOCK, files))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot use TLS certificate " + certificate + " with key " + key)
        .hasMessageContaining("expected PEM files, the key in PKCS#8");
    assertThat(files.isShutdown()).isTrue();
  }

  @Test
  void plaintext_load_hasNoKeys() {
    assertThat(ServerKeys.load(ServeOptionsTest.config(Map.of(), "--data-dir",
        work.resolve("data").toString()), SystemClock.CLOCK)).isEmpty();
  }

  /** Replaces the file as cert-manager would, a minute newer than the one it replaces. */
  private static void replace(Path file, Path with) throws Exception {
    FileTime before = Files.getLastModifiedTime(file);
    Files.copy(with, file, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(file, FileTime.from(before.toInstant().plus(Duration.ofMinutes(1))));
  }

  private static Certificate read(ServerConfig.Tls.Files pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem.certificate())) {
      return CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  /**
   * The certificate a new TLS connection to the port is shown, offering {@code protocol} by ALPN;
   * a client of its own each time, so no session is resumed.
   */
  private static Certificate servedCertificate(int port, String protocol,
      Certificate... trust) throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    for (int i = 0; i < trust.length; i++) {
      trusted.setCertificateEntry("trusted-" + i, trust[i]);
    }
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
        TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trusted);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, trustManagers.getTrustManagers(), null);
    try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1",
        port)) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setApplicationProtocols(new String[] {protocol});
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return socket.getSession().getPeerCertificates()[0];
    }
  }

  /**
   * An executor that runs what is scheduled on it again and again only when the test says so:
   * the file checks, without waiting for their period.
   */
  private static final class ManualSchedule extends ScheduledThreadPoolExecutor {

    final List<Runnable> checks = new CopyOnWriteArrayList<>();
    final List<Duration> periods = new CopyOnWriteArrayList<>();

    ManualSchedule() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay,
        long delay, TimeUnit unit) {
      return record(command, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay,
        long period, TimeUnit unit) {
      return record(command, period, unit);
    }

    private ScheduledFuture<?> record(Runnable command, long period, TimeUnit unit) {
      checks.add(command);
      periods.add(Duration.ofNanos(unit.toNanos(period)));
      return schedule(() -> { }, 365, TimeUnit.DAYS);
    }

    void runChecks() {
      checks.forEach(Runnable::run);
    }
  }
}
