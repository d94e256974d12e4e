package dev.tollgate.testidp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The signing keys: the newest signs, all of them are published at the JWKS endpoint, so tokens
 * signed before a rotation still verify.
 */
final class RotatingKeys implements JWKSource<SecurityContext> {

  /** Newest first; replaced as a whole, never changed in place. */
  private volatile List<JWK> keys;

  RotatingKeys() {
    keys = List.of(generate());
  }

  /** Adds a new key that signs from now on; returns its kid. */
  synchronized String rotate() {
    JWK key = generate();
    List<JWK> next = new ArrayList<>();
    next.add(key);
    next.addAll(keys);
    keys = List.copyOf(next);
    return key.getKeyID();
  }

  /** The key that signs new tokens. */
  JWK current() {
    return keys.get(0);
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    return selector.select(new JWKSet(keys));
  }

  private static JWK generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }
}
