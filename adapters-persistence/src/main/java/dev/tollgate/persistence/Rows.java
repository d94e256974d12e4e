package dev.tollgate.persistence;

import dev.tollgate.domain.model.DatabaseName;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.PermissionAction;
import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.out.TokenEvents;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/** The row ↔ domain seam: flat rows as the tables hold them, and their conversion to the model. */
final class Rows {

  private Rows() {}

  /** One row of {@code tokens}; nullable columns are null here. Public only for Jdbi binding. */
  public record TokenRow(UUID id, String kind, String description, String tokenPrefix,
      String hashAlgorithm, String hash, Instant createdAt, String createdBy, Instant updatedAt,
      Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt, long version,
      String previousHashAlgorithm, String previousHash, Instant previousValidUntil) {

    static TokenRow of(Token token) {
      Optional<Token.PreviousSecret> previous = token.previous();
      return new TokenRow(token.id().value(), token.kind().name(), token.description().value(),
          token.tokenPrefix(), token.hash().algorithm(), token.hash().hex(), token.createdAt(),
          token.createdBy(), token.updatedAt(), token.expiresAt().orElse(null),
          token.revokedAt().orElse(null), token.revokedBy().orElse(null),
          token.lastUsedAt().orElse(null), token.version(),
          previous.map(p -> p.hash().algorithm()).orElse(null),
          previous.map(p -> p.hash().hex()).orElse(null),
          previous.map(Token.PreviousSecret::validUntil).orElse(null));
    }

    Token toToken(List<Permission> permissions) {
      return new Token(new TokenId(id), TokenKind.valueOf(kind), new Description(description),
          tokenPrefix, TokenHash.fromHex(hashAlgorithm, hash), new TreeSet<>(permissions),
          createdAt, createdBy, updatedAt, Optional.ofNullable(expiresAt),
          Optional.ofNullable(revokedAt), Optional.ofNullable(revokedBy),
          Optional.ofNullable(lastUsedAt), version,
          previous(previousHashAlgorithm, previousHash, previousValidUntil));
    }
  }

  /** The previous token string of a rotation, when the three columns hold one. */
  static Optional<Token.PreviousSecret> previous(String algorithm, String hash, Instant until) {
    return hash == null || algorithm == null || until == null ? Optional.empty()
        : Optional.of(new Token.PreviousSecret(TokenHash.fromHex(algorithm, hash), until));
  }

  /** One row of {@code token_permissions}. */
  public record PermissionRow(UUID tokenId, String action, String resource) {

    static List<PermissionRow> of(Token token) {
      List<PermissionRow> rows = new ArrayList<>(token.permissions().size());
      for (Permission permission : token.permissions()) {
        rows.add(new PermissionRow(token.id().value(), permission.action().label(),
            permission.database().value()));
      }
      return rows;
    }

    Permission toPermission() {
      return new Permission(PermissionAction.parse("action", action), new DatabaseName(resource));
    }
  }

  /** One row of {@code token_events}, before the store gives it its {@code seq}. */
  public record EventRow(Instant at, UUID tokenId, String event, String actor, String detail,
      String changes) {

    static EventRow of(TokenEvent event) {
      return new EventRow(event.at(), event.tokenId().value(), event.type().name(), event.actor(),
          event.detail(), writeChanges(event.changes()));
    }

    /**
     * An event's number and token id with what now decides the token's use, or null when the
     * token is no longer stored (purged).
     */
    record Joined(long seq, UUID tokenId, AccessRow token) {}
  }

  /** A token row joined with one of its permissions, or with none. */
  record JoinedRow(TokenRow token, PermissionRow permission) {}

