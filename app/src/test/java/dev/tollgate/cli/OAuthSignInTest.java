package dev.tollgate.cli;

import static dev.tollgate.cli.ScriptedProvider.Answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OAuthSignInTest {

  private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

  @TempDir
  Path cacheDirectory;

  private final ScriptedProvider provider = newProvider();
  private final OAuth2Profile oauth2 = provider.profile(List.of("offline_access"), Map.of());
  private final ManualClock clock = new ManualClock(START);
  private final StringWriter err = new StringWriter();

  private static ScriptedProvider newProvider() {
    try {
      return new ScriptedProvider();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  private OAuthSignIn signIn() {
    PrintWriter out = new PrintWriter(err, true);
    return new OAuthSignIn("prod", oauth2, new SignInCache(cacheDirectory),
        new DeviceFlow(oauth2, Duration.ofSeconds(5), clock, clock, out), clock, out);
  }

  private SignInCache cache() {
    return new SignInCache(cacheDirectory);
  }

  @Test
  void nothingCached_current_signsInAndCaches() throws Exception {
    provider.deviceAnswers.add(ScriptedProvider.deviceCode(5, 600));
    provider.tokenAnswers.add(Answer.tokens("access-1", "refresh-1", 300));

    SignIn signIn = signIn().current(Optional.empty());

    assertThat(signIn.accessToken()).isEqualTo("access-1");
    assertThat(cache().read("prod")).contains(signIn);
    assertThat(err.toString()).contains("Signed in. The sign-in is cached in "
        + cache().file("prod") + "; its access token expires at 2026-11-30T10:05:05Z and is then"
        + " renewed.");
  }

  @Test
  void usableCache_current_asksNobody() throws Exception {
    SignIn cached = new SignIn("tollgate-cli", oauth2.tokenUrl().toString(), "access-1",
        Optional.of("refresh-1"), Optional.of(START.plusSeconds(300)));
    cache().write("prod", cached);

    assertThat(signIn().current(Optional.empty())).isEqualTo(cached);
    assertThat(provider.deviceRequests).isEmpty();
    assertThat(provider.tokenRequests).isEmpty();
  }

  @Test
  void expiredAccessToken_current_renewsItWithoutThePerson() throws Exception {
    cache().write("prod", new SignIn("tollgate-cli", oauth2.tokenUrl().toString(), "access-1",
        Optional.of("refresh-1"), Optional.of(START.plusSeconds(20))));
    provider.tokenAnswers.add(Answer.tokens("access-2", "refresh-2", 300));

    SignIn signIn = signIn().current(Optional.empty());

    assertThat(signIn.accessToken()).isEqualTo("access-2");
    assertThat(cache().read("prod")).contains(signIn);
    assertThat(provider.deviceRequests).isEmpty();
    assertThat(provider.tokenRequests).singleElement()
        .satisfies(form -> assertThat(form).containsEntry("refresh_token", "refresh-1"));
  }

  @Test
  void refreshTokenRefused_current_signsInAgain() throws Exception {
    cache().write("prod", new SignIn("tollgate-cli", oauth2.tokenUrl().toString(), "access-1",
        Optional.of("refresh-1"), Optional.of(START)));
    provider.tokenAnswers.add(Answer.error("invalid_grant"));
    provider.deviceAnswers.add(ScriptedProvider.deviceCode(5, 600));
    provider.tokenAnswers.add(Answer.tokens("access-2", null, 300));

    assertThat(signIn().current(Optional.empty()).accessToken()).isEqualTo("access-2");
    assertThat(err.toString()).contains("Your sign-in has ended");
  }

  @Test
  void cachedForAnotherClient_current_isNotPresented() throws Exception {
    cache().write("prod", new SignIn("another-client", oauth2.tokenUrl().toString(), "access-1",
        Optional.empty(), Optional.of(START.plusSeconds(3600))));
    provider.deviceAnswers.add(ScriptedProvider.deviceCode(5, 600));
    provider.tokenAnswers.add(Answer.tokens("access-2", null, 300));

    assertThat(signIn().current(Optional.empty()).accessToken()).isEqualTo("access-2");
  }

  @Test
  void logout_removesTheCache() throws Exception {
    cache().write("prod", new SignIn("tollgate-cli", oauth2.tokenUrl().toString(), "access-1",
        Optional.empty(), Optional.empty()));

    assertThat(signIn().logout()).isTrue();
    assertThat(signIn().logout()).isFalse();
    assertThat(cache().read("prod")).isEmpty();
  }
}
