package dev.tollgate.domain.model;

import java.util.Objects;

/** A newly created token with its token string, which is handed out this once. */
public record IssuedToken(Token token, TokenString secret) {

  public IssuedToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(secret, "secret");
  }

  @Override
  public String toString() {
    return "IssuedToken[" + token + ", " + secret + "]";
  }
}
