package dev.tollgate.domain.service;

import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenString;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase;
import dev.tollgate.domain.port.out.BootstrapTokenStore;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.RandomSource;
import dev.tollgate.domain.port.out.TokenRepository;
import java.time.Instant;
import java.util.Optional;

/** Provisions the bootstrap admin credential, keeping the token string before registering its hash. */
final class ProvisionBootstrapAdminService implements ProvisionBootstrapAdminUseCase {

  private final TokenRepository repository;
  private final BootstrapTokenStore store;
  private final Clock clock;
  private final RandomSource random;

  ProvisionBootstrapAdminService(TokenRepository repository, BootstrapTokenStore store,
      Clock clock, RandomSource random) {
    this.repository = repository;
    this.store = store;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Result provision(Command command) {
    switch (command.change()) {
      case ROTATE -> {
        TokenString created = TokenFormat.MANAGEMENT.generate(random);
        // kept before it is registered, as at creation: a crash in between never loses it
        store.write(created);
        return new Result(Outcome.ROTATED, repository.replaceBootstrapAdmin(
            Optional.of(created.hash()), store.location(), clock.now()));
      }
      case DISABLE -> {
        BootstrapAdmin now =
            repository.replaceBootstrapAdmin(Optional.empty(), store.location(), clock.now());
        store.delete();
        return new Result(Outcome.DISABLED, now);
      }
      case NONE -> {
        // provisioned below
      }
    }
    Optional<TokenString> kept = store.read();
    BootstrapAdmin registered = repository.bootstrapAdmin();
    if (kept.isPresent()) {
      return provisionKept(kept.get().hash(), registered);
    }
    if (registered.hash().isPresent()) {
      return new Result(Outcome.KEPT_ELSEWHERE, registered);
    }
    if (registered.isDisabled()) {
      return new Result(Outcome.STILL_DISABLED, registered);
    }
    if (!command.createIfMissing()) {
      return new Result(Outcome.NONE, registered);
    }
    TokenString created = TokenFormat.MANAGEMENT.generate(random);
    store.write(created);
    if (repository.registerBootstrapAdmin(created.hash(), store.location(), clock.now())) {
      return new Result(Outcome.CREATED, repository.bootstrapAdmin());
    }
    // another replica registered its own between our read and our write: ours never worked
    store.delete();
    return new Result(Outcome.KEPT_ELSEWHERE, repository.bootstrapAdmin());
  }

  private Result provisionKept(TokenHash hash, BootstrapAdmin registered) {
    if (registered.hash().filter(hash::equals).isPresent()) {
      return new Result(Outcome.REUSED, registered);
    }
    Optional<Instant> retired = repository.bootstrapAdminRetiredAt(hash);
    if (retired.isPresent()) {
      return new Result(Outcome.RETIRED, registered, retired);
    }
    if (registered.generation() == 0
        && repository.registerBootstrapAdmin(hash, store.location(), clock.now())) {
      return new Result(Outcome.REGISTERED, repository.bootstrapAdmin());
    }
    return new Result(Outcome.MISMATCH, repository.bootstrapAdmin());
  }
}
