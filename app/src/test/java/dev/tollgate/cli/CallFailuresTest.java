package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a failed call tells the person, and what it does to a cached sign-in. */
class CallFailuresTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final OAuth2Profile OAUTH2 = new OAuth2Profile("tollgate-cli", List.of(),
      Map.of(), URI.create("https://idp.example.test/token"),
      URI.create("https://idp.example.test/device"));

  @TempDir
  Path cacheDirectory;

  private final int port = closedPort();

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private SignInCache cache() {
    return new SignInCache(cacheDirectory);
  }

  /** A connection whose credential is the cached sign-in of profile "prod". */
  private Connection signedIn() {
    SignIn signIn = new SignIn("tollgate-cli", OAUTH2.tokenUrl().toString(), "access",
        Optional.of("refresh"), Optional.of(NOW.plusSeconds(300)));
    cache().write("prod", signIn);
    ManualClock clock = new ManualClock(NOW);
    PrintWriter err = new PrintWriter(new StringWriter(), true);
    OAuthSignIn oauth = new OAuthSignIn("prod", OAUTH2, cache(),
        new DeviceFlow(OAUTH2, Duration.ofSeconds(5), clock, clock, err), clock, err);
    ClientProfile profile = new ClientProfile("prod", "127.0.0.1", port,
        ClientProfile.Tls.PLAINTEXT, Optional.of("access"), "the cached sign-in");
    return new Connection(profile, Duration.ofSeconds(5), Optional.of(oauth), Optional.empty());
  }

  @Test
  void cachedSignIn_serverAnswersUnavailable_keepsTheSignInAndGivesTheServersAdvice() {
    try (Connection connection = signedIn()) {
      CliException failure = CallFailures.describe(Status.UNAVAILABLE.withDescription("the OAuth"
          + " access token is signed with a key ...; retry after that")
          .asRuntimeException(answerMetadata()), connection, Map.of());

      assertThat(failure.getMessage()).isEqualTo("Tollgate at 127.0.0.1:" + port + " cannot"
          + " answer now: the OAuth access token is signed with a key ...; retry after that");
    }
    assertThat(cache().read("prod")).as("the sign-in and its refresh token are kept").isPresent();
  }

  @Test
  void cachedSignIn_serverRefusesTheCredential_removesTheSignIn() {
    try (Connection connection = signedIn()) {
      CliException failure = CallFailures.describe(Status.UNAUTHENTICATED
          .withDescription("the OAuth access token was refused: Expired JWT").asRuntimeException(),
          connection, Map.of());

      assertThat(failure.getMessage()).endsWith("the cached sign-in was removed; run `tollgate"
          + " auth login` to sign in again");
    }
    assertThat(cache().read("prod")).isEmpty();
  }

  /** What a status the server sent arrives with (its content-type), unlike a transport failure. */
  private static Metadata answerMetadata() {
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of("content-type", Metadata.ASCII_STRING_MARSHALLER),
        "application/grpc");
    return metadata;
  }

  @Test
  void connectionClosedWithoutAnException_describe_isNotTakenForTheServersAnswer() {
    try (Connection connection = signedIn()) {
      CliException failure = CallFailures.describe(Status.UNAVAILABLE.withDescription("Connection"
          + " closed after GOAWAY").asRuntimeException(new Metadata()), connection, Map.of());

      assertThat(failure.getMessage()).isEqualTo("cannot reach Tollgate at 127.0.0.1:" + port
          + " (Connection closed after GOAWAY); is `tollgate serve` running there?");
    }
  }

  @Test
  void cachedSignIn_serverOutOfReach_keepsTheSignInAndAsksWhetherItRuns() {
    try (Connection connection = signedIn()) {
      CliException failure = CallFailures.describe(Status.UNAVAILABLE.withDescription("io"
          + " exception").withCause(new ConnectException("Connection refused"))
          .asRuntimeException(), connection, Map.of());

      assertThat(failure.getMessage()).isEqualTo("cannot reach Tollgate at 127.0.0.1:" + port
          + " (Connection refused); is `tollgate serve` running there?");
    }
    assertThat(cache().read("prod")).isPresent();
  }
}
