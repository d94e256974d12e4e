package dev.tollgate.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How much one request may ask for, so that no caller can make the server build an answer near
 * the gRPC message limit or make every later Authorize slow, and how long a new token may live
 * (the organisation's policy). Each limit is a server option.
 *
 * @param permissionsPerToken grants a database token may hold
 * @param idsPerRevoke token ids one revoke request may name
 * @param permissionsPerAuthorize permissions one Authorize request may ask about
 * @param managementLifetime how long a new management token may live; empty: no limit
 * @param databaseLifetime how long a new database token may live; empty: no limit
 */
public record Limits(int permissionsPerToken, int idsPerRevoke, int permissionsPerAuthorize,
    Optional<Duration> managementLifetime, Optional<Duration> databaseLifetime) {

  /** The default of each limit. */
  public static final int DEFAULT = 1_000;

  public Limits {
    atLeastOne("permissionsPerToken", permissionsPerToken);
    atLeastOne("idsPerRevoke", idsPerRevoke);
    atLeastOne("permissionsPerAuthorize", permissionsPerAuthorize);
    positive("managementLifetime", managementLifetime);
    positive("databaseLifetime", databaseLifetime);
  }

  /** The size limits, with no lifetime policy. */
  public Limits(int permissionsPerToken, int idsPerRevoke, int permissionsPerAuthorize) {
    this(permissionsPerToken, idsPerRevoke, permissionsPerAuthorize, Optional.empty(),
        Optional.empty());
  }

  /**
   * Refuses a new token of this kind that would live longer than the policy allows, or forever.
   *
   * @param field the request field of the expiry, named in the refusal
   */
  public void checkLifetime(String field, TokenKind kind, Optional<Instant> expiresAt,
      Instant now) {
    Optional<Duration> limit = kind == TokenKind.MANAGEMENT ? managementLifetime : databaseLifetime;
    if (limit.isEmpty()) {
      return;
    }
    Instant latest = now.plus(limit.get()).truncatedTo(ChronoUnit.SECONDS);
    String policy = kind.name().toLowerCase(Locale.ROOT) + " tokens live at most "
        + days(limit.get()) + " on this cluster; the latest expiry allowed now is " + latest;
    if (expiresAt.isEmpty()) {
      throw new InvalidRequestException(field, "is required: " + policy);
    }
    if (expiresAt.get().isAfter(now.plus(limit.get()))) {
      throw new InvalidRequestException(field, expiresAt.get() + " is too late: " + policy);
    }
  }

  /** A duration as the options spell it, in its largest whole unit: 90d, 36h, 45m, 10s. */
  public static String days(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  /** 1,000 of each. */
  public static Limits defaults() {
    return new Limits(DEFAULT, DEFAULT, DEFAULT);
  }

  /** Refuses more grants for one database token than allowed. */
  public void checkPermissionsPerToken(String field, int count) {
    check(field, count, permissionsPerToken, "permissions", "per database token");
  }

  /** Refuses a revoke request naming more ids than allowed. */
  public void checkIdsPerRevoke(String field, int count) {
    check(field, count, idsPerRevoke, "ids", "per revoke request; revoke them in batches");
  }

  /** Refuses an Authorize request asking about more permissions than allowed. */
  public void checkPermissionsPerAuthorize(String field, int count) {
    check(field, count, permissionsPerAuthorize, "permissions", "per Authorize request");
  }

  private static void check(String field, int count, int limit, String what, String per) {
    if (count > limit) {
      throw new InvalidRequestException(field, String.format("has %,d %s; at most %,d are allowed"
          + " %s", count, what, limit, per));
    }
  }

  private static void positive(String name, Optional<Duration> lifetime) {
    Objects.requireNonNull(lifetime, name);
    if (lifetime.isPresent() && (lifetime.get().isNegative() || lifetime.get().getSeconds() < 1)) {
      throw new IllegalArgumentException(name + " is " + lifetime.get()
          + "; a lifetime must be at least a second");
    }
  }

  private static void atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " is " + value + "; a limit must be at least 1");
    }
  }
}
