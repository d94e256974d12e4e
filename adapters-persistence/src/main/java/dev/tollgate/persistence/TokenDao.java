package dev.tollgate.persistence;

import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.persistence.Rows.EventRow;
import dev.tollgate.persistence.Rows.JoinedRow;
import dev.tollgate.persistence.Rows.PermissionRow;
import dev.tollgate.persistence.Rows.TokenRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The static SQL over the token tables; no logic, one statement per method. */
interface TokenDao {

  String SELECT_TOKENS = "select t.id, t.kind, t.description, t.token_prefix, t.hash_algorithm,"
      + " t.hash, t.created_at, t.created_by, t.updated_at, t.expires_at, t.revoked_at,"
      + " t.revoked_by, t.last_used_at, t.version, p.action, p.resource"
      + " from tokens t left join token_permissions p on p.token_id = t.id";

  @SqlUpdate("insert into tokens (id, kind, description, token_prefix, hash_algorithm, hash,"
      + " created_at, created_by, updated_at, expires_at, revoked_at, revoked_by, last_used_at,"
      + " version) values (:id, :kind, :description, :tokenPrefix, :hashAlgorithm, :hash,"
      + " :createdAt, :createdBy, :updatedAt, :expiresAt, :revokedAt, :revokedBy, :lastUsedAt,"
      + " :version)")
  void insertToken(@BindMethods TokenRow row);

  /** Writes the mutable columns if the stored version is still the row's; returns the rows changed. */
  @SqlUpdate("update tokens set description = :description, updated_at = :updatedAt,"
      + " expires_at = :expiresAt, revoked_at = :revokedAt, revoked_by = :revokedBy,"
      + " last_used_at = :lastUsedAt, version = version + 1"
      + " where id = :id and version = :version")
  int updateToken(@BindMethods TokenRow row);

  @SqlQuery(SELECT_TOKENS + " where t.id = :id order by p.action, p.resource")
  List<JoinedRow> findById(UUID id);

  @SqlQuery(SELECT_TOKENS + " where t.hash_algorithm = :algorithm and t.hash = :hash"
      + " order by p.action, p.resource")
  List<JoinedRow> findByHash(String algorithm, String hash);

  @SqlQuery(SELECT_TOKENS + " where t.kind = :kind order by t.created_at, t.id")
  List<JoinedRow> findByKind(String kind);

  @SqlUpdate("delete from token_permissions where token_id = :tokenId")
  void deletePermissions(UUID tokenId);

  @SqlBatch("insert into token_permissions (token_id, action, resource)"
      + " values (:tokenId, :action, :resource)")
  void insertPermissions(@BindMethods List<PermissionRow> rows);

  @SqlUpdate("insert into token_events (at, token_id, event, actor, detail)"
      + " values (:at, :tokenId, :event, :actor, :detail)")
  void insertEvent(@BindMethods EventRow row);

  @SqlQuery("select seq, at, token_id, event, actor, detail from token_events"
      + " where seq > :seq order by seq limit :limit")
  List<RecordedTokenEvent> eventsAfter(long seq, int limit);

  @SqlQuery("select hash_algorithm, hash from bootstrap_admin where id = 1")
  Optional<TokenHash> bootstrapAdminHash();

  @SqlUpdate("insert into bootstrap_admin (id, hash_algorithm, hash, created_at)"
      + " values (1, :algorithm, :hash, :at)")
  void insertBootstrapAdmin(String algorithm, String hash, Instant at);
}
