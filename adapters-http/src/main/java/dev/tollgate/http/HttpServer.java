package dev.tollgate.http;

import dev.tollgate.domain.service.UseCases;
import java.io.IOException;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP door's server: the {@link HttpApi}, and the web console in front of it, on Jetty at one
 * address, within the bounds of its {@link HttpSettings}, HTTP/1.1 in plaintext or over TLS. Start
 * it, ask its port, stop it.
 */
public final class HttpServer implements AutoCloseable {

  private final Server server;
  private final ServerConnector connector;

  /** The server in plaintext. */
  public HttpServer(HttpSettings settings, UseCases useCases) {
    this(settings, useCases, Optional.empty());
  }

  /**
   * The server, over TLS (HTTP/1.1) when given a context: every connection is served the
   * certificate its key manager holds at that moment, so a replaced one needs no restart here.
   */
  public HttpServer(HttpSettings settings, UseCases useCases, Optional<SSLContext> tls) {
    QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(),
        Math.min(4, settings.maxThreads()));
    threads.setName("tollgate-http");
    threads.setDaemon(true);
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(settings.maxHeaderBytes());
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    connector = new ServerConnector(server, connectionFactories(http, tls));
    connector.setHost(settings.listen().getHostString());
    connector.setPort(settings.listen().getPort());
    connector.setIdleTimeout(settings.idleTimeout().toMillis());
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(settings.maxConnections(), server));
    server.setHandler(new ConsoleHandler(HttpApi.handler(useCases, settings.maxBodyBytes(),
        settings.cluster(), settings.signIn()), settings.signIn()));
    server.setErrorHandler(HttpApi.errorHandler());
  }

  private static ConnectionFactory[] connectionFactories(HttpConfiguration http,
      Optional<SSLContext> tls) {
    if (tls.isEmpty()) {
      // HTTP/1.1 only: over HTTP/2 (h2c), a body refused before it was read whole (413) made
      // Jetty close the whole connection (GOAWAY) under the JDK's client, not just the stream
      return new ConnectionFactory[] {new HttpConnectionFactory(http)};
    }
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // the certificate need not name the host asked for (a self-signed one, an address)
    secure.setSniHostCheck(false);
    http.addCustomizer(secure);
    SslContextFactory.Server context = new SslContextFactory.Server();
    context.setSslContext(tls.get());
    return new ConnectionFactory[] {
        new SslConnectionFactory(context, HttpVersion.HTTP_1_1.asString()),
        new HttpConnectionFactory(http)};
  }

  /** Binds the address and starts answering. @throws IOException when it cannot listen there */
  public HttpServer start() throws IOException {
    try {
      server.start();
    } catch (IOException e) {
      stopQuietly();
      throw e;
    } catch (Exception e) {
      stopQuietly();
      throw new IOException("the HTTP server did not start: " + e.getMessage(), e);
    }
    return this;
  }

  /** The port bound, which differs from the one asked for when that was 0. */
  public int port() {
    return connector.getLocalPort();
  }

  /** Stops accepting, lets calls under way finish briefly, and closes every connection. */
  @Override
  public void close() {
    stopQuietly();
  }

  private void stopQuietly() {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping is best effort; nothing is left listening either way
    }
  }
}
