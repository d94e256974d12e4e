package dev.tollgate.app;

import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase;
import dev.tollgate.files.TokenFile;
import dev.tollgate.oauth.OAuthSettings;
import dev.tollgate.persistence.DatabaseSettings;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real server, as {@code tollgate serve} builds it (its Dagger component, interceptors in
 * their order, call admission, the replica and its follower, H2 in a data directory), on the
 * in-process transport and the test's clock: what grpc-java's RouteGuideServerTest does with the
 * real server class. Starts in well under a second.
 */
final class InProcessServer implements AutoCloseable {

  static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  final ControllableClock clock = new ControllableClock(START);
  final ServerComponent component;
  final TollgateServer server;
  final ManagedChannel channel;
  /** The bootstrap admin's token string, as its file in the data directory holds it. */
  final String bootstrapAdmin;

  InProcessServer(Path dataDirectory, Optional<OAuthSettings> oauth, ServerConfig.Calls calls)
      throws IOException {
    ServerConfig config = new ServerConfig(new InetSocketAddress("127.0.0.1", 0), dataDirectory,
        DatabaseSettings.h2In(dataDirectory), oauth, new ServerConfig.Tls.Disabled(),
        defaults(dataDirectory).following(), Limits.defaults(), calls, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
    String name = InProcessServerBuilder.generateName();
    component = DaggerServerComponent.factory().create(config, clock,
        InProcessServerBuilder.forName(name));
    component.provisionBootstrapAdmin().provision(new ProvisionBootstrapAdminUseCase.Command(true));
    bootstrapAdmin = TokenFile.read(config.adminTokenFile());
    server = component.server();
    server.start();
    component.replica().start();
    server.markServing();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  InProcessServer(Path dataDirectory) throws IOException {
    this(dataDirectory, Optional.empty(), defaults(dataDirectory).calls());
  }

  /** What {@code tollgate serve --data-dir DIR} is configured with: the options' own defaults. */
  static ServerConfig defaults(Path dataDirectory) {
    return ServeOptionsTest.config(java.util.Map.of(), "--data-dir", dataDirectory.toString());
  }

  /** Presents {@code credential} as {@code authorization: Bearer …}. */
  static CallCredentials bearer(String credential) {
    return TollgateJar.bearer(credential);
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop(Duration.ofSeconds(5));
    component.replica().stop();
    for (AutoCloseable resource : component.resources()) {
      try {
        resource.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing " + resource, e);
      }
    }
  }
}
