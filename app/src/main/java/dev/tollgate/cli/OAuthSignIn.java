package dev.tollgate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * A profile's sign-in at its identity provider: the cached one while its access token lasts,
 * then one renewed with the refresh token, then a new one through the device flow.
 */
final class OAuthSignIn {

  private final String profile;
  private final OAuth2Profile oauth2;
  private final SignInCache cache;
  private final DeviceFlow flow;
  private final Clock clock;
  private final PrintWriter err;

  OAuthSignIn(String profile, OAuth2Profile oauth2, SignInCache cache, DeviceFlow flow,
      Clock clock, PrintWriter err) {
    this.profile = profile;
    this.oauth2 = oauth2;
    this.cache = cache;
    this.flow = flow;
    this.clock = clock;
    this.err = err;
  }

  /** The sign-in of the profile, with the real clock, cache and provider. */
  static OAuthSignIn of(ClientProfile profile, GlobalFlags flags, Map<String, String> env,
      PrintWriter err) {
    OAuth2Profile oauth2 = profile.oauth2().orElseThrow(() -> new CliException(
        profile.configFile().map(file -> "profile \"" + profile.name() + "\" in " + file
            + " has no [profile.auth.oauth2] table, so there is no identity provider to sign in"
            + " with; add one there with client_id, device_url and token_url")
        .orElseGet(() -> "there is no config file (" + ClientConfig.defaultLocation(env)
            + "), so no identity provider to sign in with; write that file with a [[profile]]"
            + " named \"" + ClientConfig.DEFAULT_PROFILE + "\" and its [profile.auth.oauth2]"
            + " table (client_id, device_url, token_url), or give --config")));
    Clock clock = Clock.systemUTC();
    return new OAuthSignIn(profile.name(), oauth2, SignInCache.inUserCache(env),
        new DeviceFlow(oauth2, flags.timeout(), clock, duration -> Thread.sleep(duration.toMillis()),
            err), clock, err);
  }

  /** Where this profile's sign-in is cached. */
  Path file() {
    return cache.file(profile);
  }

  /**
   * A sign-in whose access token may be presented now: the cached one, else the cached one
   * renewed, else a new one (the person is asked to approve it).
   */
  SignIn current(Optional<Duration> limit) throws InterruptedException {
    Optional<SignIn> cached = cache.read(profile).filter(signIn -> signIn.issuedFor(oauth2));
    if (cached.isPresent()) {
      SignIn signIn = cached.get();
      if (signIn.usableAt(clock.instant())) {
        return signIn;
      }
      if (signIn.refreshToken().isPresent()) {
        Optional<SignIn> renewed = flow.refresh(signIn);
        if (renewed.isPresent()) {
          cache.write(profile, renewed.get());
          return renewed.get();
        }
        err.println("Your sign-in has ended (the identity provider no longer accepts its"
            + " refresh token); sign in again.");
      } else {
        err.println("Your sign-in has expired and cannot be renewed (the identity provider gave"
            + " no refresh token); sign in again.");
      }
      err.flush();
    }
    return login(limit);
  }

  /** A new sign-in through the device flow; it replaces the cached one once approved. */
  SignIn login(Optional<Duration> limit) throws InterruptedException {
    SignIn signIn = flow.signIn(limit);
    Path file = cache.write(profile, signIn);
    err.println("Signed in. The sign-in is cached in " + file + signIn.expiresAt()
        .map(at -> "; its access token expires at " + at.truncatedTo(ChronoUnit.SECONDS)
            + (signIn.refreshToken().isPresent() ? " and is then renewed" : ""))
        .orElse("") + ".");
    err.flush();
    return signIn;
  }

  /** Removes the cached sign-in; returns whether there was one. */
  boolean logout() {
    return cache.delete(profile);
  }
}
