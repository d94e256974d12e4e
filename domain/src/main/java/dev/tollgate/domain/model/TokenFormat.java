package dev.tollgate.domain.model;

import dev.tollgate.domain.port.out.RandomSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
  // 64 bytes leave 2 bits in the last character, so only these four end a canonical body
  private static final String LAST_CHARS = "AQgw";

  private static final Pattern TOKEN_LIKE = Pattern.compile("(M\\.V1\\.|apiv1_)[A-Za-z0-9_-]{4,}");

  private final TokenKind kind;
  private final String prefix;

  TokenFormat(TokenKind kind, String prefix) {
    this.kind = kind;
    this.prefix = prefix;
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

  /** Makes a new token string from 60 bytes of the given randomness. */
  public TokenString generate(RandomSource random) {
    byte[] body = new byte[BODY_BYTES];
    byte[] randomPart = new byte[RANDOM_BYTES];
    random.nextBytes(randomPart);
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
    if (candidate == null || candidate.isEmpty()) {
      return new ParsedToken.Malformed(ParsedToken.Defect.EMPTY);
    }
    TokenFormat format = candidate.startsWith(MANAGEMENT.prefix) ? MANAGEMENT
        : candidate.startsWith(DATABASE.prefix) ? DATABASE : null;
    if (format == null) {
      return new ParsedToken.Malformed(ParsedToken.Defect.UNKNOWN_PREFIX);
    }
    return format.parseBody(candidate);
  }

  /** Decodes UTF-8 bytes as sent on the wire, then {@linkplain #parse(String) parses} them. */
  public static ParsedToken parse(byte[] utf8) {
    return parse(new String(utf8, StandardCharsets.UTF_8));
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

  private ParsedToken parseBody(String candidate) {
    if (candidate.length() != length()) {
      return new ParsedToken.Malformed(ParsedToken.Defect.WRONG_LENGTH);
    }
    for (int i = prefix.length(); i < candidate.length(); i++) {
      if (!isBase64Url(candidate.charAt(i))) {
        return new ParsedToken.Malformed(ParsedToken.Defect.BAD_CHARACTER);
      }
    }
    if (LAST_CHARS.indexOf(candidate.charAt(candidate.length() - 1)) < 0) {
      return new ParsedToken.Malformed(ParsedToken.Defect.BAD_CHARACTER);
    }
    byte[] body = Base64.getUrlDecoder().decode(candidate.substring(prefix.length()));
    int expected = ((body[RANDOM_BYTES] & 0xFF) << 24) | ((body[RANDOM_BYTES + 1] & 0xFF) << 16)
        | ((body[RANDOM_BYTES + 2] & 0xFF) << 8) | (body[RANDOM_BYTES + 3] & 0xFF);
    if (crc32(body) != expected) {
      return new ParsedToken.Malformed(ParsedToken.Defect.BAD_CHECKSUM);
    }
    return new ParsedToken.WellFormed(new TokenString(kind, candidate));
  }

  private static boolean isBase64Url(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_';
  }

  private static int crc32(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body, 0, RANDOM_BYTES);
    return (int) crc.getValue();
  }
}
