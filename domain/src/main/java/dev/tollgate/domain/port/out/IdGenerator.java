package dev.tollgate.domain.port.out;

import dev.tollgate.domain.model.TokenId;

/** Hands out identifiers for new tokens. */
@FunctionalInterface
public interface IdGenerator {

  /** A token id that has never been handed out before. */
  TokenId newId();
}
