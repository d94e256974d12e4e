package dev.tollgate.app;

import dagger.Module;
import dagger.Provides;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.port.out.BootstrapTokenStore;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.IdGenerator;
import dev.tollgate.domain.port.out.RandomSource;
import dev.tollgate.grpc.OAuthSettings;
import dev.tollgate.persistence.DatabaseSettings;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The server's real world: configuration, the system clock, strong randomness, Netty on a port. */
@Module
final class ServerModule {

  private ServerModule() {}

  @Provides
  static DatabaseSettings databaseSettings(ServerConfig config) {
    return config.database();
  }

  @Provides
  static Optional<OAuthSettings> oauthSettings(ServerConfig config) {
    return config.oauth();
  }

  @Provides
  @Singleton
  static Clock clock() {
    return Instant::now;
  }

  @Provides
  @Singleton
  static RandomSource randomSource() {
    SecureRandom random = new SecureRandom();
    return random::nextBytes;
  }

  @Provides
  @Singleton
  static IdGenerator idGenerator() {
    return () -> new TokenId(UUID.randomUUID());
  }

  @Provides
  @Singleton
  static BootstrapTokenStore bootstrapTokenStore(ServerConfig config) {
    return new FileBootstrapTokenStore(config.adminTokenFile());
  }

  @Provides
  static ServerBuilder<?> serverBuilder(ServerConfig config) {
    return NettyServerBuilder.forAddress(config.listen(), credentials(config));
  }

  private static ServerCredentials credentials(ServerConfig config) {
    ServerConfig.Tls tls = config.tls();
    if (tls instanceof ServerConfig.Tls.SelfSigned) {
      tls = SelfSignedCertificate.ensure(config.dataDirectory(), config.listen().getHostString(),
          Instant.now());
    }
    if (tls instanceof ServerConfig.Tls.Files files) {
      try {
        return TlsServerCredentials.create(files.certificate().toFile(), files.privateKey().toFile());
      } catch (IOException | IllegalArgumentException e) {
        throw new UncheckedIOException(new IOException("cannot use TLS certificate "
            + files.certificate() + " with key " + files.privateKey() + ": " + e.getMessage()
            + "; expected PEM files, the key in PKCS#8", e));
      }
    }
    return InsecureServerCredentials.create();
  }
}
