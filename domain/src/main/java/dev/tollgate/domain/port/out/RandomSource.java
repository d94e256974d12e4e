package dev.tollgate.domain.port.out;

import java.util.function.Consumer;

/**
 * The only source of randomness in the domain; token strings are drawn from it. It is the
 * consumer of arrays that the model's token format asks for, so the model needs no port.
 */
@FunctionalInterface
public interface RandomSource extends Consumer<byte[]> {

  /** Fills the array with random bytes; a production source must be cryptographically strong. */
  void nextBytes(byte[] bytes);

  @Override
  default void accept(byte[] bytes) {
    nextBytes(bytes);
  }
}
