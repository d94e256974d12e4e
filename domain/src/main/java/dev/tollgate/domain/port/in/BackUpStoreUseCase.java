package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.port.out.StoreBackups;
import java.util.Objects;

/** A consistent copy of the whole token store while the server runs, for the operator to keep. */
public interface BackUpStoreUseCase {

  /** The right a caller needs for this, checked by every door before it reads the request. */
  Operation OPERATION = Operation.BACK_UP_STORE;

  /**
   * Takes the backup; the caller reads it and then closes it.
   *
   * @throws dev.tollgate.domain.model.NotAllowedException when the caller may not back up
   * @throws dev.tollgate.domain.model.ConflictException when this store is backed up otherwise
   * @throws dev.tollgate.domain.model.UnavailableException when it cannot be taken now
   */
  StoreBackups.Backup backUp(Query query);

  /** A request for a backup. */
  record Query(Caller caller) {
    public Query {
      Objects.requireNonNull(caller, "caller");
    }
  }
}
