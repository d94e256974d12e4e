package dev.tollgate.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Timestamp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A subcommand that talks to a Tollgate server through the selected profile. */
abstract class ClientCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ClientCommand.class);

  @Spec
  CommandSpec spec;

  GlobalFlags flags() {
    return ((TollgateCommand) spec.root().userObject()).flags();
  }

  /** The profile the global flags select. */
  ClientProfile profile() {
    return ClientConfig.load(flags(), System.getenv(), Path.of(""));
  }

  /**
   * Opens a connection with the profile the global flags select. A profile whose only credential
   * is its identity provider presents the cached sign-in, renewed or made anew when needed.
   */
  Connection connect() {
    GlobalFlags flags = flags();
    ClientProfile profile = profile();
    LOG.debug("profile \"{}\"{}: {} ({}), credential: {}", profile.name(),
        profile.configFile().map(file -> " of " + file).orElse(" (local default)"),
        profile.target(), profile.tls().disable() ? "plaintext" : "TLS", profile.credentialSource());
    if (profile.credential().isPresent() || profile.oauth2().isEmpty()) {
      return new Connection(profile, flags.timeout(), Optional.empty(), Optional.of(err()));
    }
    OAuthSignIn signIn = OAuthSignIn.of(profile, flags, System.getenv(), err());
    SignIn current;
    try {
      current = signIn.current(flags.signInLimit());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("the sign-in was interrupted; nothing was saved");
    }
    return new Connection(profile.withCredential(current.accessToken(), "your sign-in for"
        + " profile \"" + profile.name() + "\", cached in " + signIn.file()), flags.timeout(),
        Optional.of(signIn), Optional.of(err()));
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * Prints a created token: as one JSON object with the token string in it, or as the key/value
   * table, the two warnings and the token string alone on the last line.
   */
  int printCreated(FormatOption format, ObjectNode json, List<List<String>> table, String token) {
    if (format.json()) {
      out().println(Json.write(json.put("token", token)));
      out().flush();
    } else {
      out().println(Tables.keyValue(table));
      printSecretLast(token);
    }
    return 0;
  }

  /** Reads {@code --expires-at}, if given, as a request timestamp. */
  static Optional<Timestamp> expiresAt(String text) {
    return Optional.ofNullable(text).map(t -> Protos.timestamp(Times.parseRfc3339("--expires-at", t)));
  }

  /** Prints the token string as the last line of standard output, after the two warnings. */
  private void printSecretLast(String token) {
    out().flush();
    err().println("warn\tplease copy the token and store in a safe place");
    err().println("warn\tthis is the *only time* you will see the token");
    err().flush();
    out().println(token);
    out().flush();
  }
}
