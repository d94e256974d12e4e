package dev.tollgate.testidp;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only: {@code POST /test/rotate-signing-key} switches to a new signing key. */
@RestController
class KeyRotationController {

  private final RotatingKeys keys;

  KeyRotationController(RotatingKeys keys) {
    this.keys = keys;
  }

  /** Answers the new key's kid; older keys stay in the JWKS. */
  @PostMapping(path = AuthorizationServerConfig.ROTATE_PATH, produces = "text/plain")
  String rotate() {
    return keys.rotate();
  }
}
