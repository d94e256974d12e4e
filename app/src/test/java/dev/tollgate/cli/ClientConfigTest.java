package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.files.TokenFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigTest {

  private static final String TOKEN = "M.V1.example";

  @TempDir
  Path directory;

  private ClientProfile load(String toml, String profile, Map<String, String> env) throws Exception {
    Path file = Files.writeString(directory.resolve("config.toml"), toml);
    return ClientConfig.load(new GlobalFlags(file, profile, Duration.ofMinutes(1), false, false), env,
        directory);
  }

  @Test
  void influxctlProfile_load_readsHostPortTlsAndIgnoresInfluxctlOnlyKeys() throws Exception {
    ClientProfile profile = load("""
        [[profile]]
          name = "other"
          host = "elsewhere"
        [[profile]]
          name = "default"
          product = "clustered"
          host = "tollgate.example.com"
          port = "8443"
          account_id = "a"
          cluster_id = "c"
          database = "db"
          token = "data-token"
          mgmt_token = "M.V1.example"
          [profile.tls]
            insecure = false
            ca = "/etc/ssl/ca.pem"
        """, "default", Map.of());

    assertThat(profile.target()).isEqualTo("tollgate.example.com:8443");
    assertThat(profile.tls().disable()).isFalse();
    assertThat(profile.tls().ca()).contains(Path.of("/etc/ssl/ca.pem"));
    assertThat(profile.credential()).contains(TOKEN);
    assertThat(profile.toString().contains(TOKEN)).as("holds no token string").isFalse();
  }

  @Test
  void integerPortAndTokenFile_load_readsTheTokenFromTheFile() throws Exception {
    Path tokenFile = directory.resolve("token.json");
    TokenFile.write(tokenFile, TOKEN, "test");

    ClientProfile profile = load("""
        [[profile]]
        name = "ci"
        host = "127.0.0.1"
        port = 8091
        [profile.tls]
        disable = true
        [profile.auth.token]
        token_file = "%s"
        """.formatted(tokenFile), "ci", Map.of());

    assertThat(profile.port()).isEqualTo(8091);
    assertThat(profile.credential()).contains(TOKEN);
    assertThat(profile.credentialSource()).contains("token_file " + tokenFile);
  }

  @Test
  void environmentToken_load_winsOverTheConfigFile() throws Exception {
    ClientProfile profile = load("""
        [[profile]]
        name = "default"
        host = "h"
        mgmt_token = "from-file"
        """, "default", Map.of("TOLLGATE_MGMT_TOKEN", "from-env"));

    assertThat(profile.credential()).contains("from-env");
    assertThat(profile.port()).isEqualTo(443);
  }

  @Test
  void unknownKey_load_isRefusedNamingIt() {
    assertThatThrownBy(() -> load("""
        [[profile]]
        name = "default"
        host = "h"
        hots = "typo"
        """, "default", Map.of()))
        .hasMessageContaining("unknown key \"hots\"");
  }

  @Test
  void missingProfile_load_namesTheProfilesThere() {
    assertThatThrownBy(() -> load("""
        [[profile]]
        name = "a"
        host = "h"
        [[profile]]
        name = "b"
        host = "h"
        """, "c", Map.of()))
        .hasMessageContaining("profile \"c\" is not in").hasMessageEndingWith("its profiles are a, b");
  }

  @Test
  void badPortOrHost_load_isRefused() {
    assertThatThrownBy(() -> load("[[profile]]\nname = \"default\"\nhost = \"h\"\nport = \"http\"\n",
        "default", Map.of())).hasMessageContaining("port \"http\" is not a port");
    assertThatThrownBy(() -> load("[[profile]]\nname = \"default\"\nhost = \"h\"\nport = 70000\n",
        "default", Map.of())).hasMessageEndingWith("port 70000 is out of range; expected 1 to 65535");
    assertThatThrownBy(() -> load("[[profile]]\nname = \"default\"\nhost = \"https://h\"\n",
        "default", Map.of())).hasMessageContaining("without scheme");
  }

  @Test
  void oauth2Profile_load_readsInfluxctlsKeys() throws Exception {
    ClientProfile profile = load("""
        [[profile]]
        name = "default"
        host = "h"
        [profile.auth.oauth2]
        client_id = "tollgate-cli"
        scopes = ["offline_access", "tollgate"]
        parameters = { audience = "https://tollgate.example.com" }
        token_url = "https://idp.example.com/oauth/token"
        device_url = "https://idp.example.com/oauth/device/code"
        """, "default", Map.of());

    assertThat(profile.credential()).isEmpty();
    assertThat(profile.oauth2()).contains(new OAuth2Profile("tollgate-cli",
        List.of("offline_access", "tollgate"), Map.of("audience", "https://tollgate.example.com"),
        URI.create("https://idp.example.com/oauth/token"),
        URI.create("https://idp.example.com/oauth/device/code")));
  }

  @Test
  void oauth2ProfileWithAToken_load_presentsTheTokenFirst() throws Exception {
    ClientProfile profile = load("""
        [[profile]]
        name = "default"
        host = "h"
        mgmt_token = "%s"
        [profile.auth.oauth2]
        client_id = "c"
        token_url = "https://idp.example.com/token"
        device_url = "https://idp.example.com/device"
        """.formatted(TOKEN), "default", Map.of());

    assertThat(profile.credential()).contains(TOKEN);
    assertThat(profile.oauth2()).isPresent();
  }

  @Test
  void badOauth2Profile_load_namesTheKeyAndWhatIsExpected() throws Exception {
    String head = "[[profile]]\nname = \"p\"\nhost = \"h\"\n[profile.auth.oauth2]\n";
    String urls = "token_url = \"https://i/t\"\ndevice_url = \"https://i/d\"\n";
    assertThatThrownBy(() -> load(head + urls, "p", Map.of()))
        .hasMessageContaining("client_id is missing");
    assertThatThrownBy(() -> load(head + "client_id = \"c\"\ndevice_url = \"https://i/d\"\n",
        "p", Map.of())).hasMessageContaining("token_url is missing");
    assertThatThrownBy(() -> load(head + "client_id = \"c\"\ntoken_url = \"http://idp.example.com/t\"\n"
        + "device_url = \"https://i/d\"\n", "p", Map.of()))
        .hasMessageContaining("token_url \"http://idp.example.com/t\" is not an https:// URL");
    assertThatThrownBy(() -> load(head + "client_id = \"c\"\nscopes = \"a b\"\n" + urls, "p",
        Map.of())).hasMessageContaining("scopes must be an array of strings");
    assertThatThrownBy(() -> load(head + "client_id = \"c\"\nclient_secret = \"s\"\n" + urls, "p",
        Map.of())).hasMessageContaining("unknown key \"client_secret\"");
    assertThat(load(head + "client_id = \"c\"\ntoken_url = \"http://127.0.0.1:9/t\"\n"
        + "device_url = \"http://localhost:9/d\"\n", "p", Map.of()).oauth2()).isPresent();
  }

  @Test
  void noConfigAnywhere_load_isTheLocalDefaultWithTheBootstrapToken() throws Exception {
    TokenFile.write(directory.resolve("data/admin-token.json"), TOKEN, "test");
    Map<String, String> env = Map.of("XDG_CONFIG_HOME", directory.resolve("nothing").toString());

    ClientProfile profile = ClientConfig.load(
        new GlobalFlags(null, "default", Duration.ofMinutes(1), false, false), env, directory);

    assertThat(profile.target()).isEqualTo("127.0.0.1:8091");
    assertThat(profile.tls().disable()).isTrue();
    assertThat(profile.credential()).contains(TOKEN);
  }

  @Test
  void explicitConfigMissing_load_isAnError() {
    assertThatThrownBy(() -> ClientConfig.load(new GlobalFlags(directory.resolve("nope.toml"),
        "default", Duration.ofMinutes(1), false, false), Map.of(), directory))
        .hasMessageContaining("does not exist");
  }

  @Test
  void emptyEnvironmentToken_load_isRefusedNotTakenAsUnset() throws Exception {
    TokenFile.write(directory.resolve("data/admin-token.json"), TOKEN, "test");
    Map<String, String> env = Map.of("XDG_CONFIG_HOME", directory.resolve("nothing").toString(),
        "TOLLGATE_MGMT_TOKEN", " ");

    assertThatThrownBy(() -> ClientConfig.load(
        new GlobalFlags(null, "default", Duration.ofMinutes(1), false, false), env, directory))
        .hasMessage("TOLLGATE_MGMT_TOKEN is set but empty; give it a token, or unset it to use"
            + " the profile's credential");
  }

  @Test
  void configFileOthersCanRead_load_warnsWithTheCommandThatFixesIt() throws Exception {
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    String toml = "[[profile]]\nname = \"default\"\nhost = \"h\"\nmgmt_token = \"M.V1.x\"\n";
    try {
      System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
      Path file = Files.writeString(directory.resolve("config.toml"), toml);
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions
          .fromString("rw-r-----"));
      ClientConfig.load(new GlobalFlags(file, "default", Duration.ofMinutes(1), false, false), Map.of(),
          directory);
      String warned = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
      captured.reset();
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions
          .fromString("rw-------"));
      ClientConfig.load(new GlobalFlags(file, "default", Duration.ofMinutes(1), false, false), Map.of(),
          directory);

      assertThat(warned).isEqualTo("warn\tconfig file " + file + " can be read by other users"
          + " (rw-r-----); run: chmod 600 " + file + System.lineSeparator());
      assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    } finally {
      System.setErr(stderr);
    }
  }

  @Test
  void plaintextProfileForAnotherMachine_connect_refusesToSendTheCredential() {
    ClientProfile.Tls plaintext = new ClientProfile.Tls(true, false, java.util.Optional.empty(),
        java.util.Optional.empty(), java.util.Optional.empty());
    ClientProfile remote = new ClientProfile("prod", "tollgate.example.com", 8091, plaintext,
        java.util.Optional.of(TOKEN), "mgmt_token");

    assertThatThrownBy(() -> new Connection(remote, Duration.ofSeconds(1)))
        .hasMessage("profile \"prod\" would send its credential to tollgate.example.com:8091 in"
            + " clear text; plaintext is for loopback addresses only: use TLS ([profile.tls]"
            + " disable = false) or reach Tollgate through 127.0.0.1");
    new Connection(new ClientProfile("local", "127.0.0.1", 8091, plaintext,
        java.util.Optional.of(TOKEN), "mgmt_token"), Duration.ofSeconds(1)).close();
  }

  @Test
  void singleProfileTable_load_namesTheLineAndTheFix() {
    assertThatThrownBy(() -> load("# my profile\n[profile]\nname = \"default\"\nhost = \"h\"\n",
        "default", Map.of()))
        .hasMessage(directory.resolve("config.toml") + ":2: [profile] is one table; profiles are"
            + " an array of tables: write [[profile]], as influxctl does");
  }

  @Test
  void brokenToml_load_namesTheFileAndLine() {
    assertThatThrownBy(() -> load("[[profile]]\nname = \"default\"\nhost = tollgate.example.com\n",
        "default", Map.of()))
        .hasMessageStartingWith(directory.resolve("config.toml") + ":3: not valid TOML: ");
  }

  @Test
  void profileWithoutHost_load_namesTheProfile() {
    assertThatThrownBy(() -> load("[[profile]]\nname = \"prod\"\n", "prod", Map.of()))
        .hasMessage("profile \"prod\" in " + directory.resolve("config.toml") + " has no host;"
            + " add host = \"tollgate.example.com\" (the server's name or address, without scheme"
            + " or port)");
  }

  @Test
  void missingTokenFile_load_saysItDoesNotExist() {
    Path missing = directory.resolve("secrets/admin-token.json");
    assertThatThrownBy(() -> load("[[profile]]\nname = \"p\"\nhost = \"h\"\n"
        + "[profile.auth.token]\ntoken_file = \"" + missing + "\"\n", "p", Map.of()))
        .hasMessage("token file " + missing + " does not exist (nor does its directory "
            + missing.getParent() + ")");
  }
}
