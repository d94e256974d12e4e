package dev.tollgate.app;

import dev.tollgate.oauth.OAuthSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code tollgate serve}'s identity provider: how it checks the access tokens of people. */
final class OAuthOptions {

  @Option(names = "--oauth-issuer", paramLabel = "URL",
      description = "Issuer (iss) the identity provider puts in access tokens [TOLLGATE_OAUTH_ISSUER].")
  String issuer;

  @Option(names = "--oauth-audience", paramLabel = "AUDIENCE",
      description = "Audience (aud) access tokens must carry [TOLLGATE_OAUTH_AUDIENCE].")
  String audience;

  @Option(names = "--oauth-jwks", paramLabel = "FILE|URL",
      description = "The identity provider's keys: a JWKS file or its https:// URL"
          + " (Clustered's jwksEndpoint); without it, the jwks_uri of the issuer's OpenID"
          + " discovery document [TOLLGATE_OAUTH_JWKS].")
  String jwks;

  @Option(names = "--oauth-users-file", paramLabel = "FILE",
      description = "JSON list of the cluster's users as in Clustered's admin.users: id, firstName,"
          + " lastName, email, userGroups (Admin, Member, Auditor; Admin when absent)"
          + " [TOLLGATE_OAUTH_USERS_FILE].")
  Path usersFile;

  @Option(names = "--oauth-user-claim", paramLabel = "CLAIM", defaultValue = "sub",
      description = "Access-token claim holding the user id [TOLLGATE_OAUTH_USER_CLAIM]"
          + " (default: ${DEFAULT-VALUE}).")
  String userClaim;

  @Option(names = "--oauth-console-client-id", paramLabel = "ID",
      description = "Public client (PKCE, redirect URI https://HOST:PORT/console/) the web console"
          + " signs people in as; without it the console offers only a pasted token"
          + " [TOLLGATE_OAUTH_CONSOLE_CLIENT_ID] (default: none).")
  String consoleClientId;

  @Option(names = "--oauth-console-scope", paramLabel = "SCOPES", defaultValue = "tollgate",
      description = "Scopes the console asks for, separated by spaces"
          + " [TOLLGATE_OAUTH_CONSOLE_SCOPE] (default: ${DEFAULT-VALUE}).")
  String consoleScope;

  /**
   * The client the web console signs in as; empty without {@code --oauth-console-client-id}.
   *
   * @throws IllegalArgumentException when it is given without the identity provider's options
   */
  Optional<ServerConfig.ConsoleClient> consoleClient() {
    if (consoleClientId == null) {
      return Optional.empty();
    }
    if (issuer == null) {
      throw new IllegalArgumentException("--oauth-console-client-id " + consoleClientId
          + " needs the identity provider it signs in at: give --oauth-issuer,"
          + " --oauth-audience and --oauth-users-file too");
    }
    return Optional.of(new ServerConfig.ConsoleClient(consoleClientId.strip(),
        consoleScope.strip()));
  }

  /**
   * The identity provider's settings; empty when none of its options is given.
   *
   * @throws IllegalArgumentException when some are missing or one is wrong, naming it
   */
  Optional<OAuthSettings> settings() {
    List<String> missing = missing();
    if (missing.size() == 3 && jwks == null) {
      return Optional.empty();
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("OAuth needs all of --oauth-issuer,"
          + " --oauth-audience and --oauth-users-file (--oauth-jwks too, unless the issuer"
          + " publishes OpenID discovery); missing: " + String.join(", ", missing));
    }
    Optional<URI> keys = Optional.empty();
    if (jwks != null) {
      URI location = jwks.matches("(?i)https?://.*") ? URI.create(jwks)
          : Path.of(jwks).toAbsolutePath().toUri();
      if ("file".equals(location.getScheme()) && !Files.isReadable(Path.of(location))) {
        throw new IllegalArgumentException("--oauth-jwks " + jwks
            + " is neither a readable file nor an https:// URL");
      }
      keys = Optional.of(location);
    }
    return Optional.of(new OAuthSettings(issuer, audience, keys, userClaim,
        UsersFile.read(usersFile)));
  }

  private List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (issuer == null) {
      missing.add("--oauth-issuer");
    }
    if (audience == null) {
      missing.add("--oauth-audience");
    }
    if (usersFile == null) {
      missing.add("--oauth-users-file");
    }
    return missing;
  }
}