  /** The columns that decide a token's use, joined with one of its permissions or with none. */
  record AccessRow(UUID id, String kind, String hashAlgorithm, String hash, Instant expiresAt,
      Instant revokedAt, long version, Optional<Token.PreviousSecret> previous,
      PermissionRow permission) {

    Token.Access toAccess(Collection<Permission> permissions) {
      return new Token.Access(new TokenId(id), TokenKind.valueOf(kind),
          TokenHash.fromHex(hashAlgorithm, hash), version, Optional.ofNullable(expiresAt),
          Optional.ofNullable(revokedAt), Set.copyOf(permissions), previous);
    }
  }

  /** Folds the rows of one token after another, handing each token on once complete. */
  static void forEachAccess(Iterator<AccessRow> rows, Consumer<Token.Access> action) {
    AccessRow current = null;
    List<Permission> permissions = new ArrayList<>();
    while (rows.hasNext()) {
      AccessRow row = rows.next();
      if (current != null && !current.id().equals(row.id())) {
        action.accept(current.toAccess(permissions));
        permissions = new ArrayList<>();
      }
      current = row;
      if (row.permission() != null) {
        permissions.add(row.permission().toPermission());
      }
    }
    if (current != null) {
      action.accept(current.toAccess(permissions));
    }
  }

  /**
   * Every token's grants from rows in any order, as one shared set per distinct set of grants: a
   * million tokens with a thousand distinct sets take one map entry each and a thousand sets.
   */
  static Map<UUID, Set<Permission>> grantsByToken(Iterator<PermissionRow> rows) {
    Map<UUID, List<Permission>> granted = new HashMap<>();
    Map<PermissionRow, Permission> permissions = new HashMap<>();
    while (rows.hasNext()) {
      PermissionRow row = rows.next();
      granted.computeIfAbsent(row.tokenId(), id -> new ArrayList<>(2))
          .add(permissions.computeIfAbsent(new PermissionRow(null, row.action(), row.resource()),
              PermissionRow::toPermission));
    }
    Map<UUID, Set<Permission>> byToken = new HashMap<>(granted.size() * 4 / 3 + 1);
    Map<Set<Permission>, Set<Permission>> shared = new HashMap<>();
    for (Iterator<Map.Entry<UUID, List<Permission>>> it = granted.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<UUID, List<Permission>> entry = it.next();
      byToken.put(entry.getKey(), shared.computeIfAbsent(Set.copyOf(entry.getValue()), set -> set));
      it.remove();
    }
    return byToken;
  }

  /** The feed's answer: the numbers read, ascending, and the tokens they name, each once. */
  static TokenEvents.Changes changes(List<EventRow.Joined> rows) {
    Set<Long> seqs = new TreeSet<>();
    Map<UUID, Long> firstNamedBy = new HashMap<>();
    List<AccessRow> tokenRows = new ArrayList<>();
    Set<TokenId> gone = new LinkedHashSet<>();
    boolean bootstrapChanged = false;
    for (EventRow.Joined row : rows) {
      seqs.add(row.seq());
      if (row.tokenId().equals(TokenId.BOOTSTRAP_ADMIN.value())) {
        bootstrapChanged = true;
      } else if (row.token() == null) {
        gone.add(new TokenId(row.tokenId()));
      } else if (firstNamedBy.computeIfAbsent(row.token().id(), id -> row.seq()) == row.seq()) {
        tokenRows.add(row.token());
      }
    }
    tokenRows.sort(Comparator.comparing(AccessRow::id));
    List<Token.Access> tokens = new ArrayList<>();
    forEachAccess(tokenRows.iterator(), tokens::add);
    // the registration itself is read by the caller, once, when an event announced a change
    return new TokenEvents.Changes(List.copyOf(seqs), tokens, List.copyOf(gone),
        bootstrapChanged ? Optional.of(BootstrapAdmin.NEVER_REGISTERED) : Optional.empty());
  }

