package dev.tollgate.app;

import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenString;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A store of many tokens written straight into a migrated H2 file with JDBC batches (not one call
 * each), their strings kept in memory for the test to present: one in fifty each revoked, rotated
 * with its overlap running, rotated with it over, expired, or rotated and then revoked; the rest
 * valid, one in ten a management token. Each change has its event, as the server writes them.
 */
final class MigrateSeed {

  /** What a token went through, and so which of its strings must work. */
  enum Story {
    VALID(true, false), REVOKED(false, false), ROTATED_IN_OVERLAP(true, true),
    ROTATED_AFTER_OVERLAP(true, false), EXPIRED(false, false), ROTATED_THEN_REVOKED(false, false);

    final boolean currentWorks;
    final boolean previousWorks;

    Story(boolean currentWorks, boolean previousWorks) {
      this.currentWorks = currentWorks;
      this.previousWorks = previousWorks;
    }
  }

  /** One string to present and the answer it must get; describes itself without the string. */
  record Check(int index, Story story, boolean previous, TokenString secret,
      Optional<String> database, boolean valid) {

    String describe() {
      return "token #" + index + " (" + story + ", " + (previous ? "previous" : "current")
          + " string)";
    }
  }

  private static final int PER_COMMIT = 5_000;
  private static final List<Story> STORIES = List.of(Story.REVOKED, Story.ROTATED_IN_OVERLAP,
      Story.ROTATED_AFTER_OVERLAP, Story.EXPIRED, Story.ROTATED_THEN_REVOKED);

  private final List<TokenString> current = new ArrayList<>();
  private final List<TokenString> previous = new ArrayList<>();

  private MigrateSeed() {}

  static Story story(int index) {
    int slot = index % 50;
    return slot < STORIES.size() ? STORIES.get(slot) : Story.VALID;
  }

  static Optional<String> database(int index) {
    return index % 10 == 5 ? Optional.empty() : Optional.of("db" + index % 1000);
  }

  /** Writes {@code tokens} tokens with their events into the H2 store at {@code url}. */
  static MigrateSeed seed(String url, int tokens, Consumer<byte[]> random) throws SQLException {
    MigrateSeed seed = new MigrateSeed();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    try (Connection connection = DriverManager.getConnection(url, "", null);
        PreparedStatement token = connection.prepareStatement("insert into tokens (id, kind,"
            + " description, token_prefix, hash_algorithm, hash, created_at, created_by,"
            + " updated_at, expires_at, revoked_at, revoked_by, last_used_at, version,"
            + " previous_hash_algorithm, previous_hash, previous_valid_until)"
            + " values (?, ?, ?, ?, 'sha512', ?, ?, 'user:seed', ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement grant = connection.prepareStatement("insert into token_permissions"
            + " (token_id, action, resource) values (?, 'read', ?)");
        PreparedStatement event = connection.prepareStatement("insert into token_events"
            + " (at, token_id, event, actor, detail) values (?, ?, ?, 'user:seed', ?)")) {
      connection.setAutoCommit(false);
      for (int i = 0; i < tokens; i++) {
        seed.add(i, now, random, token, grant, event);
        if ((i + 1) % PER_COMMIT == 0 || i == tokens - 1) {
          token.executeBatch();
          grant.executeBatch();
          event.executeBatch();
          connection.commit();
        }
      }
    }
    return seed;
  }

  private void add(int i, Instant now, Consumer<byte[]> random, PreparedStatement token,
      PreparedStatement grant, PreparedStatement event) throws SQLException {
    Story story = story(i);
    Optional<String> database = database(i);
    TokenFormat format = database.isPresent() ? TokenFormat.DATABASE : TokenFormat.MANAGEMENT;
    UUID id = new UUID(0x4000L | (long) i << 16, 0x8000000000000000L | i);
    Instant created = now.minus(Duration.ofDays(30)).plus(i, ChronoUnit.MICROS);
    Instant changed = created.plus(Duration.ofDays(1));
    boolean rotated = story == Story.ROTATED_IN_OVERLAP || story == Story.ROTATED_AFTER_OVERLAP
        || story == Story.ROTATED_THEN_REVOKED;
    boolean revoked = story == Story.REVOKED || story == Story.ROTATED_THEN_REVOKED;
    TokenString first = format.generate(random);
    TokenString last = rotated ? format.generate(random) : first;
    current.add(last);
    previous.add(rotated ? first : null);
    token.setObject(1, id);
    token.setString(2, format.kind().name());
    token.setString(3, "seeded " + i);
    token.setString(4, last.displayPrefix());
    token.setString(5, last.hash().hex());
    token.setObject(6, utc(created));
    token.setObject(7, utc(rotated || revoked ? changed : created));
    time(token, 8, story == Story.EXPIRED ? now.minus(Duration.ofDays(1))
        : i % 3 == 0 ? now.plus(Duration.ofDays(365)) : null);
    time(token, 9, revoked ? changed : null);
    token.setString(10, revoked ? "user:seed" : null);
    time(token, 11, i % 7 == 0 ? changed : null);
    token.setLong(12, 1 + (rotated ? 1 : 0) + (revoked ? 1 : 0));
    token.setString(13, rotated ? "sha512" : null);
    token.setString(14, rotated ? first.hash().hex() : null);
    time(token, 15, !rotated ? null : story == Story.ROTATED_AFTER_OVERLAP
        ? changed.plus(Duration.ofHours(1)) : now.plus(Duration.ofDays(2)));
    token.addBatch();
    if (database.isPresent()) {
      grant.setObject(1, id);
      grant.setString(2, database.get());
      grant.addBatch();
    }
    addEvent(event, created, id, "CREATED", format.kind().name().toLowerCase() + " token");
    if (rotated) {
      addEvent(event, changed, id, "ROTATED", "rotated by the seed");
    }
    if (revoked) {
      addEvent(event, changed, id, "REVOKED", "");
    }
  }

  /**
   * Every string of every token that was rotated, revoked or expired, and {@code sample} of the
   * others drawn with {@code random}, each with the answer it got before the move.
   */
  List<Check> checks(int sample, SplittableRandom random) {
    List<Check> checks = new ArrayList<>();
    List<Integer> plain = new ArrayList<>();
    for (int i = 0; i < current.size(); i++) {
      Story story = story(i);
      if (story == Story.VALID) {
        plain.add(i);
        continue;
      }
      checks.add(new Check(i, story, false, current.get(i), database(i), story.currentWorks));
      if (previous.get(i) != null) {
        checks.add(new Check(i, story, true, previous.get(i), database(i), story.previousWorks));
      }
    }
    for (int n = 0; n < Math.min(sample, plain.size()); n++) {
      int pick = n + random.nextInt(plain.size() - n);
      int i = plain.set(pick, plain.get(n));
      plain.set(n, i);
      checks.add(new Check(i, Story.VALID, false, current.get(i), database(i), true));
    }
    return checks;
  }

  private static void addEvent(PreparedStatement event, Instant at, UUID id, String kind,
      String detail) throws SQLException {
    event.setObject(1, utc(at));
    event.setObject(2, id);
    event.setString(3, kind);
    event.setString(4, detail);
    event.addBatch();
  }

  private static void time(PreparedStatement statement, int column, Instant at)
      throws SQLException {
    if (at == null) {
      statement.setNull(column, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(column, utc(at));
    }
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
