package dev.tollgate.bench;

import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * How long after a revoke returns on replica A a replica refuses the token: created on A, seen
 * valid on the replica asked, revoked on A, then asked as fast as it answers until it says
 * invalid. Asked of the other replica B, and, as the floor of the client's own loop, of A itself;
 * the two alternate so that both see the same machine.
 */
final class RevocationLag {

  /** Nanoseconds from each revoke's return to the first refusal, on B and on A itself. */
  record Result(Histogram otherReplica, Histogram sameReplica) {}

  private static final Duration GIVE_UP = Duration.ofSeconds(30);

  private final ReplicaCalls a;
  private final ReplicaCalls b;

  RevocationLag(ReplicaCalls a, ReplicaCalls b) {
    this.a = a;
    this.b = b;
  }

  Result measure(int revocations, Consumer<String> progress) {
    Histogram other = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
    Histogram same = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
    for (int i = 1; i <= revocations; i++) {
      other.recordValue(once(b, i));
      same.recordValue(once(a, i));
      if (i % 50 == 0 || i == revocations) {
        progress.accept(String.format("  revocations: %d/%d, p99 so far %.1f ms on %s, %.1f ms"
            + " on %s itself", i, revocations, millis(other.getValueAtPercentile(99)),
            b.server().name(), millis(same.getValueAtPercentile(99)), a.server().name()));
      }
    }
    return new Result(other, same);
  }

  private long once(ReplicaCalls asked, int i) {
    ReplicaCalls.Created token = a.createReadToken("ReplicaCosts revocation " + i);
    AuthorizeRequest request = ReplicaCalls.readRequest(token.secret());
    awaitAnswer(asked, request, true, token, "created on " + a.server().name());
    a.revoke(token.id());
    long revoked = System.nanoTime();
    awaitAnswer(asked, request, false, token, "revoked on " + a.server().name());
    return System.nanoTime() - revoked;
  }

  /** Asks until the replica answers {@code valid}, as fast as it answers. */
  private static void awaitAnswer(ReplicaCalls asked, AuthorizeRequest request, boolean valid,
      ReplicaCalls.Created token, String what) {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    while (asked.authorize(request) != valid) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("replica " + asked.server() + " still answers valid="
            + !valid + " for token " + token.id() + " " + GIVE_UP.toSeconds() + " s after it was "
            + what);
      }
    }
  }

  static double millis(long nanos) {
    return nanos / 1e6;
  }
}
