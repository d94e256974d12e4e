package dev.tollgate.domain.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenString;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenDigestTest {

  /** A digest whose 64 bytes are 0, 1, 2, … 63. */
  private static byte[] counting() {
    byte[] digest = new byte[64];
    for (int i = 0; i < digest.length; i++) {
      digest[i] = (byte) i;
    }
    return digest;
  }

  @Test
  void digestsDifferingInAnyOneBit_equals_isFalse_andTheSameBytes_isTrue() {
    TokenDigest digest = new TokenDigest(counting());

    assertThat(new TokenDigest(counting())).isEqualTo(digest).hasSameHashCodeAs(digest);
    assertThat(new TokenDigest(digest)).isEqualTo(digest);
    for (int bit = 0; bit < 512; bit++) {
      byte[] other = counting();
      other[bit / 8] ^= (byte) (1 << (bit % 8));

      assertThat(new TokenDigest(other)).as("bit %d flipped", bit).isNotEqualTo(digest);
    }
    assertThat(digest).isNotEqualTo("not a digest");
  }

  @Test
  void aTokenString_of_isTheDigestOfItsSha512_onEveryPath() {
    TokenString token = TokenFormat.DATABASE.generate(new DeterministicRandomSource(5));
    byte[] utf8 = token.value().getBytes(StandardCharsets.UTF_8);

    assertThat(TokenDigest.ofUtf8(utf8)).isEqualTo(TokenDigest.of(token))
        .isEqualTo(TokenDigest.of(token.hash()));
  }
}
