package dev.tollgate.cli;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationGrantError;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The OAuth 2.0 device authorization grant (RFC 8628) as a public client, and the refresh of
 * what it gave, through the Nimbus OAuth 2.0 SDK. Everything it says goes to standard error, so
 * that a script reading standard output sees only the command's own answer. Time is read from the
 * given clock and passes through the given sleeper, so tests need no wall clock.
 */
final class DeviceFlow {

  /** Waits; the real one is {@code Thread.sleep}. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** RFC 8628 §3.5: without an {@code interval}, poll every five seconds. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
  /** RFC 8628 §3.5: {@code slow_down} adds five seconds to the interval, for good. */
  static final Duration SLOW_DOWN = Duration.ofSeconds(5);
  private static final Duration MAX_INTERVAL = Duration.ofMinutes(1);

  private final OAuth2Profile oauth2;
  private final Duration requestTimeout;
  private final Clock clock;
  private final Sleeper sleeper;
  private final PrintWriter err;

  /**
   * @param requestTimeout how long one HTTP request to the provider may take
   */
  DeviceFlow(OAuth2Profile oauth2, Duration requestTimeout, Clock clock, Sleeper sleeper,
      PrintWriter err) {
    this.oauth2 = oauth2;
    this.requestTimeout = requestTimeout;
    this.clock = clock;
    this.sleeper = sleeper;
    this.err = err;
  }

