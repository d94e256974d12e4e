package dev.tollgate.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and as whom the command line talks to Tollgate: one {@code [[profile]]} of config.toml,
 * or the local default.
 *
 * @param credential the bearer credential; never printed
 * @param credentialSource where the credential came from, for messages
 * @param oauth2 how to sign a person in when there is no other credential
 * @param configFile the file the profile is in; empty for the local default
 */
record ClientProfile(String name, String host, int port, Tls tls, Optional<String> credential,
    String credentialSource, Optional<OAuth2Profile> oauth2, Optional<Path> configFile) {

  ClientProfile(String name, String host, int port, Tls tls, Optional<String> credential,
      String credentialSource) {
    this(name, host, port, tls, credential, credentialSource, Optional.empty(), Optional.empty());
  }

  /** The same profile presenting another credential. */
  ClientProfile withCredential(String credential, String source) {
    return new ClientProfile(name, host, port, tls, Optional.of(credential), source, oauth2,
        configFile);
  }

  /** The same profile for another server of the cluster, such as another replica. */
  ClientProfile at(String otherHost, int otherPort) {
    return new ClientProfile(name, otherHost, otherPort, tls, credential, credentialSource, oauth2,
        configFile);
  }

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
