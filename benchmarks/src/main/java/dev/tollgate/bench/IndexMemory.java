package dev.tollgate.bench;

import dev.tollgate.domain.live.LiveTokenIndex;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The heap that N live tokens take in a {@link LiveTokenIndex}: used heap after full collections
 * with the index filled, less the same with the index empty.
 */
public final class IndexMemory {

  private static final int BATCH = 10_000;
  private static final int MAX_COLLECTIONS = 20;

  private IndexMemory() {}

  public static void main(String[] args) {
    int tokens = 1_000_000;
    if (args.length > 0) {
      try {
        tokens = Integer.parseInt(args[0].replace("_", "").replace(",", ""));
      } catch (NumberFormatException e) {
        tokens = -1;
      }
      if (tokens < 1) {
        System.err.println("tokens " + args[0] + " is not a positive number; usage: IndexMemory"
            + " [tokens] (default 1000000)");
        System.exit(2);
      }
    }
    System.out.printf("%-40s %12s %10s %14s%n", "mix", "tokens", "MB", "bytes/token");
    measure("realistic (1,000 shared permission sets)", tokens, false);
    measure("worst case (every permission set distinct)", tokens, true);
  }

  private static void measure(String name, int tokens, boolean distinct) {
    TokenMix mix = new TokenMix(42, Instant.parse("2026-01-01T00:00:00Z"), distinct);
    LiveTokenIndex index = new LiveTokenIndex();
    long before = usedHeapAfterGc();
    List<TokenMix.Issued> batch = new ArrayList<>(BATCH);
    for (int done = 0; done < tokens; done += batch.size()) {
      batch.clear();
      for (int i = 0; i < Math.min(BATCH, tokens - done); i++) {
        batch.add(mix.next());
      }
      for (TokenMix.Issued issued : batch) {
        index.apply(issued.token().access());
      }
    }
    batch.clear();
    long after = usedHeapAfterGc();
    if (index.size() != tokens) {
      throw new IllegalStateException("the index holds " + index.size() + " tokens, not " + tokens);
    }
    long bytes = after - before;
    System.out.printf("%-40s %,12d %10.1f %,14.0f%n", name, tokens, bytes / 1e6,
        (double) bytes / tokens);
    Reference.reachabilityFence(index);
    Reference.reachabilityFence(mix);
  }

  /** Used heap once full collections stop freeing more than 0.1% of it. */
  private static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < MAX_COLLECTIONS; i++) {
      System.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      if (previous != Long.MAX_VALUE && Math.abs(previous - used) <= previous / 1000) {
        return used;
      }
      previous = used;
    }
    return previous;
  }
}
