package dev.tollgate.domain.inmemory;

import dev.tollgate.domain.model.TokenString;
import dev.tollgate.domain.port.out.BootstrapTokenStore;
import java.util.Optional;

/** Keeps the bootstrap admin token string in memory, where a server keeps it in a file. */
public class InMemoryBootstrapTokenStore implements BootstrapTokenStore {

  private TokenString kept;

  @Override
  public synchronized Optional<TokenString> read() {
    return Optional.ofNullable(kept);
  }

  @Override
  public synchronized void write(TokenString token) {
    kept = token;
  }

  @Override
  public synchronized void delete() {
    kept = null;
  }

  @Override
  public String location() {
    return "memory";
  }
}
