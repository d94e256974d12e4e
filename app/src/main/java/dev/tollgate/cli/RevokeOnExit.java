package dev.tollgate.cli;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * While a benchmark runs, a shutdown hook (Ctrl-C, SIGTERM) that revokes the tokens it holds,
 * waiting {@link #WITHIN} at most; removed at close, once the benchmark has revoked them itself.
 */
final class RevokeOnExit implements AutoCloseable {

  /** How long a Ctrl-C waits for the benchmark's tokens to be revoked before the JVM exits. */
  static final Duration WITHIN = Duration.ofSeconds(5);

  private final Thread hook;

  /** Registers the hook; {@code lifetime} is how long a token that stays unrevoked lives. */
  RevokeOnExit(BenchTokens tokens, Duration lifetime, PrintWriter err) {
    hook = new Thread(() -> {
      int held = tokens.held();
      if (held > 0) {
        int revoked = tokens.revokeWithin(WITHIN);
        err.println("tollgate bench: interrupted; revoked " + revoked + " of the " + held
            + " tokens it made" + (revoked < held ? "; the others expire by themselves within "
            + Times.format(lifetime) : ""));
        err.flush();
      }
    }, "tollgate-bench-revoke-on-exit");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs, or has run: it revokes what is left
    }
  }
}