  /**
   * Signs a person in: asks for a device code, tells the person where to approve it, and polls
   * until the provider answers, the code expires, or {@code limit} (if given) has passed.
   */
  SignIn signIn(Optional<Duration> limit) throws InterruptedException {
    DeviceAuthorizationSuccessResponse code = requestDeviceCode();
    Instant start = clock.instant();
    Instant expires = start.plusSeconds(code.getLifetime() > 0 ? code.getLifetime() : 300);
    Instant deadline = limit.map(start::plus).filter(at -> at.isBefore(expires)).orElse(expires);
    // before the person is told what to do: a Ctrl-C right after the prompt says so too
    Thread stopped = new Thread(() -> {
      err.println();
      err.println("Sign-in stopped; nothing was saved.");
      err.flush();
    }, "sign-in-stopped");
    Runtime.getRuntime().addShutdownHook(stopped);
    err.println("To sign in, open " + code.getVerificationURI() + " in a browser and enter the"
        + " code " + code.getUserCode().getValue());
    if (code.getVerificationURIComplete() != null) {
      err.println("  or open " + code.getVerificationURIComplete());
    }
    err.println("Waiting for the sign-in to be approved, until "
        + deadline.truncatedTo(ChronoUnit.SECONDS) + " (Ctrl-C to stop)...");
    err.flush();
    try {
      return poll(code, limit, expires, deadline);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopped);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
    }
  }

  private SignIn poll(DeviceAuthorizationSuccessResponse code, Optional<Duration> limit,
      Instant expires, Instant deadline) throws InterruptedException {
    Duration interval = code.getInterval() > 0 ? Duration.ofSeconds(code.getInterval())
        : DEFAULT_INTERVAL;
    AuthorizationGrant grant = new DeviceCodeGrant(code.getDeviceCode());
    String unreachable = null;
    while (true) {
      Instant now = clock.instant();
      if (!now.plus(interval).isBefore(deadline)) {
        throw new CliException(deadline.equals(expires)
            ? "the sign-in was not approved before the device code expired at "
                + expires.truncatedTo(ChronoUnit.SECONDS) + "; run `tollgate auth login` again"
                + (unreachable == null ? "" : " (the last poll failed: " + unreachable + ")")
            : "the sign-in was not approved within --timeout " + Times.format(limit.get())
                + "; nothing was saved");
      }
      sleeper.sleep(interval);
      TokenResponse response;
      try {
        response = token(grant);
      } catch (IOException e) {
        // RFC 8628 §3.5: back off when the provider cannot be reached, and keep trying
        unreachable = describe(e);
        interval = min(interval.multipliedBy(2), MAX_INTERVAL);
        continue;
      }
      if (response.indicatesSuccess()) {
        return signIn(response.toSuccessResponse(), Optional.empty());
      }
      ErrorObject error = response.toErrorResponse().getErrorObject();
      if (error.getCode() == null) {
        // not an OAuth answer, say a proxy's 502 page: as if the provider were out of reach
        unreachable = describe(error);
        interval = min(interval.multipliedBy(2), MAX_INTERVAL);
        continue;
      }
      unreachable = null;
      String reason = error.getCode();
      if (reason.equals(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING.getCode())) {
        continue;
      }
      if (reason.equals(DeviceAuthorizationGrantError.SLOW_DOWN.getCode())) {
        interval = min(interval.plus(SLOW_DOWN), MAX_INTERVAL);
        continue;
      }
      if (reason.equals(DeviceAuthorizationGrantError.EXPIRED_TOKEN.getCode())) {
        throw new CliException("the device code expired before the sign-in was approved"
            + " (expired_token); run `tollgate auth login` again");
      }
      if (reason.equals(OAuth2Error.ACCESS_DENIED.getCode())) {
        throw new CliException("the sign-in was refused at the identity provider"
            + " (access_denied); nothing was saved");
      }
      throw new CliException("the identity provider refused the sign-in at "
          + oauth2.tokenUrl() + ": " + describe(error));
    }
  }

  /**
   * Renews an access token with the refresh token; empty when the provider no longer accepts
   * the refresh token (the person must sign in again).
   */
  Optional<SignIn> refresh(SignIn previous) {
    RefreshToken refreshToken = new RefreshToken(previous.refreshToken().orElseThrow());
    TokenResponse response;
    try {
      response = token(new RefreshTokenGrant(refreshToken));
    } catch (IOException e) {
      throw new CliException("cannot renew the sign-in at " + oauth2.tokenUrl() + ": "
          + describe(e));
    }
    if (response.indicatesSuccess()) {
      return Optional.of(signIn(response.toSuccessResponse(), previous.refreshToken()));
    }
    ErrorObject error = response.toErrorResponse().getErrorObject();
    if (OAuth2Error.INVALID_GRANT.getCode().equals(error.getCode())) {
      return Optional.empty();
    }
    throw new CliException("the identity provider refused to renew the sign-in at "
        + oauth2.tokenUrl() + ": " + describe(error));
  }

  private DeviceAuthorizationSuccessResponse requestDeviceCode() {
    DeviceAuthorizationRequest.Builder request =
        new DeviceAuthorizationRequest.Builder(new ClientID(oauth2.clientId()))
            .endpointURI(oauth2.deviceUrl());
    if (!oauth2.scopes().isEmpty()) {
      request.scope(new Scope(oauth2.scopes().toArray(String[]::new)));
    }
    oauth2.parameters().forEach(request::customParameter);
    DeviceAuthorizationResponse response;
    try {
      HTTPResponse answer = send(request.build().toHTTPRequest());
      try {
        response = DeviceAuthorizationResponse.parse(answer);
      } catch (ParseException e) {
        throw notOAuth(answer, e);
      }
    } catch (IOException e) {
      throw new CliException("no answer from the identity provider's device_url "
          + oauth2.deviceUrl() + ": " + describe(e));
    }
    if (!response.indicatesSuccess()) {
      throw new CliException("the identity provider refused the sign-in request at "
          + oauth2.deviceUrl() + ": " + describe(response.toErrorResponse().getErrorObject())
          + "; check client_id, scopes and parameters of [profile.auth.oauth2]");
    }
    return response.toSuccessResponse();
  }

  private SignIn signIn(AccessTokenResponse response, Optional<String> previousRefreshToken) {
    Tokens tokens = response.getTokens();
    long lifetime = tokens.getAccessToken().getLifetime();
    Optional<String> refreshToken = Optional.ofNullable(tokens.getRefreshToken())
        .map(RefreshToken::getValue).or(() -> previousRefreshToken);
    return new SignIn(oauth2.clientId(), oauth2.tokenUrl().toString(),
        tokens.getAccessToken().getValue(), refreshToken,
        lifetime > 0 ? Optional.of(clock.instant().plusSeconds(lifetime)) : Optional.empty());
  }

  private TokenResponse token(AuthorizationGrant grant) throws IOException {
    HTTPResponse answer = send(new TokenRequest(oauth2.tokenUrl(), new ClientID(oauth2.clientId()),
        grant).toHTTPRequest());
    try {
      return TokenResponse.parse(answer);
    } catch (ParseException e) {
      throw notOAuth(answer, e);
    }
  }

  /** An answer that is not an OAuth one at all, say a proxy's error page. */
  private static IOException notOAuth(HTTPResponse answer, ParseException e) {
    return new IOException("HTTP " + answer.getStatusCode() + " without an OAuth answer ("
        + e.getMessage() + ")");
  }


  private HTTPResponse send(HTTPRequest request) throws IOException {
    int millis = (int) Math.min(Integer.MAX_VALUE, requestTimeout.toMillis());
    request.setConnectTimeout(millis);
    request.setReadTimeout(millis);
    return request.send();
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String describe(ErrorObject error) {
    String code = error.getCode() == null ? "HTTP " + error.getHTTPStatusCode() : error.getCode();
    return code + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")");
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
