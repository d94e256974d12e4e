package dev.tollgate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void description_of1024Characters_isAccepted() {
    assertThat(new Description("x".repeat(1024)).value()).hasSize(1024);
  }

  @Test
  void description_of1025Characters_isRefusedSayingTheLimit() {
    assertThatThrownBy(() -> new Description("x".repeat(1025)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("description");
          assertThat(e.reason()).contains("1025 characters long; expected at most 1024");
        });
  }

  @Test
  void description_withControlCharacter_isRefusedNamingIt() {
    assertThatThrownBy(() -> new Description("line one\nline two"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("\"line one\\u000Aline two\"")
        .hasMessageContaining("U+000A at position 9");
  }

  @Test
  void description_ofNullOrEmpty_isNone() {
    assertThat(Description.of(null)).isEqualTo(Description.NONE);
    assertThat(Description.of("")).isEqualTo(Description.NONE);
  }

  @Test
  void tokenId_ofGarbage_isRefusedNamingTheValueAndTheExpectedShape() {
    assertThatThrownBy(() -> TokenId.parse("id", "not-a-uuid"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("id");
          assertThat(e.reason()).startsWith("\"not-a-uuid\" is not a token id; expected a UUID");
        });
  }

  @Test
  void tokenId_givenATokenString_isRefusedWithoutEchoingIt() {
    String secret = TokenFormat.MANAGEMENT.generate(new DeterministicRandomSource(3)).value();

    assertThatThrownBy(() -> TokenId.parse("id", secret))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageNotContaining(secret)
        .hasMessageContaining("a token string, not shown");
  }

  @Test
  void tokenId_ofCanonicalUuid_roundTrips() {
    String text = "4f5e1a2b-0c3d-4e5f-8a9b-0c1d2e3f4a5b";

    assertThat(TokenId.parse("id", text).toString()).isEqualTo(text);
  }

  @Test
  void databaseName_ofBadShapes_isRefusedNamingIt() {
    assertThatThrownBy(() -> new DatabaseName("")).hasMessageContaining("empty database name");
    assertThatThrownBy(() -> new DatabaseName("x".repeat(65)))
        .hasMessageContaining("65 characters long; expected at most 64");
    assertThatThrownBy(() -> new DatabaseName(" db1"))
        .hasMessageContaining("\" db1\" starts or ends with whitespace");
    assertThatThrownBy(() -> new DatabaseName("db\t1")).hasMessageContaining("control character");
  }

  @Test
  void databaseName_ofSixtyFourCharactersOrTheWildcard_isAccepted() {
    assertThat(DatabaseName.ALL.isAll()).isTrue();
    assertThat(new DatabaseName("db1").isAll()).isFalse();
    assertThat(new DatabaseName("x".repeat(64)).value()).hasSize(64);
  }

  @Test
  void valueHoldingATokenAnywhere_quote_replacesTheToken() {
    String secret = TokenFormat.DATABASE.generate(new DeterministicRandomSource(4)).value();

    String shown = UserInput.quote("Bearer " + secret);

    assertThat(shown).doesNotContain(secret.substring(6, 20)).contains("apiv1_… (a token string");
    assertThat(UserInput.quote(" " + secret)).isEqualTo("(a token string, not shown)");
    assertThatThrownBy(() -> new DatabaseName("db " + secret))
        .hasMessageNotContaining(secret.substring(6, 20));
  }

  @Test
  void permissionAction_parse_acceptsReadAndWriteOnly() {
    assertThat(PermissionAction.parse("action", "READ")).isEqualTo(PermissionAction.READ);
    assertThatThrownBy(() -> PermissionAction.parse("action", "admin"))
        .hasMessageContaining("\"admin\" is not a permission action; expected read or write");
  }
}
