package dev.tollgate.domain.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.model.Grants;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokensByIdTest {

  private static LiveToken entry(UUID id, long version) {
    byte[] digest = new byte[64];
    new SplittableRandom(id.getLeastSignificantBits() ^ version).nextBytes(digest);
    return new LiveToken(new TokenDigest(digest), LiveToken.Holder.DATABASE_TOKEN,
        new TokenId(id), new LiveToken.State(version, TokenStatus.NEVER,
            LiveToken.State.NOT_REVOKED, Grants.NONE));
  }

  @Test
  void randomPutsAndRemoves_includingCollidingIds_agreeWithAHashMap() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      TokensById table = new TokensById();
      Map<UUID, LiveToken> expected = new HashMap<>();
      List<UUID> ids = new ArrayList<>();
      for (int op = 0; op < 20_000; op++) {
        // few distinct high halves, so that many ids land in the same runs of slots
        UUID id = ids.isEmpty() || random.nextInt(3) == 0
            ? new UUID(random.nextInt(4), random.nextLong()) : ids.get(random.nextInt(ids.size()));
        if (random.nextInt(3) == 0) {
          LiveToken removed = table.remove(id.getMostSignificantBits(), id.getLeastSignificantBits());
          assertThat(removed).as("seed %d, op %d", seed, op).isSameAs(expected.remove(id));
        } else {
          LiveToken added = entry(id, op);
          table.put(added);
          expected.put(id, added);
          ids.add(id);
        }
      }
      assertThat(table.size()).as("seed %d", seed).isEqualTo(expected.size());
      for (UUID id : ids) {
        assertThat(table.get(id.getMostSignificantBits(), id.getLeastSignificantBits()))
            .as("seed %d", seed).isSameAs(expected.get(id));
      }
      List<LiveToken> all = new ArrayList<>();
      table.forEach(all::add);
      assertThat(all).containsExactlyInAnyOrderElementsOf(expected.values());
    }
  }
}
