package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.FeedFollowing;
import dev.tollgate.domain.model.Operation;
import java.util.Objects;
import java.util.OptionalLong;

/** How well the answering replica follows the token store: for operators watching its lag. */
public interface GetReplicaStatusUseCase {

  /** The right a caller needs for this, checked by every door before it reads the request. */
  Operation OPERATION = Operation.READ_REPLICA_STATUS;

  /**
   * The replica's state and, when the store answers, the newest change in it.
   *
   * @throws dev.tollgate.domain.model.NotAllowedException when the caller may not read it
   */
  ReplicaStatus status(Query query);

  /** A request for the replica's status. */
  record Query(Caller caller) {
    public Query {
      Objects.requireNonNull(caller, "caller");
    }
  }

  /**
   * The replica's status.
   *
   * @param following what the replica knows of itself
   * @param latestSeq the newest change in the store, empty when the store cannot be read
   */
  record ReplicaStatus(FeedFollowing following, OptionalLong latestSeq) {

    /** How many changes the replica has still to apply, when the store could be read. */
    public OptionalLong behind() {
      return latestSeq.isPresent()
          ? OptionalLong.of(Math.max(0, latestSeq.getAsLong() - following.appliedSeq()))
          : OptionalLong.empty();
    }
  }
}
