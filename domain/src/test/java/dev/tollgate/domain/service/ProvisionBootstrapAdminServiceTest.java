package dev.tollgate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.inmemory.InMemoryBootstrapTokenStore;
import dev.tollgate.domain.inmemory.InMemoryTokenRepository;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenString;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Command;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProvisionBootstrapAdminServiceTest {

  /** Keeps the token in memory; can be told to fail like a full disk. */
  private static final class FieldStore extends InMemoryBootstrapTokenStore {
    boolean failWrites;

    @Override
    public void write(TokenString token) {
      if (failWrites) {
        throw new IllegalStateException("disk full");
      }
      super.write(token);
    }

    TokenString kept() {
      return read().orElse(null);
    }
  }

  private final InMemoryTokenRepository repository = new InMemoryTokenRepository();
  private final FieldStore store = new FieldStore();
  private final DeterministicRandomSource random = new DeterministicRandomSource(3);
  private final ProvisionBootstrapAdminService service = new ProvisionBootstrapAdminService(
      repository, store, new ControllableClock(Instant.parse("2026-01-01T00:00:00Z")), random);

  @Test
  void firstStart_provision_keepsANewTokenAndRegistersOnlyItsHash() {
    assertThat(service.provision(new Command(true))).isEqualTo(Outcome.CREATED);

    assertThat(store.kept().kind().name()).isEqualTo("MANAGEMENT");
    assertThat(repository.bootstrapAdminHash()).contains(store.kept().hash());
  }

  @Test
  void laterStart_provision_reusesTheKeptToken() {
    service.provision(new Command(true));
    TokenString first = store.kept();

    assertThat(service.provision(new Command(true))).isEqualTo(Outcome.REUSED);
    assertThat(store.kept()).isEqualTo(first);
  }

  @Test
  void crashAfterKeepingBeforeRegistering_provision_registersTheKeptToken() {
    store.write(TokenFormat.MANAGEMENT.generate(random));

    assertThat(service.provision(new Command(false))).isEqualTo(Outcome.REGISTERED);
    assertThat(repository.bootstrapAdminHash()).contains(store.kept().hash());
  }

  @Test
  void failedWrite_provision_registersNothing() {
    store.failWrites = true;

    assertThatThrownBy(() -> service.provision(new Command(true))).hasMessage("disk full");
    assertThat(repository.bootstrapAdminHash()).isEmpty();
  }

  @Test
  void identityProviderConfigured_provision_createsNothing() {
    assertThat(service.provision(new Command(false))).isEqualTo(Outcome.NONE);
    assertThat(store.kept()).isNull();
  }

  @Test
  void registeredButNotKeptHere_provision_leavesItAlone() {
    repository.registerBootstrapAdmin(TokenFormat.MANAGEMENT.generate(random).hash(), Instant.EPOCH);

    assertThat(service.provision(new Command(true))).isEqualTo(Outcome.KEPT_ELSEWHERE);
    assertThat(store.kept()).isNull();
  }

  @Test
  void keptTokenDiffersFromRegistered_provision_isAMismatchAndKeepsTheRegistered() {
    TokenString registered = TokenFormat.MANAGEMENT.generate(random);
    repository.registerBootstrapAdmin(registered.hash(), Instant.EPOCH);
    store.write(TokenFormat.MANAGEMENT.generate(random));

    assertThat(service.provision(new Command(true))).isEqualTo(Outcome.MISMATCH);
    assertThat(repository.bootstrapAdminHash()).contains(registered.hash());
  }

  @Test
  void rotate_keepsANewTokenAndRegistersItsHash_disable_removesBoth() {
    service.provision(new Command(true));
    TokenString first = store.kept();

    assertThat(service.provision(new Command(true,
        dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Change.ROTATE)))
        .isEqualTo(Outcome.ROTATED);
    assertThat(store.kept()).isNotEqualTo(first);
    assertThat(repository.bootstrapAdminHash()).contains(store.kept().hash());

    assertThat(service.provision(new Command(false,
        dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Change.DISABLE)))
        .isEqualTo(Outcome.DISABLED);
    assertThat(store.kept()).isNull();
    assertThat(repository.bootstrapAdminHash()).isEmpty();
  }
}
