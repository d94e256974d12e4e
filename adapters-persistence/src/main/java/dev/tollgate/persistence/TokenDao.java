package dev.tollgate.persistence;

import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.persistence.Rows.AccessRow;
import dev.tollgate.persistence.Rows.EventRow;
import dev.tollgate.persistence.Rows.JoinedRow;
import dev.tollgate.persistence.Rows.PermissionRow;
import dev.tollgate.persistence.Rows.TokenRow;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The static SQL over the token tables; no logic, one statement per method. */
interface TokenDao {

  String SELECT_TOKENS = "select t.id, t.kind, t.description, t.token_prefix, t.hash_algorithm,"
      + " t.hash, t.created_at, t.created_by, t.updated_at, t.expires_at, t.revoked_at,"
      + " t.revoked_by, t.last_used_at, t.version, t.previous_hash_algorithm, t.previous_hash, t.previous_valid_until, p.action, p.resource"
      + " from tokens t left join token_permissions p on p.token_id = t.id";

  @SqlUpdate("insert into tokens (id, kind, description, token_prefix, hash_algorithm, hash,"
      + " created_at, created_by, updated_at, expires_at, revoked_at, revoked_by, last_used_at,"
      + " version, previous_hash_algorithm, previous_hash, previous_valid_until)"
      + " values (:id, :kind, :description, :tokenPrefix, :hashAlgorithm, :hash,"
      + " :createdAt, :createdBy, :updatedAt, :expiresAt, :revokedAt, :revokedBy, :lastUsedAt,"
      + " :version, :previousHashAlgorithm, :previousHash, :previousValidUntil)")
  void insertToken(@BindMethods TokenRow row);

  /** Writes the mutable columns if the stored version is still the row's; returns the rows changed. */
  @SqlUpdate("update tokens set description = :description, updated_at = :updatedAt,"
      + " expires_at = :expiresAt, revoked_at = :revokedAt, revoked_by = :revokedBy,"
      + " token_prefix = :tokenPrefix, hash_algorithm = :hashAlgorithm, hash = :hash,"
      + " previous_hash_algorithm = :previousHashAlgorithm, previous_hash = :previousHash,"
      + " previous_valid_until = :previousValidUntil, version = version + 1"
      + " where id = :id and version = :version")
  int updateToken(@BindMethods TokenRow row);

  @SqlQuery(SELECT_TOKENS + " where t.id = :id order by p.action, p.resource")
  List<JoinedRow> findById(UUID id);

  /** What decides a token's use: the columns a replica keeps, each token joined with its grants. */
  String SELECT_ACCESS = "select t.id, t.kind, t.hash_algorithm, t.hash, t.expires_at,"
      + " t.revoked_at, t.version, t.previous_hash_algorithm, t.previous_hash, t.previous_valid_until, p.action, p.resource"
      + " from tokens t left join token_permissions p on p.token_id = t.id";

  /**
   * What decides every token's use but its grants, in the order the table is stored (a sequential
   * read: ordering by id, or joining the grants in the database, made loading a million tokens
   * take 30 s on H2), fetched a slice at a time; use it inside a transaction.
   */
  @SqlQuery("select id, kind, hash_algorithm, hash, expires_at, revoked_at, version,"
      + " previous_hash_algorithm, previous_hash, previous_valid_until,"
      + " cast(null as varchar(8)) as action, cast(null as varchar(64)) as resource"
      + " from tokens")
  @FetchSize(5_000)
  Stream<AccessRow> allAccess();

  /**
   * Every grant, in the order the table is stored: ordering by token made H2 look up each row
   * through its key index, 12.6 s instead of 1.9 s for 1.6 million grants.
   */
  @SqlQuery("select token_id, action, resource from token_permissions")
  @FetchSize(5_000)
  Stream<PermissionRow> allPermissions();

  /** A page of tokens joined with their grants, the page cut before the join; oldest first. */
  String PAGE_FROM = "select t.id, t.kind, t.description, t.token_prefix, t.hash_algorithm,"
      + " t.hash, t.created_at, t.created_by, t.updated_at, t.expires_at, t.revoked_at,"
      + " t.revoked_by, t.last_used_at, t.version, t.previous_hash_algorithm, t.previous_hash, t.previous_valid_until, p.action, p.resource"
      + " from (select * from tokens where kind = :kind"
      + " and (:includeRevoked or revoked_at is null)";
  String PAGE_TO = " order by created_at, id limit :limit) t"
      + " left join token_permissions p on p.token_id = t.id"
      + " order by t.created_at, t.id, p.action, p.resource";

  @SqlQuery(PAGE_FROM + PAGE_TO)
  List<JoinedRow> firstPage(String kind, boolean includeRevoked, int limit);

  @SqlQuery(PAGE_FROM + " and (created_at > :afterAt or (created_at = :afterAt and id > :afterId))"
      + PAGE_TO)
  List<JoinedRow> pageAfter(String kind, boolean includeRevoked, Instant afterAt,
      UUID afterId, int limit);

