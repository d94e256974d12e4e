package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.files.TokenFile;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/** One {@code [[profile]]} table of config.toml, read into the profile it describes. */
final class ProfileTable {

  private static final Set<String> PROFILE_KEYS = Set.of("name", "host", "port", "mgmt_token",
      "tls", "auth", "product", "account_id", "cluster_id", "database", "token");
  private static final Set<String> TLS_KEYS = Set.of("disable", "insecure", "ca", "cert", "key");

  private ProfileTable() {}

  /** The profile that the table describes; {@code file} is where it is, for messages. */
  static ClientProfile read(JsonNode profile, Path file) {
    String where = "profile \"" + profile.path("name").asText() + "\" in " + file;
    checkKeys(profile, PROFILE_KEYS, where);
    String host = profile.path("host").asText("").strip();
    if (host.isEmpty()) {
      throw new CliException(where + " has no host; add host = \"tollgate.example.com\" (the"
          + " server's name or address, without scheme or port)");
    }
    if (host.contains("://") || host.contains("/")) {
      throw new CliException(where + ": host \"" + host + "\" is not a host name;"
          + " expected e.g. tollgate.example.com, without scheme or path");
    }
    int port = port(profile.path("port"), where);
    ClientProfile.Tls tls = tls(profile.path("tls"), where);
    JsonNode auth = profile.path("auth");
    if (!auth.isMissingNode()) {
      checkKeys(auth, Set.of("token", "oauth2"), where + ", [profile.auth]");
    }
    Optional<OAuth2Profile> oauth2 = OAuth2Profile.read(auth.path("oauth2"), where);
    Optional<String> credential = Optional.empty();
    String source = where + " has none; set mgmt_token, [profile.auth.token] token_file or"
        + " [profile.auth.oauth2] there";
    if (profile.hasNonNull("mgmt_token") && !profile.path("mgmt_token").asText().isBlank()) {
      credential = Optional.of(profile.path("mgmt_token").asText().strip());
      source = "mgmt_token of " + where;
    } else {
      Optional<Path> tokenFile = tokenFile(auth, where);
      if (tokenFile.isPresent()) {
        credential = Optional.of(TokenFile.read(tokenFile.get()));
        ClientConfig.warnIfOthersCanRead(tokenFile.get(), "token file");
        source = "token_file " + tokenFile.get() + " of " + where;
      }
    }
    return new ClientProfile(profile.path("name").asText(), host, port, tls, credential, source,
        oauth2, Optional.of(file));
  }

  private static int port(JsonNode port, String where) {
    String text = port.isMissingNode() ? "443" : port.asText().strip();
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new CliException(where + ": port \"" + text + "\" is not a port; expected a number"
          + " from 1 to 65535, e.g. port = \"8091\"");
    }
    if (value < 1 || value > 65535) {
      throw new CliException(where + ": port " + value + " is out of range; expected 1 to 65535");
    }
    return value;
  }

  private static ClientProfile.Tls tls(JsonNode tls, String where) {
    if (tls.isMissingNode()) {
      return new ClientProfile.Tls(false, false, Optional.empty(), Optional.empty(), Optional.empty());
    }
    checkKeys(tls, TLS_KEYS, where + ", [profile.tls]");
    return new ClientProfile.Tls(tls.path("disable").asBoolean(false),
        tls.path("insecure").asBoolean(false), path(tls, "ca"), path(tls, "cert"), path(tls, "key"));
  }

  private static Optional<Path> tokenFile(JsonNode auth, String where) {
    if (auth.isMissingNode()) {
      return Optional.empty();
    }
    checkKeys(auth.path("token"), Set.of("token_file"), where + ", [profile.auth.token]");
    return path(auth.path("token"), "token_file");
  }

  private static Optional<Path> path(JsonNode table, String key) {
    String value = table.path(key).asText("").strip();
    if (value.startsWith("~/")) {
      value = System.getProperty("user.home") + value.substring(1);
    }
    return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
  }

  /** Refuses a key of the table that is not {@code allowed}, naming it and the allowed ones. */
  static void checkKeys(JsonNode table, Set<String> allowed, String where) {
    for (Iterator<String> names = table.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new CliException(where + ": unknown key \"" + name + "\"; expected one of "
            + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }}
