package dev.tollgate.domain.service;

import dev.tollgate.domain.live.ChangeFollower;
import dev.tollgate.domain.model.UnavailableException;
import dev.tollgate.domain.port.in.GetReplicaStatusUseCase;
import dev.tollgate.domain.port.out.TokenEvents;
import java.util.OptionalLong;

/** Reports the replica's following, and asks the store for its newest change to show the lag. */
final class GetReplicaStatusService implements GetReplicaStatusUseCase {

  private final ChangeFollower follower;
  private final TokenEvents feed;

  GetReplicaStatusService(ChangeFollower follower, TokenEvents feed) {
    this.follower = follower;
    this.feed = feed;
  }

  @Override
  public ReplicaStatus status(Query query) {
    query.caller().require(OPERATION);
    OptionalLong latest;
    try {
      latest = OptionalLong.of(feed.latestSeq());
    } catch (UnavailableException e) {
      latest = OptionalLong.empty();
    }
    return new ReplicaStatus(follower.status(), latest);
  }
}
