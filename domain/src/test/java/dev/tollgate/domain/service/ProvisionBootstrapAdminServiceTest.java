package dev.tollgate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.inmemory.InMemoryBootstrapTokenStore;
import dev.tollgate.domain.inmemory.InMemoryTokenRepository;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenString;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Change;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Command;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Outcome;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Result;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProvisionBootstrapAdminServiceTest {

  /** Keeps the token in memory; can be told to fail like a full disk. */
  private static class FieldStore extends InMemoryBootstrapTokenStore {
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

  private static Outcome outcome(Result result) {
    return result.outcome();
  }

  private final InMemoryTokenRepository repository = new InMemoryTokenRepository();
  private final FieldStore store = new FieldStore();
  private final DeterministicRandomSource random = new DeterministicRandomSource(3);
  private final ProvisionBootstrapAdminService service = new ProvisionBootstrapAdminService(
      repository, store, new ControllableClock(Instant.parse("2026-01-01T00:00:00Z")), random);

  @Test
  void firstStart_provision_keepsANewTokenAndRegistersOnlyItsHash() {
    assertThat(outcome(service.provision(new Command(true)))).isEqualTo(Outcome.CREATED);

    assertThat(store.kept().kind().name()).isEqualTo("MANAGEMENT");
    assertThat(repository.bootstrapAdmin().hash()).contains(store.kept().hash());
  }

  @Test
  void laterStart_provision_reusesTheKeptToken() {
    service.provision(new Command(true));
    TokenString first = store.kept();

    assertThat(outcome(service.provision(new Command(true)))).isEqualTo(Outcome.REUSED);
    assertThat(store.kept()).isEqualTo(first);
  }

  @Test
  void crashAfterKeepingBeforeRegistering_provision_registersTheKeptToken() {
    store.write(TokenFormat.MANAGEMENT.generate(random));

    assertThat(outcome(service.provision(new Command(false)))).isEqualTo(Outcome.REGISTERED);
    assertThat(repository.bootstrapAdmin().hash()).contains(store.kept().hash());
  }

  @Test
  void failedWrite_provision_registersNothing() {
    store.failWrites = true;

    assertThatThrownBy(() -> service.provision(new Command(true))).hasMessage("disk full");
    assertThat(repository.bootstrapAdmin().hash()).isEmpty();
  }

  @Test
  void identityProviderConfigured_provision_createsNothing() {
    assertThat(outcome(service.provision(new Command(false)))).isEqualTo(Outcome.NONE);
    assertThat(store.kept()).isNull();
  }

  @Test
  void registeredButNotKeptHere_provision_leavesItAlone() {
    repository.registerBootstrapAdmin(TokenFormat.MANAGEMENT.generate(random).hash(), "elsewhere", Instant.EPOCH);

    assertThat(outcome(service.provision(new Command(true)))).isEqualTo(Outcome.KEPT_ELSEWHERE);
    assertThat(store.kept()).isNull();
  }

  @Test
  void keptTokenDiffersFromRegistered_provision_isAMismatchAndKeepsTheRegistered() {
    TokenString registered = TokenFormat.MANAGEMENT.generate(random);
    repository.registerBootstrapAdmin(registered.hash(), "elsewhere", Instant.EPOCH);
    store.write(TokenFormat.MANAGEMENT.generate(random));

    assertThat(outcome(service.provision(new Command(true)))).isEqualTo(Outcome.MISMATCH);
    assertThat(repository.bootstrapAdmin().hash()).contains(registered.hash());
  }

  @Test
  void rotate_keepsANewTokenAndRegistersItsHash_disable_removesBoth() {
    service.provision(new Command(true));
    TokenString first = store.kept();

    assertThat(outcome(service.provision(new Command(true, Change.ROTATE))))
        .isEqualTo(Outcome.ROTATED);
    assertThat(store.kept()).isNotEqualTo(first);
    assertThat(repository.bootstrapAdmin().hash()).contains(store.kept().hash());

    assertThat(outcome(service.provision(new Command(false, Change.DISABLE))))
        .isEqualTo(Outcome.DISABLED);
    assertThat(store.kept()).isNull();
    assertThat(repository.bootstrapAdmin().hash()).isEmpty();
  }

  @Test
  void disabledOnAnotherReplica_startWithTheOldFile_doesNotRegisterItAgain() {
    service.provision(new Command(true));
    TokenString old = store.kept();
    FieldStore otherFile = new FieldStore();
    new ProvisionBootstrapAdminService(repository, otherFile,
        new ControllableClock(Instant.parse("2026-01-02T00:00:00Z")), random)
        .provision(new Command(false,
            Change.DISABLE));

    Result restarted = service.provision(new Command(false));

    assertThat(repository.bootstrapAdmin().hash()).as("still disabled").isEmpty();
    assertThat(restarted.outcome()).isEqualTo(Outcome.RETIRED);
    assertThat(restarted.retiredAt()).contains(Instant.parse("2026-01-02T00:00:00Z"));
    assertThat(store.kept()).as("the operator deletes it, told by the log").isEqualTo(old);
  }

  @Test
  void anotherReplicaRegistersBetweenOurReadAndOurWrite_provision_keepsNoFileHere() {
    TokenString theirs = TokenFormat.MANAGEMENT.generate(new DeterministicRandomSource(9));
    FieldStore racingFile = new FieldStore() {
      @Override
      public void write(TokenString token) {
        super.write(token);
        // the other replica registers its own just after this one found none registered
        repository.registerBootstrapAdmin(theirs.hash(), "elsewhere", Instant.EPOCH);
      }
    };
    ProvisionBootstrapAdminService late = new ProvisionBootstrapAdminService(repository,
        racingFile, new ControllableClock(Instant.parse("2026-01-01T00:00:01Z")), random);

    Result outcome = late.provision(new Command(true));

    assertThat(outcome.outcome()).isEqualTo(Outcome.KEPT_ELSEWHERE);
    assertThat(outcome.registration().keptAt()).contains("elsewhere");
    assertThat(racingFile.kept()).as("the losing replica keeps no token of its own").isNull();
    assertThat(repository.bootstrapAdmin().hash()).contains(theirs.hash());
  }

  @Test
  void disabledAndNothingKept_provisionWithoutAnIdentityProvider_staysDisabled() {
    service.provision(new Command(true));
    service.provision(new Command(true, Change.DISABLE));

    Result restarted = service.provision(new Command(true));

    assertThat(restarted.outcome()).isEqualTo(Outcome.STILL_DISABLED);
    assertThat(store.kept()).isNull();
    assertThat(repository.bootstrapAdmin().isDisabled()).isTrue();
  }

  @Test
  void rotatedOnAnotherReplica_startWithTheOldFile_isRetiredAndTheNewOneStays() {
    service.provision(new Command(true));
    FieldStore otherFile = new FieldStore();
    new ProvisionBootstrapAdminService(repository, otherFile,
        new ControllableClock(Instant.parse("2026-01-02T00:00:00Z")), random)
        .provision(new Command(true, Change.ROTATE));

    Result restarted = service.provision(new Command(true));

    assertThat(restarted.outcome()).isEqualTo(Outcome.RETIRED);
    assertThat(restarted.registration().hash()).contains(otherFile.kept().hash());
    assertThat(repository.bootstrapAdmin().hash()).contains(otherFile.kept().hash());
  }
}
