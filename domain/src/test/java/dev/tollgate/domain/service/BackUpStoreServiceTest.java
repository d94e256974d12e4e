package dev.tollgate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.inmemory.InMemoryTokenRepository;
import dev.tollgate.domain.inmemory.SequentialIdGenerator;
import dev.tollgate.domain.live.FollowerSettings;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.NotAllowedException;
import dev.tollgate.domain.model.UserGroup;
import dev.tollgate.domain.port.in.BackUpStoreUseCase;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.domain.port.out.StoreBackups;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A backup is taken for the callers the caller table lets, stating when and for whom. */
class BackUpStoreServiceTest {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  private final InMemoryTokenRepository store = new InMemoryTokenRepository();
  private final UseCases tollgate = new UseCases(store, store, new ControllableClock(NOW),
      new DeterministicRandomSource(5), new SequentialIdGenerator(), IdentityProvider.NONE,
      FollowerSettings.immediate());
  private final List<String> taken = new ArrayList<>();
  private final StoreBackups backups = (at, takenBy) -> {
    taken.add(at + " " + takenBy);
    return new StoreBackups.Backup() {
      @Override
      public Instant takenAt() {
        return at;
      }

      @Override
      public String takenBy() {
        return takenBy;
      }

      @Override
      public String schemaVersion() {
        return "7";
      }

      @Override
      public long size() {
        return 0;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(new byte[0]);
      }

      @Override
      public void close() {
        // nothing held
      }
    };
  };

  @Test
  void adminUser_backUp_isTakenNowForThem() {
    StoreBackups.Backup backup = tollgate.backUpStore(backups).backUp(
        new BackUpStoreUseCase.Query(new Caller.User("ada", Set.of(UserGroup.ADMIN))));

    assertThat(backup.takenAt()).isEqualTo(NOW);
    assertThat(taken).containsExactly(NOW + " user:ada");
  }

  @Test
  void auditor_backUp_isRefusedBeforeAnythingIsCopied() {
    assertThatThrownBy(() -> tollgate.backUpStore(backups).backUp(new BackUpStoreUseCase.Query(
        new Caller.User("aud", Set.of(UserGroup.AUDITOR)))))
        .isInstanceOf(NotAllowedException.class)
        .hasMessage("user aud (Auditor) may not back up the token store; only an Admin user,"
            + " the bootstrap admin or a management token may");
    assertThat(taken).isEmpty();
  }
}
