package dev.tollgate.domain.service;

import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenString;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase;
import dev.tollgate.domain.port.out.BootstrapTokenStore;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.RandomSource;
import dev.tollgate.domain.port.out.TokenRepository;
import java.util.Optional;

/** Provisions the bootstrap admin credential, keeping the token string before registering its hash. */
public final class ProvisionBootstrapAdminService implements ProvisionBootstrapAdminUseCase {

  private final TokenRepository repository;
  private final BootstrapTokenStore store;
  private final Clock clock;
  private final RandomSource random;

  public ProvisionBootstrapAdminService(TokenRepository repository, BootstrapTokenStore store,
      Clock clock, RandomSource random) {
    this.repository = repository;
    this.store = store;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Outcome provision(Command command) {
    switch (command.change()) {
      case ROTATE -> {
        TokenString created = TokenFormat.MANAGEMENT.generate(random);
        // kept before it is registered, as at creation: a crash in between never loses it
        store.write(created);
        repository.replaceBootstrapAdmin(Optional.of(created.hash()), clock.now());
        return Outcome.ROTATED;
      }
      case DISABLE -> {
        repository.replaceBootstrapAdmin(Optional.empty(), clock.now());
        store.delete();
        return Outcome.DISABLED;
      }
      case NONE -> {
        // provisioned below
      }
    }
    Optional<TokenString> kept = store.read();
    Optional<TokenHash> registered = repository.bootstrapAdminHash();
    if (kept.isPresent()) {
      TokenHash hash = kept.get().hash();
      if (registered.isEmpty()) {
        return repository.registerBootstrapAdmin(hash, clock.now()) ? Outcome.REGISTERED
            : matches(hash);
      }
      return registered.get().equals(hash) ? Outcome.REUSED : Outcome.MISMATCH;
    }
    if (registered.isPresent()) {
      return Outcome.KEPT_ELSEWHERE;
    }
    if (!command.createIfMissing()) {
      return Outcome.NONE;
    }
    TokenString created = TokenFormat.MANAGEMENT.generate(random);
    store.write(created);
    return repository.registerBootstrapAdmin(created.hash(), clock.now()) ? Outcome.CREATED
        : matches(created.hash());
  }

  // another replica registered its own credential between our read and our write
  private Outcome matches(TokenHash hash) {
    return repository.bootstrapAdminHash().filter(hash::equals).isPresent() ? Outcome.REUSED
        : Outcome.MISMATCH;
  }
}
