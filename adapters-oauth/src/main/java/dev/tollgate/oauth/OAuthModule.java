package dev.tollgate.oauth;

import dagger.Module;
import dagger.Provides;
import dev.tollgate.domain.port.out.IdentityProvider;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The identity provider for OAuth access tokens, or none when the server has no OAuth settings;
 * and the issuer's discovery document, which the web console's sign-in reads too.
 */
@Module
public abstract class OAuthModule {

  private OAuthModule() {}

  @Provides
  @Singleton
  static IdentityProvider identityProvider(Optional<OAuthSettings> oauth,
      Optional<OidcDiscovery> discovery) {
    return oauth.<IdentityProvider>map(settings -> new OidcIdentityProvider(settings,
        discovery.orElseThrow(), OidcIdentityProvider.MIN_REFETCH)).orElse(IdentityProvider.NONE);
  }

  /** The issuer's discovery document, read once (when first asked) for every part that needs it. */
  @Provides
  @Singleton
  static Optional<OidcDiscovery> discovery(Optional<OAuthSettings> oauth) {
    return oauth.map(OidcDiscovery::new);
  }
}
