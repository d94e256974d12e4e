package dev.tollgate.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and as whom the command line talks to Tollgate: one {@code [[profile]]} of config.toml,
 * or the local default.
 *
 * @param credential the bearer credential; never printed
 * @param credentialSource where the credential came from, for messages
 */
record ClientProfile(String name, String host, int port, Tls tls, Optional<String> credential,
    String credentialSource) {

  /** {@code [profile.tls]}: plaintext when disabled; otherwise trust {@code ca}, or anything when insecure. */
  record Tls(boolean disable, boolean insecure, Optional<Path> ca, Optional<Path> cert,
      Optional<Path> key) {

    static final Tls PLAINTEXT = new Tls(true, false, Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  String target() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return "ClientProfile[" + name + ", " + target() + ", credential from " + credentialSource + "]";
  }
}
