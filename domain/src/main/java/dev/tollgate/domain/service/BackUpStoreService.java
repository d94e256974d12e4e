package dev.tollgate.domain.service;

import dev.tollgate.domain.port.in.BackUpStoreUseCase;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.StoreBackups;

/** Checks the caller, then has the store copied, stating when and for whom. */
final class BackUpStoreService implements BackUpStoreUseCase {

  private final StoreBackups backups;
  private final Clock clock;

  BackUpStoreService(StoreBackups backups, Clock clock) {
    this.backups = backups;
    this.clock = clock;
  }

  @Override
  public StoreBackups.Backup backUp(Query query) {
    query.caller().require(OPERATION);
    return backups.take(clock.now(), query.caller().subject());
  }
}
