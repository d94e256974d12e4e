package dev.tollgate.bench;

import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.inmemory.InMemoryTokenRepository;
import dev.tollgate.domain.inmemory.SequentialIdGenerator;
import dev.tollgate.domain.live.FollowerSettings;
import dev.tollgate.domain.model.AuthorizationDecision;
import dev.tollgate.domain.model.RequestedPermission;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.domain.service.UseCases;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process Authorize of a known database token (parse, SHA-512, live index, expiry,
 * grants) against its floor: SHA-512 of the same token plus one ConcurrentHashMap lookup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// the whole heap mapped up front: pages first touched while measuring made the 1M figure wander 3x
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class AuthorizeBenchmark {

  /** Token strings presented in turn; a power of two, picked across the whole store. */
  private static final int KEPT = 4096;
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final ThreadLocal<MessageDigest> SHA512 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-512", e);
    }
  });

  @Param({"1000", "1000000"})
  int tokens;

  private final byte[][] kept = new byte[KEPT][];
  private final RequestedPermission[] asked = new RequestedPermission[KEPT];
  private final ConcurrentHashMap<DigestKey, String> baselineMap = new ConcurrentHashMap<>();
  private AuthorizeUseCase authorize;

  /** Where each thread is in the cycle of kept tokens. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  /** A 64-byte digest as a map key, its hash computed once, compared as MessageDigest does. */
  static final class DigestKey {
    private final byte[] digest;
    private final int hash;

    DigestKey(byte[] digest) {
      this.digest = digest;
      this.hash = (digest[0] << 24) | ((digest[1] & 0xFF) << 16) | ((digest[2] & 0xFF) << 8)
          | (digest[3] & 0xFF);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DigestKey k && MessageDigest.isEqual(digest, k.digest);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    long started = System.nanoTime();
    InMemoryTokenRepository repository = new InMemoryTokenRepository();
    TokenMix mix = new TokenMix(42, NOW, false);
    SplittableRandom pick = new SplittableRandom(7);
    int databaseTokens = 0;
    for (int i = 0; i < tokens; i++) {
      TokenMix.Issued issued = mix.next();
      repository.add(issued.token(), TokenEvent.created(issued.token()));
      baselineMap.put(new DigestKey(issued.token().hash().digest()),
          issued.token().id().toString());
      if (issued.database().isEmpty()) {
        continue;
      }
      // reservoir sampling: every database token is equally likely to be kept
      int slot = databaseTokens < KEPT ? databaseTokens : pick.nextInt(databaseTokens + 1);
      databaseTokens++;
      if (slot < KEPT) {
        kept[slot] = issued.secret().value().getBytes(StandardCharsets.UTF_8);
        asked[slot] = RequestedPermission.onDatabaseNamed(issued.database().get(),
            RequestedPermission.DataAction.READ);
      }
    }
    for (int i = databaseTokens; i < KEPT; i++) {
      kept[i] = kept[i % databaseTokens];
      asked[i] = asked[i % databaseTokens];
    }
    long stored = System.nanoTime();
    UseCases useCases = new UseCases(repository, repository, new ControllableClock(NOW),
        new DeterministicRandomSource(1), new SequentialIdGenerator(), IdentityProvider.NONE,
        FollowerSettings.defaults());
    useCases.follower().load();
    long loaded = System.nanoTime();
    authorize = useCases.authorize();
    for (int i = 0; i < KEPT; i++) {
      AuthorizationDecision decision = authorize.authorize(
          new AuthorizeUseCase.Request(kept[i], List.of(asked[i])));
      if (!decision.valid() || decision.granted().isEmpty()) {
        throw new IllegalStateException("kept token " + i + " is not granted what it asks: "
            + decision);
      }
    }
    System.out.printf("%nsetup: %,d tokens (%,d database tokens) made and stored in %.1f s,"
        + " loaded into the live index in %.1f s%n", tokens, databaseTokens,
        (stored - started) / 1e9, (loaded - stored) / 1e9);
  }

  /** SHA-512 of a presented token and one map lookup: the least any index lookup can cost. */
  @Benchmark
  public String baseline(Cursor cursor) {
    byte[] token = kept[cursor.next++ & (KEPT - 1)];
    return baselineMap.get(new DigestKey(SHA512.get().digest(token)));
  }

  /** The real in-process authorize path for a known token asking for one permission. */
  @Benchmark
  public AuthorizationDecision authorize(Cursor cursor) {
    int i = cursor.next++ & (KEPT - 1);
    return authorize.authorize(new AuthorizeUseCase.Request(kept[i], List.of(asked[i])));
  }
}
