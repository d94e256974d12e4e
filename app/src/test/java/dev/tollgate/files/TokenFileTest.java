package dev.tollgate.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {

  @TempDir
  Path directory;

  @Test
  void writtenToken_read_comesBackAndTheFileIsOwnerOnly() throws Exception {
    Path file = directory.resolve("sub/admin-token.json");

    TokenFile.write(file, "M.V1.secret", "note");

    assertThat(TokenFile.read(file)).isEqualTo("M.V1.secret");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(TokenFile.isOpenToOthers(file)).isFalse();
    try (var leftovers = Files.list(file.getParent())) {
      assertThat(leftovers).containsExactly(file);
    }
  }

  @Test
  void rawTokenOrAccessTokenJson_read_areAccepted() throws Exception {
    assertThat(TokenFile.read(Files.writeString(directory.resolve("raw"), "M.V1.raw\n")))
        .isEqualTo("M.V1.raw");
    assertThat(TokenFile.read(Files.writeString(directory.resolve("oauth.json"),
        "{\"access_token\": \"eyJ.x.y\", \"token_type\": \"bearer\"}"))).isEqualTo("eyJ.x.y");
  }

  @Test
  void fileWithoutToken_read_isRefusedWithoutQuotingIt() throws Exception {
    Path file = Files.writeString(directory.resolve("bad.json"), "{\"tokn\": \"M.V1.secret\"}");

    assertThatThrownBy(() -> TokenFile.read(file)).hasMessageContaining("is not valid")
        .hasMessageNotContaining("M.V1.secret");
  }
}
