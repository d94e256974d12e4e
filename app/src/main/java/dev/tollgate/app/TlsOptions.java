package dev.tollgate.app;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code tollgate serve}'s TLS: none, a certificate and key, or a self-signed certificate. */
final class TlsOptions {

  @Option(names = "--tls-cert", paramLabel = "PEM",
      description = "TLS certificate chain (PEM) [TOLLGATE_TLS_CERT].")
  Path certificate;

  @Option(names = "--tls-key", paramLabel = "PEM",
      description = "TLS private key (PEM, PKCS#8) [TOLLGATE_TLS_KEY].")
  Path key;

  @Option(names = "--tls-self-signed",
      description = "Serve TLS with a self-signed certificate kept in DATA-DIR/tls"
          + " [TOLLGATE_TLS_SELF_SIGNED].")
  boolean selfSigned;

  /**
   * How the server speaks TLS.
   *
   * @throws IllegalArgumentException for options that do not go together, or a missing file
   */
  ServerConfig.Tls tls() {
    if (selfSigned) {
      if (certificate != null || key != null) {
        throw new IllegalArgumentException(
            "--tls-self-signed cannot be combined with --tls-cert/--tls-key; choose one");
      }
      return new ServerConfig.Tls.SelfSigned();
    }
    if (certificate == null && key == null) {
      return new ServerConfig.Tls.Disabled();
    }
    if (certificate == null || key == null) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together; "
          + (certificate == null ? "--tls-cert" : "--tls-key") + " is missing");
    }
    for (Path file : new Path[] {certificate, key}) {
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException(file + " is not a readable file");
      }
    }
    return new ServerConfig.Tls.Files(certificate, key);
  }
}
