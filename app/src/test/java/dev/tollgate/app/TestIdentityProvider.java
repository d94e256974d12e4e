package dev.tollgate.app;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** An identity provider's key, key set file and users file, and the access tokens it signs. */
final class TestIdentityProvider {

  static final String ISSUER = "https://idp.example.test";
  static final String AUDIENCE = "tollgate";

  final RSAKey key;
  final Path jwks;
  final Path users;

  /** Writes the key set and a users file listing {@code usersJson} into {@code directory}. */
  TestIdentityProvider(Path directory, String usersJson) throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    jwks = Files.writeString(directory.resolve("jwks.json"),
        new JWKSet(key.toPublicJWK()).toString());
    users = Files.writeString(directory.resolve("users.json"), usersJson);
  }

  /** The {@code tollgate serve} options that trust this provider. */
  List<String> serveOptions() {
    return List.of("--oauth-issuer", ISSUER, "--oauth-audience", AUDIENCE, "--oauth-jwks",
        jwks.toString(), "--oauth-users-file", users.toString());
  }

  String accessToken(String user) throws Exception {
    return jwt(key, user, "JWT");
  }

  static String jwt(RSAKey key, String user) throws Exception {
    return jwt(key, user, "JWT");
  }

  /** An access token for {@code user}, valid for ten minutes, with the given {@code typ}. */
  static String jwt(RSAKey key, String user, String type) throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(new JOSEObjectType(type)).build(),
        new JWTClaimsSet.Builder().subject(user).issuer(ISSUER).audience(AUDIENCE)
            .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
            .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
