package dev.tollgate.domain.port.out;

/** The only source of randomness in the domain; token strings are drawn from it. */
@FunctionalInterface
public interface RandomSource {

  /** Fills the array with random bytes; a production source must be cryptographically strong. */
  void nextBytes(byte[] bytes);
}
