package dev.tollgate.domain.inmemory;

import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.port.out.IdGenerator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Hands out 00000000-0000-4000-8000-000000000001, …0002 and so on, so tests can name ids. */
public final class SequentialIdGenerator implements IdGenerator {

  private final AtomicLong last = new AtomicLong();

  @Override
  public TokenId newId() {
    return new TokenId(new UUID(0x4000L, 0x8000_0000_0000_0000L | last.incrementAndGet()));
  }
}
