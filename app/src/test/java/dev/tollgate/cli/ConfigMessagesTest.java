package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line says to a person with no configuration file, or a thin one. */
class ConfigMessagesTest {

  @TempDir
  Path directory;

  private static GlobalFlags flags(Path config) {
    return new GlobalFlags(config, "default", Duration.ofMinutes(1), false, false);
  }

  private Map<String, String> noConfigFile() {
    return Map.of("XDG_CONFIG_HOME", directory.resolve("config-home").toString());
  }

  @Test
  void noConfigFile_load_isTheProfileNamedDefault_asTheReadmeSays() {
    assertThat(ClientConfig.load(flags(null), noConfigFile(), directory).name())
        .isEqualTo("default");
  }

  @Test
  void noConfigFile_signIn_namesTheFileToWriteAndSaysItDoesNotExist() {
    ClientProfile profile = ClientConfig.load(flags(null), noConfigFile(), directory);
    Path file = directory.resolve("config-home/tollgate/config.toml");

    assertThatThrownBy(() -> OAuthSignIn.of(profile, flags(null), noConfigFile(),
        new PrintWriter(new StringWriter())))
        .hasMessage("there is no config file (" + file + "), so no identity provider to sign in"
            + " with; write that file with a [[profile]] named \"default\" and its"
            + " [profile.auth.oauth2] table (client_id, device_url, token_url), or give --config")
        .hasMessageNotContaining("\"local\"");
  }

  @Test
  void configFileFromTheEnvironmentMissing_load_namesTheVariable() {
    Path missing = Path.of("nope.toml");

    assertThatThrownBy(() -> ClientConfig.load(flags(missing),
        Map.of("TOLLGATE_CONFIG", "nope.toml"), directory))
        .hasMessage("config file nope.toml (TOLLGATE_CONFIG) does not exist");
    assertThatThrownBy(() -> ClientConfig.load(flags(missing), Map.of(), directory))
        .hasMessage("config file nope.toml (--config) does not exist");
  }

  @Test
  void profileWithoutACredential_connect_saysNoCredentialOnce() throws Exception {
    Path file = Files.writeString(directory.resolve("config.toml"), "[[profile]]\n"
        + "name = \"default\"\nhost = \"127.0.0.1\"\nport = 8091\n[profile.tls]\ndisable = true\n");
    ClientProfile profile = ClientConfig.load(flags(file), Map.of(), directory);

    assertThatThrownBy(() -> new Connection(profile, Duration.ofSeconds(1)))
        .hasMessage("no credential to present to 127.0.0.1:8091: profile \"default\" in " + file
            + " has none; set mgmt_token, [profile.auth.token] token_file or"
            + " [profile.auth.oauth2] there");
  }

  @Test
  void configFileWithoutASecretOthersCanRead_load_doesNotWarn_butOneWithATokenDoes()
      throws Exception {
    String plain = "[[profile]]\nname = \"default\"\nhost = \"h\"\n";
    String withToken = plain + "mgmt_token = \"M.V1.x\"\n";

    assertThat(warningsLoading(plain)).isEmpty();
    assertThat(warningsLoading(withToken)).startsWith("warn\tconfig file ")
        .contains("can be read by other users");
  }

  private String warningsLoading(String toml) throws Exception {
    Path file = Files.writeString(directory.resolve("config.toml"), toml);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      ClientConfig.load(flags(file), Map.of(), directory);
    } finally {
      System.setErr(stderr);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
