package dev.tollgate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The bootstrap admin credential as the store has it registered. Every registration, rotation and
 * disabling raises the generation, so a replica that reads an older generation than it holds
 * knows the read is stale.
 *
 * @param generation 0 while no credential was ever registered
 * @param hash the registered credential's hash; empty before the first registration and once
 *     disabled
 * @param keptAt where the replica that made it keeps the token string, for people
 * @param changedAt when the generation began
 */
public record BootstrapAdmin(long generation, Optional<TokenHash> hash, Optional<String> keptAt,
    Optional<Instant> changedAt) {

  /** What a store holds before any credential was registered. */
  public static final BootstrapAdmin NEVER_REGISTERED =
      new BootstrapAdmin(0, Optional.empty(), Optional.empty(), Optional.empty());

  public BootstrapAdmin {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(keptAt, "keptAt");
    Objects.requireNonNull(changedAt, "changedAt");
    if (generation < 0 || generation == 0 && hash.isPresent()) {
      throw new IllegalArgumentException("generation " + generation + " with "
          + (hash.isPresent() ? "a" : "no") + " credential");
    }
    changedAt = changedAt.map(at -> at.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
  }

  /** A registered credential. */
  public static BootstrapAdmin registered(long generation, TokenHash hash, String keptAt,
      Instant at) {
    return new BootstrapAdmin(generation, Optional.of(hash), Optional.of(keptAt), Optional.of(at));
  }

  /** Tells whether a credential was registered once and then disabled. */
  public boolean isDisabled() {
    return generation > 0 && hash.isEmpty();
  }

  @Override
  public String toString() {
    return "BootstrapAdmin[generation " + generation + ", " + hash.map(TokenHash::toString)
        .orElse(generation == 0 ? "never registered" : "disabled") + "]";
  }
}
