package dev.tollgate.cli;

import dev.tollgate.net.CredentialExpiry;
import dev.tollgate.net.DaemonThreads;
import dev.tollgate.net.Loopback;
import dev.tollgate.proto.management.v1.BackupServiceGrpc;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.ManagementTokenServiceGrpc;
import dev.tollgate.proto.management.v1.ReplicaServiceGrpc;
import dev.tollgate.proto.management.v1.TokenEventServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A channel to the profile's server that presents the profile's credential on every call. */
final class Connection implements AutoCloseable {

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final ClientProfile profile;
  private final Duration timeout;
  private final ManagedChannel channel;
  private final EventLoopGroup eventLoop;
  private final ExecutorService resolver;
  private final CallCredentials bearer;
  private final Optional<OAuthSignIn> signIn;
  private final Optional<PrintWriter> warnings;
  /** When the management token presented expires, as the server last said; null until it does. */
  private final AtomicReference<Instant> credentialExpiresAt = new AtomicReference<>();

  Connection(ClientProfile profile, Duration timeout) {
    this(profile, timeout, Optional.empty(), Optional.empty());
  }

  /**
   * @param signIn where the credential came from when it is a cached sign-in, which is dropped
   *     when the server refuses it
   * @param warnings where to warn, at close, that the management token presented expires soon
   */
  Connection(ClientProfile profile, Duration timeout, Optional<OAuthSignIn> signIn,
      Optional<PrintWriter> warnings) {
    this.profile = profile;
    this.timeout = timeout;
    this.signIn = signIn;
    this.warnings = warnings;
    String credential = profile.credential().orElseThrow(() -> new CliException(
        "no credential to present to " + profile.target() + ": " + profile.credentialSource()));
    requireTlsOffThisMachine(profile, "its credential");
    this.bearer = new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + credential);
        applier.apply(headers);
      }
    };
    // an event loop of its own, ended on close: gRPC's shared one outlives the channel by a
    // second, and the JVM waits 300 ms at exit for threads still blocked in epoll
    ChannelCredentials credentials = credentials(profile.tls());
    this.eventLoop = new MultiThreadIoEventLoopGroup(1, DaemonThreads.named("tollgate-cli-io"),
        NioIoHandler.newFactory());
    // gRPC's shared executors are named with String.format, which loads the locale data (30 ms); a
    // command's callbacks are short and run where they arise, the name lookup on a thread of its own
    this.resolver = Executors.newSingleThreadExecutor(DaemonThreads.named("tollgate-cli-resolve"));
    this.channel = NettyChannelBuilder.forAddress(profile.host(), profile.port(), credentials)
        .eventLoopGroup(eventLoop).channelType(NioSocketChannel.class).directExecutor()
        .offloadExecutor(resolver).intercept(new CredentialExpiryListener()).build();
  }

  /**
   * Another connection to the same server for a load generator: its callbacks run on the
   * network threads, so they must never block.
   */
  ManagedChannel newLoadChannel() {
    return newLoadChannel(profile.host(), profile.port());
  }

  /**
   * A load generator's connection to another server of the same cluster (another replica),
   * reached as the profile reaches its own: with its TLS settings, and in plaintext only on
   * this machine, as what travels there are fresh token strings.
   */
  ManagedChannel newLoadChannel(String host, int port) {
    ClientProfile other = profile.at(host, port);
    requireTlsOffThisMachine(other, "fresh token strings");
    return Grpc.newChannelBuilderForAddress(host, port, credentials(other.tls())).directExecutor()
        .build();
  }

  /** Secrets travel in plaintext only to a loopback address. */
  private static void requireTlsOffThisMachine(ClientProfile profile, String what) {
    if (profile.tls().disable() && !Loopback.isLoopback(profile.host())) {
      throw new CliException("profile \"" + profile.name() + "\" would send " + what + " to "
          + profile.target() + " in clear text; plaintext is for loopback addresses only: use"
          + " TLS ([profile.tls] disable = false) or reach Tollgate through 127.0.0.1");
    }
  }

  /** The credential as call credentials, for stubs made on other channels. */
  CallCredentials bearer() {
    return bearer;
  }

  private static ChannelCredentials credentials(ClientProfile.Tls tls) {
    if (tls.disable()) {
      return InsecureChannelCredentials.create();
    }
    try {
      TlsChannelCredentials.Builder builder = TlsChannelCredentials.newBuilder();
      if (tls.insecure()) {
        builder.trustManager(InsecureTrustManagerFactory.INSTANCE.getTrustManagers());
      } else if (tls.ca().isPresent()) {
        builder.trustManager(tls.ca().get().toFile());
      }
      if (tls.cert().isPresent() != tls.key().isPresent()) {
        throw new CliException("[profile.tls] cert and key go together; one of them is missing");
      }
      if (tls.cert().isPresent()) {
        builder.keyManager(tls.cert().get().toFile(), tls.key().get().toFile());
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read TLS files of the profile: " + e.getMessage(), e);
    }
  }

  /**
   * After the server refused the credential: removes a cached sign-in, so the next command asks
   * for a new one, and says what to do; empty when the credential was not a sign-in.
   */
  Optional<String> forgetRefusedSignIn() {
    return signIn.map(cached -> {
      cached.logout();
      return "the cached sign-in was removed; run `tollgate auth login` to sign in again";
    });
  }

  ClientProfile profile() {
    return profile;
  }

  Duration timeout() {
    return timeout;
  }

  /** A management-token stub whose next call must finish within the timeout. */
  ManagementTokenServiceGrpc.ManagementTokenServiceBlockingStub managementTokens() {
    return ManagementTokenServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer)
        .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** A database-token stub whose next call must finish within the timeout. */
  DatabaseTokenServiceGrpc.DatabaseTokenServiceBlockingStub databaseTokens() {
    return DatabaseTokenServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer)
        .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** An audit-trail stub whose next call must finish within the timeout. */
  TokenEventServiceGrpc.TokenEventServiceBlockingStub tokenEvents() {
    return TokenEventServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer)
        .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** A replica-status stub whose next call must finish within the timeout. */
  ReplicaServiceGrpc.ReplicaServiceBlockingStub replica() {
    return ReplicaServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer)
        .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * A backup stub whose whole stream must finish within {@code limit}: longer than one call's
   * timeout, as a large store takes a while to copy and send.
   */
  BackupServiceGrpc.BackupServiceBlockingStub backups(Duration limit) {
    return BackupServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer)
        .withDeadlineAfter(limit.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Notes the expiry the server reports for the management token presented. */
  private final class CredentialExpiryListener implements ClientInterceptor {
    private static final Metadata.Key<String> HEADER =
        Metadata.Key.of(CredentialExpiry.HEADER, Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method,
        CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<R> listener, Metadata headers) {
          super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(
              listener) {
            @Override
            public void onHeaders(Metadata answer) {
              String expiresAt = answer.get(HEADER);
              if (expiresAt != null) {
                try {
                  credentialExpiresAt.set(Instant.parse(expiresAt));
                } catch (DateTimeParseException e) {
                  // not a time: nothing to warn about
                }
              }
              super.onHeaders(answer);
            }
          }, headers);
        }
      };
    }
  }

  /** Warns when the server said the management token presented expires within a week. */
  private void warnIfExpiringSoon() {
    Instant expiresAt = credentialExpiresAt.get();
    Instant now = Instant.now();
    if (expiresAt == null || warnings.isEmpty()
        || !Expiry.expiringWithin(TokenTimes.expiringAt(expiresAt), now, Expiry.SOON)) {
      return;
    }
    warnings.get().println("warn\tthe management token this command presents ("
        + profile.credentialSource() + ") expires at " + Times.format(expiresAt) + ", in "
        + Expiry.inWords(Duration.between(now, expiresAt)) + "; create another (tollgate"
        + " management create) and switch to it before then");
    warnings.get().flush();
  }

  @Override
  public void close() {
    warnIfExpiringSoon();
    channel.shutdownNow();
    resolver.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
      eventLoop.shutdownGracefully(0, 5, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
