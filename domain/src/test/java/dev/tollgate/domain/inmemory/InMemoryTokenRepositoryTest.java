package dev.tollgate.domain.inmemory;

import dev.tollgate.domain.port.out.AbstractTokenRepositoryTest;
import dev.tollgate.domain.port.out.TokenRepository;

class InMemoryTokenRepositoryTest extends AbstractTokenRepositoryTest {

  @Override
  protected TokenRepository newEmptyRepository() {
    return new InMemoryTokenRepository();
  }
}
