package dev.tollgate.domain.live;

import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenString;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A token's SHA-512 digest as eight longs: the key of the live index. Equality compares every
 * bit without stopping early, as {@link java.security.MessageDigest#isEqual} does.
 */
public class TokenDigest {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[64]);

  private final long d0;
  private final long d1;
  private final long d2;
  private final long d3;
  private final long d4;
  private final long d5;
  private final long d6;
  private final long d7;

  TokenDigest(byte[] digest) {
    if (digest.length != 64) {
      throw new IllegalArgumentException("a sha512 digest has 64 bytes, not " + digest.length);
    }
    d0 = (long) LONGS.get(digest, 0);
    d1 = (long) LONGS.get(digest, 8);
    d2 = (long) LONGS.get(digest, 16);
    d3 = (long) LONGS.get(digest, 24);
    d4 = (long) LONGS.get(digest, 32);
    d5 = (long) LONGS.get(digest, 40);
    d6 = (long) LONGS.get(digest, 48);
    d7 = (long) LONGS.get(digest, 56);
  }

  TokenDigest(TokenDigest other) {
    this.d0 = other.d0;
    this.d1 = other.d1;
    this.d2 = other.d2;
    this.d3 = other.d3;
    this.d4 = other.d4;
    this.d5 = other.d5;
    this.d6 = other.d6;
    this.d7 = other.d7;
  }

  /** Hashes a presented token string. */
  public static TokenDigest of(TokenString token) {
    return new TokenDigest(TokenHash.sha512Digest(token.value()));
  }

  /** Hashes a presented token as its UTF-8 bytes, without allocating anything but the key. */
  public static TokenDigest ofUtf8(byte[] token) {
    byte[] digest = SCRATCH.get();
    TokenHash.sha512(token, digest);
    return new TokenDigest(digest);
  }

  /** The digest of a stored hash. */
  public static TokenDigest of(TokenHash hash) {
    return new TokenDigest(hash.digest());
  }

  @Override
  public final boolean equals(Object o) {
    return o instanceof TokenDigest k
        && ((d0 ^ k.d0) | (d1 ^ k.d1) | (d2 ^ k.d2) | (d3 ^ k.d3) | (d4 ^ k.d4) | (d5 ^ k.d5)
            | (d6 ^ k.d6) | (d7 ^ k.d7)) == 0;
  }

  @Override
  public final int hashCode() {
    return (int) (d0 ^ (d0 >>> 32));
  }

  @Override
  public String toString() {
    return "TokenDigest[sha512:" + String.format("%016x", d0).substring(0, 12) + "…]";
  }
}
