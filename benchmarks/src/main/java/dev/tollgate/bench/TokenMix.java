package dev.tollgate.bench;

import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.inmemory.SequentialIdGenerator;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenString;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A repeatable stream of realistic tokens: 80% database tokens with read and write on one of
 * 1,000 databases, 20% management tokens, half of each with an expiry a year ahead.
 */
public final class TokenMix {

  /** How many databases the database tokens share between them. */
  public static final int DATABASES = 1_000;

  private static final Description DESCRIPTION = new Description("benchmark token");
  private static final Duration LIFETIME = Duration.ofDays(365);

  /** One issued token with its secret and, for a database token, the database it may use. */
  public record Issued(Token token, TokenString secret, Optional<String> database) {}

  private final DeterministicRandomSource random;
  private final SplittableRandom choices;
  private final SequentialIdGenerator ids = new SequentialIdGenerator();
  private final Instant now;
  private final boolean distinctPermissions;
  private final List<Set<Permission>> shared = new ArrayList<>(DATABASES);
  private long issued;

  /**
   * A mix seeded for repeatable runs.
   *
   * @param distinctPermissions the worst case: every database token gets a database of its own,
   *     so no two tokens have equal permission sets
   */
  public TokenMix(long seed, Instant now, boolean distinctPermissions) {
    this.random = new DeterministicRandomSource(seed);
    this.choices = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.now = now;
    this.distinctPermissions = distinctPermissions;
    for (int i = 0; i < DATABASES; i++) {
      shared.add(readWrite(databaseName(i)));
    }
  }

  /** The name of database number {@code i}. */
  public static String databaseName(long i) {
    return "db_" + i;
  }

  /** The permission set {@code read} and {@code write} on one database. */
  public static Set<Permission> readWrite(String database) {
    return Set.of(Permission.read(database), Permission.write(database));
  }

  /** The next token of the mix. */
  public Issued next() {
    long serial = issued++;
    boolean database = choices.nextInt(10) < 8;
    Optional<Instant> expiresAt = choices.nextBoolean() ? Optional.of(now.plus(LIFETIME))
        : Optional.empty();
    if (!database) {
      TokenString secret = TokenFormat.MANAGEMENT.generate(random);
      return new Issued(Token.issue(ids.newId(), secret, DESCRIPTION, Set.of(), expiresAt,
          "bootstrap-admin", now), secret, Optional.empty());
    }
    String name;
    Set<Permission> permissions;
    if (distinctPermissions) {
      name = databaseName(DATABASES + serial);
      permissions = readWrite(name);
    } else {
      int which = choices.nextInt(DATABASES);
      name = databaseName(which);
      permissions = shared.get(which);
    }
    TokenString secret = TokenFormat.DATABASE.generate(random);
    return new Issued(Token.issue(ids.newId(), secret, DESCRIPTION, permissions, expiresAt,
        "bootstrap-admin", now), secret, Optional.of(name));
  }
}
