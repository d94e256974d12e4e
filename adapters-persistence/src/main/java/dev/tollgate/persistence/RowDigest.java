package dev.tollgate.persistence;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The count and digest of a table's rows, in any order: the SHA-256 of each row's canonical
 * encoding, summed modulo 2^256 (a multiset hash). Independent of order, so H2 and PostgreSQL
 * need not sort a million rows alike (their text collations differ) and the copy reads each
 * table in the order it is stored; a row lost, added, duplicated or changed changes the sum.
 */
final class RowDigest {

  private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

  private final MessageDigest sha256;
  private BigInteger sum = BigInteger.ZERO;
  private long rows;

  RowDigest() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }

  /**
   * Adds a row: each value as a marker byte (0 for null, 1 for a value), then its text
   * (instants in ISO-8601 UTC, ids in canonical UUID form, numbers in decimal) with its length.
   */
  void add(List<Object> values) {
    for (Object value : values) {
      if (value == null) {
        sha256.update((byte) 0);
      } else {
        byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
        sha256.update((byte) 1);
        sha256.update(ByteBuffer.allocate(4).putInt(text.length).array());
        sha256.update(text);
      }
    }
    sum = sum.add(new BigInteger(1, sha256.digest()));
    if (sum.bitLength() > 256) {
      sum = sum.subtract(MODULUS);
    }
    rows++;
  }

  long rows() {
    return rows;
  }

  /** The sum as 64 hexadecimal digits. */
  String hex() {
    String hex = sum.toString(16);
    return "0".repeat(64 - hex.length()) + hex;
  }
}