  /** Folds joined rows into tokens, keeping the order in which each token first appears. */
  static List<Token> tokens(List<JoinedRow> joined) {
    Map<UUID, TokenRow> tokens = new LinkedHashMap<>();
    Map<UUID, List<Permission>> permissions = new LinkedHashMap<>();
    for (JoinedRow row : joined) {
      tokens.putIfAbsent(row.token().id(), row.token());
      List<Permission> granted = permissions.computeIfAbsent(row.token().id(), id -> new ArrayList<>());
      if (row.permission() != null) {
        granted.add(row.permission().toPermission());
      }
    }
    List<Token> result = new ArrayList<>(tokens.size());
    tokens.forEach((id, row) -> result.add(row.toToken(permissions.get(id))));
    return result;
  }

  static EventRow.Joined eventWithToken(ResultSet rs) throws SQLException {
    return new EventRow.Joined(rs.getLong("seq"), rs.getObject("event_token_id", UUID.class),
        rs.getObject("id", UUID.class) == null ? null : accessRow(rs));
  }

  static PermissionRow permissionRow(ResultSet rs) throws SQLException {
    return new PermissionRow(rs.getObject("token_id", UUID.class), rs.getString("action"),
        rs.getString("resource"));
  }

  static AccessRow accessRow(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    String action = rs.getString("action");
    return new AccessRow(id, rs.getString("kind"), rs.getString("hash_algorithm"),
        rs.getString("hash"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
        rs.getLong("version"), previous(rs.getString("previous_hash_algorithm"),
            rs.getString("previous_hash"), instant(rs, "previous_valid_until")),
        action == null ? null : new PermissionRow(id, action, rs.getString("resource")));
  }

  static JoinedRow joinedRow(ResultSet rs) throws SQLException {
    TokenRow token = new TokenRow(rs.getObject("id", UUID.class), rs.getString("kind"),
        rs.getString("description"), rs.getString("token_prefix"), rs.getString("hash_algorithm"),
        rs.getString("hash"), instant(rs, "created_at"), rs.getString("created_by"),
        instant(rs, "updated_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
        rs.getString("revoked_by"), instant(rs, "last_used_at"), rs.getLong("version"),
        rs.getString("previous_hash_algorithm"), rs.getString("previous_hash"),
        instant(rs, "previous_valid_until"));
    String action = rs.getString("action");
    PermissionRow permission = action == null ? null
        : new PermissionRow(token.id(), action, rs.getString("resource"));
    return new JoinedRow(token, permission);
  }

  static RecordedTokenEvent recordedEvent(ResultSet rs) throws SQLException {
    return new RecordedTokenEvent(rs.getLong("seq"), new TokenEvent(instant(rs, "at"),
        new TokenId(rs.getObject("token_id", UUID.class)),
        TokenEvent.Type.valueOf(rs.getString("event")), rs.getString("actor"),
        rs.getString("detail"), readChanges(rs.getString("changes"))));
  }

  /** An update's changes as the {@code changes} column holds them; null for none. */
  static String writeChanges(List<TokenEvent.Change> changes) {
    if (changes.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (TokenEvent.Change change : changes) {
      text.append(change.field()).append('\t').append(change.before()).append('\t')
          .append(change.after()).append('\n');
    }
    return text.toString();
  }

  static List<TokenEvent.Change> readChanges(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<TokenEvent.Change> changes = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] parts = line.split("\t", -1);
      if (parts.length == 3) {
        changes.add(new TokenEvent.Change(parts[0], parts[1], parts[2]));
      }
    }
    return changes;
  }

  static TokenHash hash(ResultSet rs) throws SQLException {
    return TokenHash.fromHex(rs.getString("hash_algorithm"), rs.getString("hash"));
  }

  static BootstrapAdmin bootstrapAdmin(ResultSet rs) throws SQLException {
    String hash = rs.getString("hash");
    return new BootstrapAdmin(rs.getLong("generation"),
        hash == null ? Optional.empty()
            : Optional.of(TokenHash.fromHex(rs.getString("hash_algorithm"), hash)),
        Optional.ofNullable(rs.getString("kept_at")),
        Optional.ofNullable(instant(rs, "created_at")));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
