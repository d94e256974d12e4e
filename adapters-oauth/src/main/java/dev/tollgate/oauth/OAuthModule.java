package dev.tollgate.oauth;

import dagger.Module;
import dagger.Provides;
import dev.tollgate.domain.port.out.IdentityProvider;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The identity provider for OAuth access tokens, or none when the server has no OAuth settings. */
@Module
public abstract class OAuthModule {

  private OAuthModule() {}

  @Provides
  @Singleton
  static IdentityProvider identityProvider(Optional<OAuthSettings> oauth) {
    return oauth.<IdentityProvider>map(OidcIdentityProvider::new).orElse(IdentityProvider.NONE);
  }
}
