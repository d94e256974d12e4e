package dev.tollgate.persistence;

import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.persistence.Rows.EventRow;
import java.time.Instant;
import java.util.Optional;

/**
 * The bootstrap admin's rows: one per generation, the hashes it retired and an event for each
 * change. They change with the bootstrap admin's rules, apart from the tokens' rows.
 */
final class BootstrapAdminRows {

  private BootstrapAdminRows() {}

  /** Registers the first generation, with its event; inside the caller's transaction. */
  static BootstrapAdmin register(TokenDao dao, TokenHash hash, String keptAt, Instant at) {
    BootstrapAdmin registered = BootstrapAdmin.registered(1, hash, keptAt, at);
    dao.insertBootstrapAdmin(1, hash.algorithm(), hash.hex(), keptAt, at);
    dao.insertEvent(EventRow.of(TokenEvent.bootstrapAdmin(registered, "registered")));
    return registered;
  }

  /**
   * Retires the registered hash, if any, and registers {@code hash} (none: disabled) as the next
   * generation, with its event; inside the caller's transaction.
   */
  static BootstrapAdmin replace(TokenDao dao, Optional<TokenHash> hash, String keptAt,
      Instant at) {
    Optional<BootstrapAdmin> before = dao.lockBootstrapAdmin();
    before.flatMap(BootstrapAdmin::hash).ifPresent(retired ->
        dao.retireBootstrapAdmin(retired.algorithm(), retired.hex(), at));
    long generation = before.map(BootstrapAdmin::generation).orElse(0L) + 1;
    BootstrapAdmin now = hash.map(h -> BootstrapAdmin.registered(generation, h, keptAt, at))
        .orElse(new BootstrapAdmin(generation, Optional.empty(), Optional.empty(),
            Optional.of(at)));
    String algorithm = hash.map(TokenHash::algorithm).orElse(null);
    String hex = hash.map(TokenHash::hex).orElse(null);
    String where = now.keptAt().orElse(null);
    if (before.isPresent()) {
      dao.updateBootstrapAdmin(generation, algorithm, hex, where, at);
    } else {
      dao.insertBootstrapAdmin(generation, algorithm, hex, where, at);
    }
    dao.insertEvent(EventRow.of(TokenEvent.bootstrapAdmin(now,
        hash.isPresent() ? "rotated" : "disabled")));
    return now;
  }
}
