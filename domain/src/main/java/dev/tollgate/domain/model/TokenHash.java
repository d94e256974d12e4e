package dev.tollgate.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** The stored form of a token: a digest of the whole token string, tagged with its algorithm. */
public record TokenHash(String algorithm, byte[] digest) {

  /** SHA-512 of the UTF-8 token string, 64 bytes. */
  public static final String SHA512 = "sha512";

  private static final ThreadLocal<MessageDigest> SHA512_DIGEST =
      ThreadLocal.withInitial(TokenHash::newSha512);

  public TokenHash {
    Objects.requireNonNull(algorithm, "algorithm");
    if (!SHA512.equals(algorithm)) {
      throw new IllegalArgumentException("unknown token hash algorithm " + UserInput.quote(algorithm)
          + "; expected " + SHA512);
    }
    if (digest.length != 64) {
      throw new IllegalArgumentException("a sha512 digest has 64 bytes, not " + digest.length);
    }
    digest = digest.clone();
  }

  /** Hashes a token string with SHA-512. */
  public static TokenHash sha512(String tokenString) {
    return new TokenHash(SHA512, sha512Digest(tokenString));
  }

  /** The bare SHA-512 digest of the UTF-8 token string, 64 bytes. */
  public static byte[] sha512Digest(String tokenString) {
    return SHA512_DIGEST.get().digest(tokenString.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes the SHA-512 digest of a token string's UTF-8 bytes into {@code out[0..64)}, with this
   * thread's digest and no allocation: for lookups on the hot path.
   */
  public static void sha512(byte[] utf8, byte[] out) {
    MessageDigest md = SHA512_DIGEST.get();
    md.update(utf8);
    try {
      md.digest(out, 0, 64);
    } catch (DigestException e) {
      throw new IllegalArgumentException("a sha512 digest needs 64 bytes, not " + out.length, e);
    }
  }

  /** Reads a stored hash given as lower-case hex. */
  public static TokenHash fromHex(String algorithm, String hex) {
    return new TokenHash(algorithm, HexFormat.of().parseHex(hex));
  }

  @Override
  public byte[] digest() {
    return digest.clone();
  }

  public String hex() {
    return HexFormat.of().formatHex(digest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TokenHash other && algorithm.equals(other.algorithm)
        && MessageDigest.isEqual(digest, other.digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex().substring(0, 12) + "…";
  }

  private static MessageDigest newSha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-512", e);
    }
  }
}
