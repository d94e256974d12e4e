package dev.tollgate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {

  @Test
  void cursor_encodeThenDecode_isTheSameToTheMicrosecond() {
    PageCursor cursor = new PageCursor(Instant.parse("2026-11-30T01:02:03.123456Z"),
        new TokenId(UUID.fromString("8b82a926-5689-429f-82a4-135b7509bf6f")));

    assertThat(PageCursor.decode("page_token", cursor.encode())).isEqualTo(cursor);
    assertThat(cursor.encode()).doesNotContain("8b82a926").matches("[A-Za-z0-9_-]+");
  }

  @Test
  void foreignPageToken_decode_isInvalidArgumentSayingWhatToPass() {
    for (String bad : new String[] {"nope", "cDE6eDp5", "!!", "cDE6MTIzOm5vdC1hLXV1aWQ"}) {
      assertThatThrownBy(() -> PageCursor.decode("page_token", bad))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).isEqualTo("page_token");
            assertThat(e.reason()).endsWith("is not a page token this server gave; pass"
                + " next_page_token from the previous answer as it is");
          });
    }
  }

  @Test
  void pageSize_defaultsAndCapsAtTheMaximum_refusesNegative() {
    assertThat(TokenPage.size("page_size", 0)).isEqualTo(TokenPage.MAX_SIZE);
    assertThat(TokenPage.size("page_size", 5)).isEqualTo(5);
    assertThat(TokenPage.size("page_size", TokenPage.MAX_SIZE * 50)).isEqualTo(TokenPage.MAX_SIZE);
    assertThatThrownBy(() -> TokenPage.size("page_size", -1))
        .hasMessageStartingWith("page_size: -1 is negative");
  }
}
