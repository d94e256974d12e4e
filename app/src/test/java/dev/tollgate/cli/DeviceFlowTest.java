package dev.tollgate.cli;

import static dev.tollgate.cli.ScriptedProvider.Answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceFlowTest {

  private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

  private final ScriptedProvider provider = newProvider();
  private final ManualClock clock = new ManualClock(START);
  private final StringWriter err = new StringWriter();
  private final DeviceFlow flow = new DeviceFlow(
      provider.profile(List.of("offline_access", "tollgate"), Map.of("audience", "tollgate")),
      Duration.ofSeconds(5), clock, clock, new PrintWriter(err, true));

  private static ScriptedProvider newProvider() {
    try {
      return new ScriptedProvider();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  @Test
  void approvedAfterWaiting_signIn_honoursIntervalAndSlowDown() throws Exception {
    provider.deviceAnswers.add(ScriptedProvider.deviceCode(2, 600));
    provider.tokenAnswers.add(Answer.error("authorization_pending"));
    provider.tokenAnswers.add(Answer.error("slow_down"));
    provider.tokenAnswers.add(Answer.error("authorization_pending"));
    provider.tokenAnswers.add(Answer.tokens("access-1", "refresh-1", 300));

    SignIn signIn = flow.signIn(Optional.empty());

    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2),
        Duration.ofSeconds(7), Duration.ofSeconds(7));
    assertThat(signIn.accessToken()).isEqualTo("access-1");
    assertThat(signIn.refreshToken()).contains("refresh-1");
    assertThat(signIn.expiresAt()).contains(START.plusSeconds(18 + 300));
    assertThat(signIn.toString()).doesNotContain("access-1").doesNotContain("refresh-1");
    assertThat(provider.deviceRequests).containsExactly(Map.of("client_id", "tollgate-cli",
        "scope", "offline_access tollgate", "audience", "tollgate"));
    assertThat(provider.tokenRequests).hasSize(4).allSatisfy(form -> assertThat(form)
        .containsEntry("client_id", "tollgate-cli").containsEntry("device_code", "dc-1")
        .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:device_code")
        .doesNotContainKey("client_secret"));
    assertThat(err.toString())
        .contains("open https://idp.example.test/device in a browser and enter the code WDJB-MJHT")
        .contains("or open https://idp.example.test/device?user_code=WDJB-MJHT")
        .contains("until 2026-11-30T10:10:00Z (Ctrl-C to stop)");
  }

  @Test
  void personRefuses_signIn_saysSoInOneLine() {
    provider.deviceAnswers.add(ScriptedProvider.deviceCode(5, 600));
    provider.tokenAnswers.add(Answer.error("authorization_pending"));
    provider.tokenAnswers.add(Answer.error("access_denied"));

    assertThatThrownBy(() -> flow.signIn(Optional.empty())).isInstanceOf(CliException.class)
        .hasMessage("the sign-in was refused at the identity provider (access_denied);"
            + " nothing was saved");
  }

  @Test
  void providerSaysExpired_signIn_saysToLogInAgain() {
    provider.deviceAnswers.add(ScriptedProvider.deviceCode(5, 600));
    provider.tokenAnswers.add(Answer.error("expired_token"));

    assertThatThrownBy(() -> flow.signIn(Optional.empty()))
        .hasMessage("the device code expired before the sign-in was approved (expired_token);"
            + " run `tollgate auth login` again");
  }

  @Test
  void nobodyApproves_signIn_stopsWhenTheCodeExpires() {
    provider.deviceAnswers.add(ScriptedProvider.deviceCode(5, 60));
    for (int i = 0; i < 20; i++) {
      provider.tokenAnswers.add(Answer.error("authorization_pending"));
    }

    assertThatThrownBy(() -> flow.signIn(Optional.empty()))
        .hasMessage("the sign-in was not approved before the device code expired at"
            + " 2026-11-30T10:01:00Z; run `tollgate auth login` again");
    assertThat(provider.tokenRequests).hasSize(11);
    assertThat(clock.instant()).isBefore(START.plusSeconds(60));
  }

  @Test
  void timeoutShorterThanTheCode_signIn_stopsAtTheTimeout() {
    provider.deviceAnswers.add(ScriptedProvider.deviceCode(5, 600));
    for (int i = 0; i < 20; i++) {
      provider.tokenAnswers.add(Answer.error("authorization_pending"));
    }

    assertThatThrownBy(() -> flow.signIn(Optional.of(Duration.ofSeconds(30))))
        .hasMessage("the sign-in was not approved within --timeout 30s; nothing was saved");
    assertThat(provider.tokenRequests).hasSize(5);
  }

  @Test
  void providerAnswersWithoutOAuth_signIn_backsOffAndGoesOn() throws Exception {
    provider.deviceAnswers.add(ScriptedProvider.deviceCode(3, 600));
    provider.tokenAnswers.add(new Answer(503, "text/html", "<html>Unavailable</html>"));
    provider.tokenAnswers.add(new Answer(502, "text/html", "<html>Bad gateway</html>"));
    provider.tokenAnswers.add(Answer.tokens("access-1", null, 300));

    SignIn signIn = flow.signIn(Optional.empty());

    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(6),
        Duration.ofSeconds(12));
    assertThat(signIn.refreshToken()).isEmpty();
  }

  @Test
  void providerOutOfReach_signIn_backsOffAndSaysWhyAtTheEnd() {
    provider.deviceAnswers.add(ScriptedProvider.deviceCode(5, 30));
    for (int i = 0; i < 10; i++) {
      provider.tokenAnswers.add(Answer.dropped());
    }

    assertThatThrownBy(() -> flow.signIn(Optional.empty()))
        .hasMessageStartingWith("the sign-in was not approved before the device code expired")
        .hasMessageContaining("(the last poll failed: ");
    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  @Test
  void providerRefusesTheClient_signIn_namesTheProfileKeys() {
    provider.deviceAnswers.add(Answer.json(401, "{\"error\": \"invalid_client\","
        + " \"error_description\": \"unknown client\"}"));

    assertThatThrownBy(() -> flow.signIn(Optional.empty()))
        .hasMessageContaining("refused the sign-in request at http://127.0.0.1:")
        .hasMessageContaining("invalid_client (unknown client)")
        .hasMessageEndingWith("check client_id, scopes and parameters of [profile.auth.oauth2]");
  }

  @Test
  void deviceEndpointIsNotOAuth_signIn_saysWhatCameBack() {
    provider.deviceAnswers.add(new Answer(404, "text/html", "<html>Not found</html>"));

    assertThatThrownBy(() -> flow.signIn(Optional.empty()))
        .hasMessageContaining("refused the sign-in request at http://127.0.0.1:")
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void refresh_asksWithTheRefreshTokenAndKeepsItWhenNoNewOneComes() {
    SignIn old = new SignIn("tollgate-cli", provider.profile(List.of(), Map.of()).tokenUrl()
        .toString(), "access-0", Optional.of("refresh-0"), Optional.of(START));
    provider.tokenAnswers.add(Answer.tokens("access-1", null, 60));

    Optional<SignIn> renewed = flow.refresh(old);

    assertThat(renewed).hasValueSatisfying(signIn -> {
      assertThat(signIn.accessToken()).isEqualTo("access-1");
      assertThat(signIn.refreshToken()).contains("refresh-0");
      assertThat(signIn.expiresAt()).contains(START.plusSeconds(60));
    });
    assertThat(provider.tokenRequests).containsExactly(Map.of("client_id", "tollgate-cli",
        "grant_type", "refresh_token", "refresh_token", "refresh-0"));
  }

  @Test
  void refreshTokenNoLongerAccepted_refresh_isEmpty() {
    SignIn old = new SignIn("tollgate-cli", "x", "access-0", Optional.of("refresh-0"),
        Optional.of(START));
    provider.tokenAnswers.add(Answer.error("invalid_grant"));

    assertThat(flow.refresh(old)).isEmpty();
  }
}
