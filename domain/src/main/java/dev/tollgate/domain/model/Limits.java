package dev.tollgate.domain.model;

/**
 * How much one request may ask for, so that no caller can make the server build an answer near
 * the gRPC message limit or make every later Authorize slow. Each limit is a server option.
 *
 * @param permissionsPerToken grants a database token may hold
 * @param idsPerRevoke token ids one revoke request may name
 * @param permissionsPerAuthorize permissions one Authorize request may ask about
 */
public record Limits(int permissionsPerToken, int idsPerRevoke, int permissionsPerAuthorize) {

  /** The default of each limit. */
  public static final int DEFAULT = 1_000;

  public Limits {
    atLeastOne("permissionsPerToken", permissionsPerToken);
    atLeastOne("idsPerRevoke", idsPerRevoke);
    atLeastOne("permissionsPerAuthorize", permissionsPerAuthorize);
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

  private static void atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " is " + value + "; a limit must be at least 1");
    }
  }
}
