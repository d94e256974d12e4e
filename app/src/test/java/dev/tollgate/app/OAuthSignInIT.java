package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person signs in from the real command line with the device flow at a real authorization
 * server (Spring Authorization Server, its own process), approves in the "browser", and the real
 * server verifies the access tokens it issues.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthSignInIT {

  private static final Map<String, String> PASSWORDS = Map.of("ada", "ada-pw", "mel", "mel-pw",
      "aud", "aud-pw", "stranger", "stranger-pw");
  private static final Pattern USER_CODE = Pattern.compile("enter the code (\\S+)");
  /** Shorter than the command line's 30 s margin: every cached access token counts as expiring. */
  private static final Duration SHORT_LIFETIME = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path work;

  private IdentityProviderProcess idp;
  private TollgateJar.Server server;
  private Map<String, String> env;

  @BeforeAll
  void start() throws Exception {
    idp = IdentityProviderProcess.start(work.resolve("logs"), PASSWORDS, Duration.ofMinutes(5),
        Duration.ofMinutes(5));
    Path users = Files.writeString(work.resolve("users.json"), """
        [
          {"id": "ada", "firstName": "Ada", "userGroups": ["Admin"]},
          {"id": "mel", "userGroups": ["Member"]},
          {"id": "aud", "userGroups": ["Auditor"]}
        ]
        """);
    server = new TollgateJar.Server(work.resolve("data"), work.resolve("logs/tollgate.log"),
        "--oauth-issuer", idp.issuer(), "--oauth-audience", IdentityProviderProcess.AUDIENCE,
        "--oauth-users-file", users.toString()).start();
    StringBuilder config = new StringBuilder();
    for (String user : PASSWORDS.keySet()) {
      config.append(profile(user, idp));
    }
    TollgateJar.writeConfig(work.resolve("config.toml"), config.toString());
    env = new HashMap<>(Map.of("TOLLGATE_CONFIG", work.resolve("config.toml").toString(),
        "XDG_CACHE_HOME", work.resolve("cache").toString()));
  }

  private String profile(String name, IdentityProviderProcess provider) {
    return profile(name, provider, server.port());
  }

  private static String profile(String name, IdentityProviderProcess provider, int port) {
    return """
        [[profile]]
        name = "%s"
        host = "127.0.0.1"
        port = "%d"
        [profile.tls]
        disable = true
        [profile.auth.oauth2]
        client_id = "%s"
        scopes = ["tollgate", "offline_access"]
        device_url = "%s"
        token_url = "%s"

        """.formatted(name, port, IdentityProviderProcess.CLIENT_ID,
        provider.deviceAuthorizationEndpoint(), provider.tokenEndpoint());
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (server != null) {
        assertThat(server.logText()).doesNotContain("eyJ"); // no access token, nor any JWT, logged
        server.close();
      }
    } finally {
      if (idp != null) {
        idp.close();
      }
    }
  }

  private TollgateJar.Result tollgate(String profile, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--profile";
    all[1] = profile;
    System.arraycopy(args, 0, all, 2, args.length);
    return TollgateJar.cli(work, env, all);
  }

  /** Runs a command that asks the person to sign in, and approves as {@code user}. */
  private TollgateJar.Result approvedAs(String user, String... args) throws Exception {
    TollgateJar.RunningCli cli = TollgateJar.startCli(work, env, prepend(user, args));
    idp.approve(cli.awaitStderr(USER_CODE).group(1), user, PASSWORDS.get(user));
    return cli.finish();
  }

  private static String[] prepend(String profile, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--profile";
    all[1] = profile;
    System.arraycopy(args, 0, all, 2, args.length);
    return all;
  }

  private JsonNode cached(String profile) throws Exception {
    return JSON.readTree(work.resolve("cache/tollgate/" + profile + ".json").toFile());
  }

  private HttpResponse<String> overHttp(String method, String path, String bearer, String body)
      throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(server.httpAddress() + path)).header("Authorization", "Bearer " + bearer)
        .header("Content-Type", "application/json").method(method, body == null
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void signedInUsersAccessTokens_overHttp_theCallerTableApplies() throws Exception {
    try {
      assertThat(approvedAs("ada", "auth", "login").exitCode()).isZero();
      assertThat(approvedAs("mel", "auth", "login").exitCode()).isZero();
      String ada = cached("ada").path("access_token").asText();
      String mel = cached("mel").path("access_token").asText();

      JsonNode adaIs = JSON.readTree(overHttp("GET", "/api/tollgate/v1/whoami", ada, null).body());
      assertThat(adaIs.path("kind").asText()).isEqualTo("user");
      assertThat(adaIs.path("groups").toString()).isEqualTo("[\"Admin\"]");
      HttpResponse<String> adaCreates = overHttp("POST", "/api/tollgate/v1/management-tokens", ada,
          "{\"description\": \"made over HTTP\"}");
      assertThat(adaCreates.statusCode()).as(adaCreates.body()).isEqualTo(200);
      assertThat(JSON.readTree(adaCreates.body()).path("createdBy").asText()).isEqualTo("user:ada");
      HttpResponse<String> melCreates = overHttp("POST", "/api/tollgate/v1/management-tokens", mel,
          "{\"description\": \"not allowed\"}");
      assertThat(melCreates.statusCode()).isEqualTo(403);
      assertThat(melCreates.body()).contains("may not create management tokens");
      assertThat(overHttp("POST", "/api/v0/tokens", mel, "{\"description\": \"by a member\"}")
          .statusCode()).isEqualTo(200);
      String forged = ada.substring(0, ada.length() - 2) + (ada.endsWith("AA") ? "BB" : "AA");
      HttpResponse<String> refused = overHttp("GET", "/api/v0/tokens", forged, null);
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(overHttp("DELETE", "/api/tollgate/v1/management-tokens/"
          + JSON.readTree(adaCreates.body()).path("id").asText(), ada, null).statusCode())
          .isEqualTo(204);
    } finally {
      // the other tests expect to sign these users in themselves
      Files.deleteIfExists(work.resolve("cache/tollgate/ada.json"));
      Files.deleteIfExists(work.resolve("cache/tollgate/mel.json"));
    }
  }

  @Test
  void admin_logsInAndManagesManagementTokens() throws Exception {
    TollgateJar.Result login = approvedAs("ada", "auth", "login");
    assertThat(login.exitCode()).as(login.stderr()).isZero();
    assertThat(login.stdout()).isEmpty();
    assertThat(login.stderr()).contains("in a browser and enter the code")
        .contains("Signed in. The sign-in is cached in " + work.resolve("cache/tollgate/ada.json"));
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(work.resolve("cache/tollgate/ada.json")))).isEqualTo("rw-------");

    TollgateJar.Result whoami = tollgate("ada", "auth", "whoami", "--format", "json");
    assertThat(whoami.exitCode()).as(whoami.stderr()).isZero();
    JsonNode me = JSON.readTree(whoami.stdout());
    assertThat(me.path("kind").asText()).isEqualTo("user");
    assertThat(me.path("user_id").asText()).isEqualTo("ada");
    assertThat(me.path("groups").toString()).isEqualTo("[\"Admin\"]");

    TollgateJar.Result created = tollgate("ada", "management", "create", "--description",
        "CI pipeline", "--expires-at", "2030-01-01T00:00:00Z", "--format", "json");
    assertThat(created.exitCode()).as(created.stderr()).isZero();
    String id = JSON.readTree(created.stdout()).path("id").asText();
    TollgateJar.Result list = tollgate("ada", "management", "list", "--format", "json");
    assertThat(list.exitCode()).as(list.stderr()).isZero();
    JsonNode listed = null;
    for (JsonNode token : JSON.readTree(list.stdout())) {
      if (token.path("id").asText().equals(id)) {
        listed = token;
      }
    }
    assertThat(listed).as(list.stdout()).isNotNull();
    assertThat(listed.path("created_by").asText()).contains("ada");
    TollgateJar.Result revoked = tollgate("ada", "management", "revoke", "--force", id);
    assertThat(revoked.exitCode()).as(revoked.stderr()).isZero();
  }

  @Test
  void memberAndAuditor_getWhatTheirGroupAllows() throws Exception {
    TollgateJar.Result member = approvedAs("mel", "token", "create", "--read-database", "db1",
        "member's token");
    assertThat(member.exitCode()).as(member.stderr()).isZero();
    assertThat(member.lastStdoutLine()).startsWith("apiv1_");

    TollgateJar.Result refused = tollgate("mel", "management", "create", "--description", "x");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.stderr()).startsWith("Error: ").contains("Member")
        .contains("management token");
    assertThat(refused.stdout()).isEmpty();

    TollgateJar.Result auditorList = approvedAs("aud", "management", "list");
    assertThat(auditorList.exitCode()).as(auditorList.stderr()).isZero();
    TollgateJar.Result auditorCreate = tollgate("aud", "token", "create", "--read-database",
        "db1", "auditor's token");
    assertThat(auditorCreate.exitCode()).isEqualTo(1);
    assertThat(auditorCreate.stderr()).startsWith("Error: ").contains("Auditor");
  }

  @Test
  void userNotInTheUsersFile_isRefused() throws Exception {
    TollgateJar.Result result = approvedAs("stranger", "token", "list");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("user stranger").contains("user list");
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void expiringAccessToken_isRenewedWithoutAskingThePersonAgain() throws Exception {
    try (IdentityProviderProcess shortLived = IdentityProviderProcess.start(work.resolve("logs"),
        PASSWORDS, SHORT_LIFETIME, Duration.ofMinutes(5));
        TollgateJar.Server itsServer = new TollgateJar.Server(work.resolve("short-data"),
            work.resolve("logs/short-tollgate.log"), "--oauth-issuer", shortLived.issuer(),
            "--oauth-audience", IdentityProviderProcess.AUDIENCE, "--oauth-users-file",
            work.resolve("users.json").toString()).start()) {
      TollgateJar.writeConfig(work.resolve("short.toml"),
          profile("mel", shortLived, itsServer.port()));
      Map<String, String> shortEnv = new HashMap<>(env);
      shortEnv.put("TOLLGATE_CONFIG", work.resolve("short.toml").toString());
      shortEnv.put("XDG_CACHE_HOME", work.resolve("short-cache").toString());
      TollgateJar.RunningCli cli = TollgateJar.startCli(work, shortEnv, "--profile", "mel",
          "auth", "login");
      shortLived.approve(cli.awaitStderr(USER_CODE).group(1), "mel", PASSWORDS.get("mel"));
      assertThat(cli.finish().exitCode()).isZero();
      Path cache = work.resolve("short-cache/tollgate/mel.json");
      JsonNode first = JSON.readTree(cache.toFile());

      // 20 s of life is within the 30 s margin: the next command must renew it, and not ask
      TollgateJar.Result list = TollgateJar.cli(work, shortEnv, "--profile", "mel", "token", "list");

      assertThat(list.exitCode()).as(list.stderr()).isZero();
      assertThat(list.stderr()).doesNotContain("enter the code");
      JsonNode second = JSON.readTree(cache.toFile());
      assertThat(second.path("access_token").asText())
          .isNotEqualTo(first.path("access_token").asText());
      assertThat(second.path("refresh_token").asText()).isNotEmpty();
    }
  }

  @Test
  void accessTokenTheServerRefuses_dropsTheCacheAndSaysToLogIn() throws Exception {
    assertThat(approvedAs("aud", "auth", "whoami").exitCode()).isZero();
    Path cache = work.resolve("cache/tollgate/aud.json");
    JsonNode entry = cached("aud");
    String forged = entry.path("access_token").asText();
    forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA"; // the signature broken
    Files.writeString(cache, entry.toString().replace(entry.path("access_token").asText(), forged));

    TollgateJar.Result result = tollgate("aud", "token", "list");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("refused the credential")
        .contains("the cached sign-in was removed; run `tollgate auth login`");
    assertThat(cache).doesNotExist();
  }

  @Test
  void personRefusesOnTheConsentPage_oneLineError() throws Exception {
    TollgateJar.RunningCli cli = TollgateJar.startCli(work, env, "--profile", "mel", "auth",
        "login");
    idp.deny(cli.awaitStderr(USER_CODE).group(1), "mel", PASSWORDS.get("mel"));

    TollgateJar.Result result = cli.finish();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr().lines().filter(line -> line.startsWith("Error:")))
        .containsExactly("Error: the sign-in was refused at the identity provider"
            + " (access_denied); nothing was saved");
  }

  @Test
  void deviceCodeExpires_oneLineError() throws Exception {
    try (IdentityProviderProcess hurried = IdentityProviderProcess.start(work.resolve("logs"),
        PASSWORDS, Duration.ofMinutes(5), Duration.ofSeconds(2))) {
      TollgateJar.writeConfig(work.resolve("hurried.toml"), profile("mel", hurried));
      Map<String, String> hurriedEnv = new HashMap<>(env);
      hurriedEnv.put("TOLLGATE_CONFIG", work.resolve("hurried.toml").toString());
      hurriedEnv.put("XDG_CACHE_HOME", work.resolve("hurried-cache").toString());

      TollgateJar.Result result = TollgateJar.cli(work, hurriedEnv, "--profile", "mel", "auth",
          "login");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.stderr().lines().filter(line -> line.startsWith("Error:")))
          .singleElement().asString()
          .startsWith("Error: the sign-in was not approved before the device code expired at")
          .endsWith("; run `tollgate auth login` again");
      assertThat(work.resolve("hurried-cache/tollgate/mel.json")).doesNotExist();
    }
  }

  @Test
  void logout_thenTheNextCommandAsksForASignInAgain() throws Exception {
    assertThat(approvedAs("ada", "auth", "login").exitCode()).isZero();

    TollgateJar.Result logout = tollgate("ada", "auth", "logout");
    assertThat(logout.exitCode()).isZero();
    assertThat(logout.stderr()).contains("Signed out");
    assertThat(work.resolve("cache/tollgate/ada.json")).doesNotExist();

    TollgateJar.Result list = approvedAs("ada", "management", "list");
    assertThat(list.exitCode()).as(list.stderr()).isZero();
    assertThat(list.stderr()).contains("enter the code");
    assertThat(work.resolve("cache/tollgate/ada.json")).exists();
  }

  @Test
  void interruptedSignIn_leavesNothingBehind() throws Exception {
    Map<String, String> ownCache = new HashMap<>(env);
    ownCache.put("XDG_CACHE_HOME", work.resolve("interrupted-cache").toString());
    TollgateJar.RunningCli cli = TollgateJar.startCli(work, ownCache, "--profile", "mel", "auth",
        "login");
    cli.awaitStderr(USER_CODE);

    // SIGTERM, which runs the same shutdown as Ctrl-C's SIGINT; through the handle, which,
    // unlike Process.destroy(), leaves the output streams open to read what it prints
    cli.process.toHandle().destroy();
    TollgateJar.Result result = cli.finish();

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("Sign-in stopped; nothing was saved.");
    assertThat(work.resolve("interrupted-cache/tollgate")).doesNotExist();
  }

  @Test
  void providerRotatesItsKey_newTokensAreAcceptedAtOnce() throws Exception {
    String kid = idp.rotateSigningKey();

    TollgateJar.Result login = approvedAs("aud", "auth", "login");
    assertThat(login.exitCode()).isZero();
    assertThat(SignedJWT.parse(cached("aud").path("access_token").asText()).getHeader().getKeyID())
        .isEqualTo(kid);

    TollgateJar.Result list = tollgate("aud", "token", "list");
    assertThat(list.exitCode()).as(list.stderr()).isZero();
  }
}
