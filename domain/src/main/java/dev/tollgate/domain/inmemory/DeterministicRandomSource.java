package dev.tollgate.domain.inmemory;

import dev.tollgate.domain.port.out.RandomSource;
import java.util.SplittableRandom;

/**
 * Repeatable bytes from a seed, so tests get the same tokens on every run. Never use it to issue
 * real tokens: anyone who knows the seed knows the tokens.
 */
public final class DeterministicRandomSource implements RandomSource {

  private final SplittableRandom random;

  public DeterministicRandomSource(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public synchronized void nextBytes(byte[] bytes) {
    random.nextBytes(bytes);
  }
}
