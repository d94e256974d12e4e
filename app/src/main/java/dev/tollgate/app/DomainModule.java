package dev.tollgate.app;

import dagger.Module;
import dagger.Provides;
import dev.tollgate.domain.port.in.AuthenticateCallerUseCase;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.GetDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.ListDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.RevokeDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.UpdateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.ListManagementTokensUseCase;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase;
import dev.tollgate.domain.port.in.RevokeManagementTokensUseCase;
import dev.tollgate.domain.port.out.BootstrapTokenStore;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.IdGenerator;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.domain.port.out.RandomSource;
import dev.tollgate.domain.port.out.TokenRepository;
import dev.tollgate.domain.service.AuthenticateCallerService;
import dev.tollgate.domain.service.AuthorizeService;
import dev.tollgate.domain.service.CreateDatabaseTokenService;
import dev.tollgate.domain.service.GetDatabaseTokenService;
import dev.tollgate.domain.service.ListDatabaseTokensService;
import dev.tollgate.domain.service.RevokeDatabaseTokensService;
import dev.tollgate.domain.service.UpdateDatabaseTokenService;
import dev.tollgate.domain.service.CreateManagementTokenService;
import dev.tollgate.domain.service.ListManagementTokensService;
import dev.tollgate.domain.service.ProvisionBootstrapAdminService;
import dev.tollgate.domain.service.RevokeManagementTokensService;
import jakarta.inject.Singleton;

/** Builds the domain's services from its ports, so the domain itself needs no injection framework. */
@Module
final class DomainModule {

  private DomainModule() {}

  @Provides
  @Singleton
  static CreateManagementTokenUseCase createManagementToken(TokenRepository repository, Clock clock,
      RandomSource random, IdGenerator ids) {
    return new CreateManagementTokenService(repository, clock, random, ids);
  }

  @Provides
  @Singleton
  static ListManagementTokensUseCase listManagementTokens(TokenRepository repository) {
    return new ListManagementTokensService(repository);
  }

  @Provides
  @Singleton
  static RevokeManagementTokensUseCase revokeManagementTokens(TokenRepository repository,
      Clock clock) {
    return new RevokeManagementTokensService(repository, clock);
  }

  @Provides
  @Singleton
  static AuthenticateCallerUseCase authenticateCaller(TokenRepository repository, Clock clock,
      IdentityProvider identityProvider) {
    return new AuthenticateCallerService(repository, clock, identityProvider);
  }

  @Provides
  @Singleton
  static ProvisionBootstrapAdminUseCase provisionBootstrapAdmin(TokenRepository repository,
      BootstrapTokenStore store, Clock clock, RandomSource random) {
    return new ProvisionBootstrapAdminService(repository, store, clock, random);
  }

  @Provides
  @Singleton
  static CreateDatabaseTokenUseCase createDatabaseToken(TokenRepository repository, Clock clock,
      RandomSource random, IdGenerator ids) {
    return new CreateDatabaseTokenService(repository, clock, random, ids);
  }

  @Provides
  @Singleton
  static ListDatabaseTokensUseCase listDatabaseTokens(TokenRepository repository) {
    return new ListDatabaseTokensService(repository);
  }

  @Provides
  @Singleton
  static GetDatabaseTokenUseCase getDatabaseToken(TokenRepository repository) {
    return new GetDatabaseTokenService(repository);
  }

  @Provides
  @Singleton
  static UpdateDatabaseTokenUseCase updateDatabaseToken(TokenRepository repository, Clock clock) {
    return new UpdateDatabaseTokenService(repository, clock);
  }

  @Provides
  @Singleton
  static RevokeDatabaseTokensUseCase revokeDatabaseTokens(TokenRepository repository, Clock clock) {
    return new RevokeDatabaseTokensService(repository, clock);
  }

  @Provides
  @Singleton
  static AuthorizeUseCase authorize(TokenRepository repository, Clock clock) {
    return new AuthorizeService(repository, clock);
  }
}