  @SqlUpdate("delete from token_permissions where token_id = :tokenId")
  void deletePermissions(UUID tokenId);

  @SqlBatch("insert into token_permissions (token_id, action, resource)"
      + " values (:tokenId, :action, :resource)")
  void insertPermissions(@BindMethods List<PermissionRow> rows);

  @SqlUpdate("insert into token_events (at, token_id, event, actor, detail, changes)"
      + " values (:at, :tokenId, :event, :actor, :detail, :changes)")
  void insertEvent(@BindMethods EventRow row);

  @SqlQuery("select seq, at, token_id, event, actor, detail, changes from token_events"
      + " where seq > :seq order by seq limit :limit")
  List<RecordedTokenEvent> eventsAfter(long seq, int limit);

  /** The audit trail of every token between two times, from a sequence number on. */
  @SqlQuery("select seq, at, token_id, event, actor, detail, changes from token_events"
      + " where seq > :after and at >= :since and at < :until order by seq limit :limit")
  List<RecordedTokenEvent> events(long after, Instant since, Instant until, int limit);

  /** The audit trail of one token between two times, from a sequence number on. */
  @SqlQuery("select seq, at, token_id, event, actor, detail, changes from token_events"
      + " where token_id = :tokenId and seq > :after and at >= :since and at < :until"
      + " order by seq limit :limit")
  List<RecordedTokenEvent> eventsOf(UUID tokenId, long after, Instant since, Instant until,
      int limit);

  @SqlQuery("select coalesce(max(seq), 0) from token_events")
  long latestSeq();

  /**
   * The events above {@code after} (at most {@code limit}) and those numbered in {@code missing},
   * each joined with the current state of its token; two index range scans, one snapshot.
   */
  @SqlQuery("select e.seq, e.token_id as event_token_id, t.id, t.kind, t.hash_algorithm, t.hash,"
      + " t.expires_at, t.revoked_at, t.version, t.previous_hash_algorithm, t.previous_hash, t.previous_valid_until, p.action, p.resource"
      + " from ((select seq, token_id from token_events where seq > :after order by seq"
      + " limit :limit) union all (select seq, token_id from token_events"
      + " where seq in (<missing>))) e"
      + " left join tokens t on t.id = e.token_id"
      + " left join token_permissions p on p.token_id = t.id"
      + " order by e.seq, p.action, p.resource")
  List<EventRow.Joined> changesAfter(long after, @BindList(value = "missing",
      onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<Long> missing, int limit);

  /** Raises a token's last-used time, never lowers it; no version, no event. */
  @SqlBatch("update tokens set last_used_at = :at where id = :id"
      + " and (last_used_at is null or last_used_at < :at)")
  void recordLastUsed(@Bind("id") List<UUID> ids, @Bind("at") List<Instant> at);

  @SqlUpdate("notify tollgate_token_events")
  void notifyFollowers();

  @SqlQuery("select generation, hash_algorithm, hash, kept_at, created_at from bootstrap_admin"
      + " where id = 1")
  Optional<BootstrapAdmin> bootstrapAdmin();

  /** The registration, locked until the transaction ends, so that changes of it line up. */
  @SqlQuery("select generation, hash_algorithm, hash, kept_at, created_at from bootstrap_admin"
      + " where id = 1 for update")
  Optional<BootstrapAdmin> lockBootstrapAdmin();

  @SqlQuery("select id from tokens where revoked_at < :before order by revoked_at, id"
      + " limit :limit")
  List<UUID> revokedBefore(Instant before, int limit);

  @SqlUpdate("delete from token_permissions where token_id in (<ids>)")
  void deletePermissionsOf(@BindList("ids") List<UUID> ids);

  @SqlUpdate("delete from tokens where id in (<ids>)")
  void deleteTokens(@BindList("ids") List<UUID> ids);

  /** The first registration; fails on the primary key when a registration row exists. */
  @SqlUpdate("insert into bootstrap_admin (id, generation, hash_algorithm, hash, kept_at,"
      + " created_at) values (1, :generation, :algorithm, :hash, :keptAt, :at)")
  void insertBootstrapAdmin(long generation, String algorithm, String hash, String keptAt,
      Instant at);

  @SqlUpdate("update bootstrap_admin set generation = :generation, hash_algorithm = :algorithm,"
      + " hash = :hash, kept_at = :keptAt, created_at = :at where id = 1")
  void updateBootstrapAdmin(long generation, String algorithm, String hash, String keptAt,
      Instant at);

  @SqlUpdate("insert into bootstrap_admin_retired (hash_algorithm, hash, retired_at)"
      + " select :algorithm, :hash, :at where not exists (select 1 from bootstrap_admin_retired"
      + " where hash_algorithm = :algorithm and hash = :hash)")
  void retireBootstrapAdmin(String algorithm, String hash, Instant at);

  @SqlQuery("select retired_at from bootstrap_admin_retired where hash_algorithm = :algorithm"
      + " and hash = :hash")
  Optional<Instant> bootstrapAdminRetiredAt(String algorithm, String hash);
}
