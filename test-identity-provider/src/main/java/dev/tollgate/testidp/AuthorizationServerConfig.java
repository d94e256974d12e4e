package dev.tollgate.testidp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

  static final String CLIENT_ID = "tollgate-cli";
  /** The web console's client: authorization code with PKCE, from a browser. */
  static final String CONSOLE_CLIENT_ID = "tollgate-console";
  static final String ROTATE_PATH = "/test/rotate-signing-key";

  /** The OAuth endpoints: device authorization and verification, token, JWKS, discovery. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain authorizationServerChain(HttpSecurity http, RegisteredClientRepository clients,
      AuthorizationServerSettings settings,
      @Value("${tollgate.device-poll-interval}") Duration pollInterval,
      ConsoleClient console) throws Exception {
    PublicClientAuthenticationConverter converter = new PublicClientAuthenticationConverter(
        settings.getDeviceAuthorizationEndpoint(), settings.getTokenEndpoint());
    PublicClientAuthenticationProvider provider = new PublicClientAuthenticationProvider(clients);
    http.oauth2AuthorizationServer(server -> {
      http.securityMatcher(server.getEndpointsMatcher());
      server
          // both device endpoints are off unless asked for
          .deviceAuthorizationEndpoint(endpoint -> endpoint
              .deviceAuthorizationResponseHandler(new DeviceAuthorizationAnswer(
                  settings.getDeviceVerificationEndpoint(), pollInterval)))
          .deviceVerificationEndpoint(Customizer.withDefaults())
          .clientAuthentication(authentication -> authentication
              .authenticationConverter(converter)
              .authenticationProvider(provider))
          // tollgate-cli sends client_id alone: say so in both discovery documents
          .authorizationServerMetadataEndpoint(metadata -> metadata
              .authorizationServerMetadataCustomizer(builder -> builder
                  .tokenEndpointAuthenticationMethod(ClientAuthenticationMethod.NONE.getValue())))
          // for /.well-known/openid-configuration, where Tollgate finds jwks_uri
          .oidc(oidc -> oidc.providerConfigurationEndpoint(configuration -> configuration
              .providerConfigurationCustomizer(builder -> builder
                  .tokenEndpointAuthenticationMethod(ClientAuthenticationMethod.NONE.getValue()))));
    });
    http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
    // the console exchanges its code with fetch from its own origin
    http.cors(cors -> cors.configurationSource(console.cors(settings.getTokenEndpoint())));
    // a browser that is not signed in goes to the login page
    MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    http.exceptionHandling(exceptions -> exceptions
        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), html));
    return http.build();
  }

  /** Form login, the token endpoint's CORS preflight, and the test-only key rotation endpoint. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 1)
  SecurityFilterChain defaultChain(HttpSecurity http, AuthorizationServerSettings settings,
      ConsoleClient console) throws Exception {
    RequestMatcher rotate = PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.POST, ROTATE_PATH);
    http.authorizeHttpRequests(authorize -> authorize
            .requestMatchers(rotate).permitAll()
            .anyRequest().authenticated())
        .csrf(csrf -> csrf.ignoringRequestMatchers(rotate))
        .formLogin(Customizer.withDefaults())
        // the token endpoint's CORS preflight (OPTIONS) is not one of the server's endpoints
        .cors(cors -> cors.configurationSource(console.cors(settings.getTokenEndpoint())));
    return http.build();
  }

  /** The issuer is http://127.0.0.1:PORT whatever host name a client used. */
  @Bean
  TomcatConnectorCustomizer loopbackServerName() {
    return connector -> connector.setProxyName("127.0.0.1");
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    // no fixed issuer: it is resolved from each request, i.e. http://127.0.0.1:PORT
    return AuthorizationServerSettings.builder().build();
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(
      @Value("${tollgate.access-token-ttl}") Duration accessTokenTtl,
      @Value("${tollgate.device-code-ttl}") Duration deviceCodeTtl,
      @Value("${tollgate.refresh-token-ttl}") Duration refreshTokenTtl, ConsoleClient console) {
    RegisteredClient cli = RegisteredClient.withId(UUID.randomUUID().toString())
        .clientId(CLIENT_ID)
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .scope("tollgate")
        .scope("offline_access")
        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(true).build())
        .tokenSettings(TokenSettings.builder()
            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
            .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
            .accessTokenTimeToLive(accessTokenTtl)
            .deviceCodeTimeToLive(deviceCodeTtl)
            .refreshTokenTimeToLive(refreshTokenTtl)
            .reuseRefreshTokens(false)
            .build())
        .build();
    return new InMemoryRegisteredClientRepository(cli, console.client(accessTokenTtl));
  }

  @Bean
  ConsoleClient consoleClient(@Value("${tollgate.console-redirect-uris}") String redirectUris) {
    return new ConsoleClient(CONSOLE_CLIENT_ID, redirectUris);
  }

  @Bean
  OAuth2AuthorizationService authorizationService() {
    return new InMemoryOAuth2AuthorizationService();
  }

  /**
   * Consents are not remembered: every device flow shows the consent page, so a test can deny
   * (or approve) whatever the user did before. Spring skips the page once a user has consented to
   * the requested scopes.
   */
  @Bean
  OAuth2AuthorizationConsentService authorizationConsentService() {
    return new OAuth2AuthorizationConsentService() {
      @Override
      public void save(OAuth2AuthorizationConsent consent) {
      }

      @Override
      public void remove(OAuth2AuthorizationConsent consent) {
      }

      @Override
      public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        return null;
      }
    };
  }

  @Bean
  RotatingKeys rotatingKeys() {
    return new RotatingKeys();
  }

  /** Signs with the newest key only; the JWKS endpoint publishes all of them. */
  @Bean
  JwtEncoder jwtEncoder(RotatingKeys keys) {
    NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
    encoder.setJwkSelector(candidates -> {
      String current = keys.current().getKeyID();
      return candidates.stream().filter(key -> current.equals(key.getKeyID())).findFirst()
          .orElse(candidates.get(0));
    });
    return encoder;
  }

  /** Every access token is for Tollgate: {@code aud} is the configured audience. */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> audienceCustomizer(
      @Value("${tollgate.audience}") String audience) {
    return context -> {
      if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        context.getClaims().audience(List.of(audience));
      }
    };
  }

  /** {@code --tollgate.users=alice:pw1,bob:pw2}. */
  @Bean
  UserDetailsService users(@Value("${tollgate.users}") String users) {
    List<UserDetails> details = new ArrayList<>();
    for (String entry : users.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("--tollgate.users wants name:password[,...], got " + trimmed);
      }
      details.add(User.withUsername(trimmed.substring(0, colon))
          .password("{noop}" + trimmed.substring(colon + 1))
          .roles("USER")
          .build());
    }
    return new InMemoryUserDetailsManager(details);
  }
}
