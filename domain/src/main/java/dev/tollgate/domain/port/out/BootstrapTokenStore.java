package dev.tollgate.domain.port.out;

import dev.tollgate.domain.model.TokenString;
import java.util.Optional;

/** Where the bootstrap admin token string is kept for the operator, outside the token store. */
public interface BootstrapTokenStore {

  /** The kept token string, if there is one. */
  Optional<TokenString> read();

  /** Keeps the token string durably, readable by its owner only, before returning. */
  void write(TokenString token);

  /** Forgets the kept token string, if there is one. */
  void delete();

  /** Where it is kept, for a log line; never the token itself. */
  String location();
}
