package dev.tollgate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.model.ParsedToken.Defect;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TokenFormatTest {

  private final DeterministicRandomSource random = new DeterministicRandomSource(42);

  @Test
  void managementToken_generate_isPrefixAnd86Base64UrlCharacters() {
    TokenString token = TokenFormat.MANAGEMENT.generate(random);

    assertThat(token.value()).startsWith("M.V1.").hasSize(5 + 86).matches("M\\.V1\\.[A-Za-z0-9_-]{86}");
    assertThat(token.kind()).isEqualTo(TokenKind.MANAGEMENT);
  }

  @Test
  void databaseToken_generate_is92Characters() {
    TokenString token = TokenFormat.DATABASE.generate(random);

    assertThat(token.value()).startsWith("apiv1_").hasSize(92);
    assertThat(TokenFormat.DATABASE.length()).isEqualTo(92);
  }

  @Test
  void generatedToken_body_isSixtyRandomBytesThenTheirBigEndianCrc32() {
    TokenString token = TokenFormat.DATABASE.generate(random);
    byte[] body = Base64.getUrlDecoder().decode(token.value().substring(6));

    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(body, 0, 60);
    long stored = ((body[60] & 0xFFL) << 24) | ((body[61] & 0xFFL) << 16)
        | ((body[62] & 0xFFL) << 8) | (body[63] & 0xFFL);
    assertThat(body).hasSize(64);
    assertThat(stored).isEqualTo(crc.getValue());
  }

  @ParameterizedTest
  @EnumSource(TokenFormat.class)
  void generatedToken_parse_isWellFormedWithItsKind(TokenFormat format) {
    TokenString token = format.generate(random);

    ParsedToken parsed = TokenFormat.parse(token.value());

    assertThat(parsed).isEqualTo(new ParsedToken.WellFormed(token));
  }

  @Test
  void emptyOrNull_parse_isEmpty() {
    assertThat(TokenFormat.parse("")).isEqualTo(malformed(Defect.EMPTY));
    assertThat(TokenFormat.parse((String) null)).isEqualTo(malformed(Defect.EMPTY));
  }

  @Test
  void unknownPrefix_parse_isRefused() {
    String body = TokenFormat.DATABASE.generate(random).value().substring(6);

    assertThat(TokenFormat.parse("apiv2_" + body)).isEqualTo(malformed(Defect.UNKNOWN_PREFIX));
    assertThat(TokenFormat.parse("m.v1." + body)).isEqualTo(malformed(Defect.UNKNOWN_PREFIX));
  }

  @Test
  void truncatedOrExtended_parse_isWrongLength() {
    String token = TokenFormat.MANAGEMENT.generate(random).value();

    assertThat(TokenFormat.parse(token.substring(0, 90))).isEqualTo(malformed(Defect.WRONG_LENGTH));
    assertThat(TokenFormat.parse(token + "A")).isEqualTo(malformed(Defect.WRONG_LENGTH));
  }

  @Test
  void standardBase64Character_parse_isBadCharacter() {
    String token = TokenFormat.DATABASE.generate(random).value();

    String withPlus = token.substring(0, 20) + "+" + token.substring(21);

    assertThat(TokenFormat.parse(withPlus)).isEqualTo(malformed(Defect.BAD_CHARACTER));
  }

  @Test
  void nonCanonicalLastCharacter_parse_isBadCharacter() {
    String token = TokenFormat.DATABASE.generate(random).value();
    char last = token.charAt(91);
    // the last character carries 2 bits; a neighbour decodes to the same bytes but is not canonical
    String other = token.substring(0, 91) + (char) (last + 1);

    assertThat(TokenFormat.parse(other)).isEqualTo(malformed(Defect.BAD_CHARACTER));
  }

  @Test
  void oneRandomCharacterChanged_parse_isBadChecksum() {
    String token = TokenFormat.MANAGEMENT.generate(random).value();
    char changed = token.charAt(10) == 'A' ? 'B' : 'A';

    String typo = token.substring(0, 10) + changed + token.substring(11);

    assertThat(TokenFormat.parse(typo)).isEqualTo(malformed(Defect.BAD_CHECKSUM));
  }

  @Test
  void tokenString_toString_neverShowsTheSecret() {
    TokenString token = TokenFormat.MANAGEMENT.generate(random);

    assertThat(token.toString().contains(token.value())).as("holds no token string").isFalse();
    assertThat(token.toString()).contains(token.displayPrefix());
    assertThat(token.displayPrefix()).hasSize(9).startsWith("M.V1.");
  }

  @Test
  void tokenString_hash_isSha512OfTheWholeString() throws Exception {
    TokenString token = TokenFormat.DATABASE.generate(random);
    byte[] expected = java.security.MessageDigest.getInstance("SHA-512")
        .digest(token.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));

    TokenHash hash = token.hash();

    assertThat(hash.algorithm()).isEqualTo("sha512");
    assertThat(hash.digest()).isEqualTo(expected);
    assertThat(hash).isEqualTo(TokenHash.fromHex("sha512", hash.hex()));
  }

  private static ParsedToken malformed(Defect defect) {
    return new ParsedToken.Malformed(defect);
  }

  @org.junit.jupiter.api.Test
  void tokenShape_isPrefixAndLengthOnly() {
    String token = TokenFormat.DATABASE.generate(
        new dev.tollgate.domain.inmemory.DeterministicRandomSource(3)).value();
    String badChecksum = token.substring(0, token.length() - 2) + "AA";

    org.assertj.core.api.Assertions.assertThat(TokenFormat.hasTokenShape(
        token.getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isTrue();
    org.assertj.core.api.Assertions.assertThat(TokenFormat.hasTokenShape(
        badChecksum.getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isTrue();
    for (String misshapen : new String[] {"", "apiv1_short", "X" + token.substring(1),
        token + "A"}) {
      org.assertj.core.api.Assertions.assertThat(TokenFormat.hasTokenShape(
          misshapen.getBytes(java.nio.charset.StandardCharsets.US_ASCII))).as(misshapen).isFalse();
    }
  }
}
