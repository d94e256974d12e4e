package dev.tollgate.domain.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The token string formats: a kind prefix, then base64url without padding of 60 random bytes
 * followed by the big-endian CRC32 of those bytes.
 */
public enum TokenFormat {
  MANAGEMENT(TokenKind.MANAGEMENT, "M.V1."),
  DATABASE(TokenKind.DATABASE, "apiv1_");

  /** Random bytes in every token: 480 bits. */
  public static final int RANDOM_BYTES = 60;

  /** Characters shown to people to recognise a token, e.g. {@code M.V1.AbCd}. */
  public static final int DISPLAY_PREFIX_LENGTH = 9;

  private static final int BODY_BYTES = RANDOM_BYTES + 4;
  private static final int BODY_CHARS = (BODY_BYTES * 8 + 5) / 6;
  private static final byte[] SEXTETS = sextets();
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[BODY_BYTES]);
  private static final Map<ParsedToken.Defect, ParsedToken.Malformed> MALFORMED = malformed();

  private static final Pattern TOKEN_LIKE = Pattern.compile("(M\\.V1\\.|apiv1_)[A-Za-z0-9_-]{4,}");

  private final TokenKind kind;
  private final String prefix;
  private final byte[] prefixBytes;

  TokenFormat(TokenKind kind, String prefix) {
    this.kind = kind;
    this.prefix = prefix;
    this.prefixBytes = prefix.getBytes(StandardCharsets.US_ASCII);
  }

  public TokenKind kind() {
    return kind;
  }

  public String prefix() {
    return prefix;
  }

  /** The length of every token string of this format. */
  public int length() {
    return prefix.length() + BODY_CHARS;
  }

  /**
   * Makes a new token string from 60 bytes of the given randomness, which fills the array it is
   * handed (a {@code RandomSource} does).
   */
  public TokenString generate(Consumer<byte[]> random) {
    byte[] body = new byte[BODY_BYTES];
    byte[] randomPart = new byte[RANDOM_BYTES];
    random.accept(randomPart);
    System.arraycopy(randomPart, 0, body, 0, RANDOM_BYTES);
    int crc = crc32(body);
    body[RANDOM_BYTES] = (byte) (crc >>> 24);
    body[RANDOM_BYTES + 1] = (byte) (crc >>> 16);
    body[RANDOM_BYTES + 2] = (byte) (crc >>> 8);
    body[RANDOM_BYTES + 3] = (byte) crc;
    String text = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
    return new TokenString(kind, text);
  }

  /**
   * Checks prefix, length, alphabet and checksum of a presented string, without hashing it or
   * looking anything up.
   */
  public static ParsedToken parse(String candidate) {
    return parse(candidate == null ? new byte[0] : candidate.getBytes(StandardCharsets.UTF_8));
  }

  /** {@linkplain #parse(String) Parses} a token as the UTF-8 bytes sent on the wire. */
  public static ParsedToken parse(byte[] utf8) {
    ParsedToken.Defect defect = defectOf(utf8);
    if (defect != null) {
      return MALFORMED.get(defect);
    }
    return new ParsedToken.WellFormed(new TokenString(formatOf(utf8).kind,
        new String(utf8, StandardCharsets.US_ASCII)));
  }

  /**
   * Whether presented UTF-8 bytes have a token's prefix and length: a few comparisons, for a caller
   * that must not do work for what cannot be a token; {@link #defectOf} checks the rest.
   */
  public static boolean hasTokenShape(byte[] utf8) {
    TokenFormat format = utf8 == null ? null : formatOf(utf8);
    return format != null && utf8.length == format.length();
  }

  /**
   * What is wrong with presented UTF-8 bytes as a token (prefix, length, alphabet, checksum), or
   * null when they are well-formed; allocates nothing, for the authorizer's hot path.
   */
  public static ParsedToken.Defect defectOf(byte[] utf8) {
    if (utf8 == null || utf8.length == 0) {
      return ParsedToken.Defect.EMPTY;
    }
    TokenFormat format = formatOf(utf8);
    return format == null ? ParsedToken.Defect.UNKNOWN_PREFIX : format.bodyDefect(utf8);
  }

  /** Tells whether a value starts like a token string, so it must not be echoed anywhere. */
  public static boolean startsLikeToken(String value) {
    return value != null && (value.startsWith(MANAGEMENT.prefix) || value.startsWith(DATABASE.prefix));
  }

  /**
   * Replaces everything in the text that looks like a token string, wherever it stands, with its
   * prefix and a note, so that text a person typed can be echoed in a message or a log line.
   */
  public static String redact(String text) {
    return TOKEN_LIKE.matcher(text).replaceAll("$1… (a token string, not shown)");
  }

  private static TokenFormat formatOf(byte[] utf8) {
    for (TokenFormat format : values()) {
      if (utf8.length >= format.prefixBytes.length
          && Arrays.equals(utf8, 0, format.prefixBytes.length, format.prefixBytes, 0,
              format.prefixBytes.length)) {
        return format;
      }
    }
    return null;
  }

  /** Decodes the body into a per-thread buffer, four characters at a time, then checks the CRC. */
  private ParsedToken.Defect bodyDefect(byte[] token) {
    if (token.length != length()) {
      return ParsedToken.Defect.WRONG_LENGTH;
    }
    byte[] body = SCRATCH.get();
    int out = 0;
    int i = prefixBytes.length;
    for (; i + 4 <= token.length; i += 4) {
      int a = sextet(token[i]);
      int b = sextet(token[i + 1]);
      int c = sextet(token[i + 2]);
      int d = sextet(token[i + 3]);
      if ((a | b | c | d) < 0) {
        return ParsedToken.Defect.BAD_CHARACTER;
      }
      body[out++] = (byte) (a << 2 | b >> 4);
      body[out++] = (byte) (b << 4 | c >> 2);
      body[out++] = (byte) (c << 6 | d);
    }
    int a = sextet(token[i]);
    int b = sextet(token[i + 1]);
    // 64 bytes leave 2 bits in the last character, so a canonical body ends in A, Q, g or w
    if ((a | b) < 0 || (b & 0x0F) != 0) {
      return ParsedToken.Defect.BAD_CHARACTER;
    }
    body[out] = (byte) (a << 2 | b >> 4);
    int expected = ((body[RANDOM_BYTES] & 0xFF) << 24) | ((body[RANDOM_BYTES + 1] & 0xFF) << 16)
        | ((body[RANDOM_BYTES + 2] & 0xFF) << 8) | (body[RANDOM_BYTES + 3] & 0xFF);
    return crc32(body) == expected ? null : ParsedToken.Defect.BAD_CHECKSUM;
  }

  private static int sextet(byte c) {
    return c < 0 ? -1 : SEXTETS[c];
  }

  /** The base64url alphabet: each ASCII character's 6-bit value, or -1. */
  private static byte[] sextets() {
    byte[] values = new byte[128];
    Arrays.fill(values, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      values[alphabet.charAt(i)] = (byte) i;
    }
    return values;
  }

  private static Map<ParsedToken.Defect, ParsedToken.Malformed> malformed() {
    Map<ParsedToken.Defect, ParsedToken.Malformed> all = new EnumMap<>(ParsedToken.Defect.class);
    for (ParsedToken.Defect defect : ParsedToken.Defect.values()) {
      all.put(defect, new ParsedToken.Malformed(defect));
    }
    return all;
  }

  private static int crc32(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body, 0, RANDOM_BYTES);
    return (int) crc.getValue();
  }
}
