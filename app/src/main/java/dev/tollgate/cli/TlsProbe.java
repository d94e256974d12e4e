package dev.tollgate.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Asks a server that failed a plaintext call whether it speaks TLS: one handshake that trusts any
 * certificate and sends nothing else (no credential), only after a failure, so that the message
 * can say what to set instead of showing how the connection broke.
 */
final class TlsProbe {

  private static final int TIMEOUT_MILLIS = 2_000;

  private TlsProbe() {}

  /** Whether a TLS handshake with the address completes. */
  static boolean speaksTls(String host, int port) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AnyCertificate()}, null);
      try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
        socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.startHandshake();
        return true;
      }
    } catch (IOException | GeneralSecurityException e) {
      return false;
    }
  }

  /** Accepts any certificate: the probe only asks whether TLS is spoken, it trusts nothing. */
  private static final class AnyCertificate implements X509TrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      // not a server
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // whether the server speaks TLS is the only question
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
