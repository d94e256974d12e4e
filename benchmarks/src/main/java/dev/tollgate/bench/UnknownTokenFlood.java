package dev.tollgate.bench;

import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.proto.authz.v1.AuthorizeResponse;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Presents distinct, well-formed tokens that no replica has ever issued to one replica's
 * Authorize, as fast as it answers, with a fixed number of calls in flight.
 */
final class UnknownTokenFlood {

  /** What the flood's calls got back while it ran. */
  record Outcome(long refused, long accepted, Map<Status.Code, Long> failed, double seconds) {

    long calls() {
      return refused + accepted + failed.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static final long DEADLINE_SECONDS = 10;
  private static final Duration DRAIN = Duration.ofSeconds(DEADLINE_SECONDS + 5);

  private final IoxAuthorizerServiceGrpc.IoxAuthorizerServiceStub authorizer;
  private final int inFlight;
  private final Semaphore slots;
  private final DeterministicRandomSource random =
      new DeterministicRandomSource(System.nanoTime());
  private final LongAdder refused = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final Map<Status.Code, LongAdder> failed = new ConcurrentHashMap<>();
  private final Thread sender = new Thread(this::send, "unknown-token-flood");
  private volatile boolean running = true;
  private long startedAt;

  UnknownTokenFlood(ManagedChannel channel, int inFlight) {
    this.authorizer = IoxAuthorizerServiceGrpc.newStub(channel);
    this.inFlight = inFlight;
    this.slots = new Semaphore(inFlight);
    sender.setDaemon(true);
  }

  void start() {
    startedAt = System.nanoTime();
    sender.start();
  }

  /** Stops sending, waits for the calls in flight, and says what all calls got back. */
  Outcome stop() throws InterruptedException {
    running = false;
    sender.interrupt();
    sender.join();
    double seconds = (System.nanoTime() - startedAt) / 1e9;
    if (!slots.tryAcquire(inFlight, DRAIN.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("calls of the unknown-token flood still unanswered "
          + DRAIN.toSeconds() + " s after it stopped, despite their deadline");
    }
    Map<Status.Code, Long> failures = new EnumMap<>(Status.Code.class);
    failed.forEach((code, count) -> failures.put(code, count.sum()));
    return new Outcome(refused.sum(), accepted.sum(), failures, seconds);
  }

  private void send() {
    while (running) {
      try {
        slots.acquire();
      } catch (InterruptedException e) {
        return;
      }
      if (!running) {
        slots.release();
        return;
      }
      String token = TokenFormat.DATABASE.generate(random).value();
      authorizer.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
          .authorize(ReplicaCalls.readRequest(token), new Answer());
    }
  }

  /** Counts one call's answer and frees its slot. */
  private final class Answer implements StreamObserver<AuthorizeResponse> {

    @Override
    public void onNext(AuthorizeResponse response) {
      (response.getValid() ? accepted : refused).increment();
    }

    @Override
    public void onError(Throwable error) {
      failed.computeIfAbsent(Status.fromThrowable(error).getCode(), code -> new LongAdder())
          .increment();
      slots.release();
    }

    @Override
    public void onCompleted() {
      slots.release();
    }
  }
}
