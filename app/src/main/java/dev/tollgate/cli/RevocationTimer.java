package dev.tollgate.cli;

import com.google.protobuf.ByteString;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import dev.tollgate.proto.authz.v1.Permission;
import dev.tollgate.proto.authz.v1.ResourceActionPermission;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Times how long after a revoke returns on the profile's server another replica refuses the
 * token: one token at a time, asking the other replica as fast as it answers.
 */
final class RevocationTimer {

  private static final Duration GIVE_UP = Duration.ofSeconds(30);
  private static final Permission READ = Permission.newBuilder().setResourceAction(
      ResourceActionPermission.newBuilder()
          .setResourceType(ResourceActionPermission.ResourceType.RESOURCE_TYPE_DATABASE)
          .setResourceName(BenchTokens.DATABASE)
          .setAction(ResourceActionPermission.Action.ACTION_READ)).build();

  private final BenchTokens tokens;
  private final String replica;
  private final ManagedChannel channel;
  private final Consumer<String> progress;

  /** Times revocations seen by the replica of that name, reached through the channel. */
  RevocationTimer(BenchTokens tokens, String replica, ManagedChannel channel,
      Consumer<String> progress) {
    this.tokens = tokens;
    this.replica = replica;
    this.channel = channel;
    this.progress = progress;
  }

  /** Nanoseconds from each revoke's return to the other replica's first refusal. */
  Histogram time(int count) throws InterruptedException {
    Histogram seen = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
    IoxAuthorizerServiceGrpc.IoxAuthorizerServiceBlockingStub other =
        IoxAuthorizerServiceGrpc.newBlockingStub(channel);
    for (int i = 1; i <= count; i++) {
      BenchTokens.Created token = tokens.create("tollgate bench: revocation " + i);
      AuthorizeRequest request = AuthorizeRequest.newBuilder()
          .setToken(ByteString.copyFromUtf8(token.secret())).addPermissions(READ).build();
      if (!authorize(other, request)) {
        throw new CliException("replica " + replica + " does not accept a token just created"
            + " through the profile's server; do both use the same --database-url?");
      }
      tokens.revoke(token.id());
      long revoked = System.nanoTime();
      while (authorize(other, request)) {
        if (System.nanoTime() - revoked > GIVE_UP.toNanos()) {
          throw new CliException("replica " + replica + " still accepts token " + token.id()
              + " " + GIVE_UP.toSeconds() + " s after it was revoked");
        }
      }
      seen.recordValue(System.nanoTime() - revoked);
      if (i % 100 == 0) {
        progress.accept(String.format("revocations seen by %s: %d/%d, p99 so far %.1f ms",
            replica, i, count, seen.getValueAtPercentile(99) / 1e6));
      }
    }
    return seen;
  }

  private static boolean authorize(IoxAuthorizerServiceGrpc.IoxAuthorizerServiceBlockingStub stub,
      AuthorizeRequest request) {
    return stub.withDeadlineAfter(10, TimeUnit.SECONDS).authorize(request).getValid();
  }
}
