package dev.tollgate.cli;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import dev.tollgate.app.JsonTrees;
import dev.tollgate.app.TokenFile;
import dev.tollgate.grpc.Loopback;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads influxctl-style {@code config.toml} profiles. Keys only influxctl uses are accepted and
 * ignored; any other unknown key is an error, so a typo never passes silently.
 */
final class ClientConfig {

  static final String LOCAL_HOST = "127.0.0.1";
  static final int LOCAL_PORT = 8091;
  static final Path LOCAL_TOKEN_FILE = Path.of("data", "admin-token.json");

  private static final Set<String> PROFILE_KEYS = Set.of("name", "host", "port", "mgmt_token",
      "tls", "auth", "product", "account_id", "cluster_id", "database", "token");
  private static final Set<String> TLS_KEYS = Set.of("disable", "insecure", "ca", "cert", "key");
  private static final Set<String> OAUTH2_KEYS = Set.of("client_id", "scopes", "parameters",
      "token_url", "device_url");

  private static final Pattern SINGLE_PROFILE_TABLE = Pattern.compile("^\\s*\\[\\s*profile\\s*\\]");

  private ClientConfig() {}

  /** ":N", the first line of the file that matches, or "" when none does. */
  private static String lineOf(Path file, Pattern pattern) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (pattern.matcher(lines.get(i)).find()) {
          return ":" + (i + 1);
        }
      }
    } catch (IOException e) {
      // read a moment ago; no line then
    }
    return "";
  }

  /**
   * The profile to use: from the given config file, else the default one if it exists, else the
   * local default (127.0.0.1:8091, plaintext, the bootstrap admin token from ./data).
   */
  static ClientProfile load(GlobalFlags flags, Map<String, String> env, Path workingDirectory) {
    Path file = flags.config() != null ? flags.config() : defaultLocation(env);
    String variable = env.get("TOLLGATE_MGMT_TOKEN");
    if (variable != null && variable.isBlank()) {
      // e.g. token=$(…) that failed: never fall back to a stronger credential
      throw new CliException("TOLLGATE_MGMT_TOKEN is set but empty; give it a token, or unset it"
          + " to use the profile's credential");
    }
    Optional<String> fromEnv = Optional.ofNullable(variable).map(String::strip);
    if (flags.config() == null && !Files.exists(file)) {
      if (!flags.profile().equals("default")) {
        throw new CliException("profile \"" + flags.profile() + "\" was asked for, but there is"
            + " no config file (" + file + "); give --config or write that file");
      }
      return localDefault(fromEnv, workingDirectory.resolve(LOCAL_TOKEN_FILE));
    }
    if (!Files.isReadable(file)) {
      throw new CliException("config file " + file + " does not exist or cannot be read");
    }
    warnIfOthersCanRead(file, "config file");
    JsonNode profile = findProfile(read(file), flags.profile(), file);
    ClientProfile loaded = profile(profile, file);
    return fromEnv.isPresent() ? loaded.withCredential(fromEnv.get(), "TOLLGATE_MGMT_TOKEN") : loaded;
  }

  private static Path defaultLocation(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("tollgate").resolve("config.toml");
  }

  private static ClientProfile localDefault(Optional<String> fromEnv, Path tokenFile) {
    if (fromEnv.isPresent()) {
      return new ClientProfile("local", LOCAL_HOST, LOCAL_PORT, ClientProfile.Tls.PLAINTEXT,
          fromEnv, "TOLLGATE_MGMT_TOKEN");
    }
    Optional<String> token = Files.exists(tokenFile)
        ? Optional.of(TokenFile.read(tokenFile)) : Optional.empty();
    return new ClientProfile("local", LOCAL_HOST, LOCAL_PORT, ClientProfile.Tls.PLAINTEXT, token,
        "the bootstrap admin token file " + tokenFile.toAbsolutePath()
            + (token.isEmpty() ? " (missing; start `tollgate serve` here or give --config)" : ""));
  }

  private static JsonNode read(Path file) {
    try (JsonParser parser = new TomlFactory().createParser(file.toFile())) {
      return JsonTrees.read(parser);
    } catch (StreamReadException e) {
      String line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
          : ":" + e.getLocation().getLineNr();
      throw new CliException(file + line + ": not valid TOML: "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new CliException("config file " + file + " cannot be read: " + e.getMessage());
    }
  }

  private static JsonNode findProfile(JsonNode root, String name, Path file) {
    if (root.path("profile").isObject()) {
      throw new CliException(file + lineOf(file, SINGLE_PROFILE_TABLE) + ": [profile] is one"
          + " table; profiles are an array of tables: write [[profile]], as influxctl does");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode profile : root.path("profile")) {
      String profileName = profile.path("name").asText("");
      if (profileName.equals(name)) {
        return profile;
      }
      names.add(profileName);
    }
    throw new CliException("profile \"" + name + "\" is not in " + file + (names.isEmpty()
        ? "; it has no [[profile]] tables" : "; its profiles are " + String.join(", ", names)));
  }

  /** A credential, or the file that names one, should be its owner's alone: say so if not. */
  static void warnIfOthersCanRead(Path file, String what) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ)) {
        System.err.println("warn\t" + what + " " + file + " can be read by other users ("
            + PosixFilePermissions.toString(permissions) + "); run: chmod 600 " + file);
      }
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system, or gone since: nothing to say
    }
  }

  private static ClientProfile profile(JsonNode profile, Path file) {
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
    Optional<OAuth2Profile> oauth2 = oauth2(auth.path("oauth2"), where);
    Optional<String> credential = Optional.empty();
    String source = "no credential (set mgmt_token, [profile.auth.token] token_file or"
        + " [profile.auth.oauth2] in " + where + ")";
    if (profile.hasNonNull("mgmt_token") && !profile.path("mgmt_token").asText().isBlank()) {
      credential = Optional.of(profile.path("mgmt_token").asText().strip());
      source = "mgmt_token of " + where;
    } else {
      Optional<Path> tokenFile = tokenFile(auth, where);
      if (tokenFile.isPresent()) {
        credential = Optional.of(TokenFile.read(tokenFile.get()));
        warnIfOthersCanRead(tokenFile.get(), "token file");
        source = "token_file " + tokenFile.get() + " of " + where;
      }
    }
    return new ClientProfile(profile.path("name").asText(), host, port, tls, credential, source,
        oauth2, Optional.of(file));
  }

  /** {@code [profile.auth.oauth2]}, with influxctl's keys. */
  private static Optional<OAuth2Profile> oauth2(JsonNode table, String where) {
    if (table.isMissingNode()) {
      return Optional.empty();
    }
    String at = where + ", [profile.auth.oauth2]";
    if (!table.isObject()) {
      throw new CliException(at + " must be a table with client_id, device_url and token_url");
    }
    checkKeys(table, OAUTH2_KEYS, at);
    String clientId = table.path("client_id").asText("").strip();
    if (clientId.isEmpty()) {
      throw new CliException(at + ": client_id is missing; give the identity provider's client id"
          + " for the command line (a public client with the device grant)");
    }
    List<String> scopes = new ArrayList<>();
    JsonNode scopesNode = table.path("scopes");
    if (!scopesNode.isMissingNode()) {
      if (!scopesNode.isArray()) {
        throw new CliException(at + ": scopes must be an array of strings, e.g."
            + " scopes = [\"offline_access\"]; got " + scopesNode);
      }
      for (JsonNode scope : scopesNode) {
        if (!scope.isTextual() || scope.asText().isBlank() || scope.asText().contains(" ")) {
          throw new CliException(at + ": scope " + scope + " is not a scope; expected a word"
              + " such as \"offline_access\"");
        }
        scopes.add(scope.asText());
      }
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    JsonNode parametersNode = table.path("parameters");
    if (!parametersNode.isMissingNode()) {
      if (!parametersNode.isObject()) {
        throw new CliException(at + ": parameters must be a table, e.g."
            + " parameters = { audience = \"https://tollgate.example.com\" }; got " + parametersNode);
      }
      for (Iterator<Map.Entry<String, JsonNode>> entries = parametersNode.fields();
          entries.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = entries.next();
        if (!entry.getValue().isValueNode()) {
          throw new CliException(at + ": parameter " + entry.getKey() + " must be a string;"
              + " got " + entry.getValue());
        }
        parameters.put(entry.getKey(), entry.getValue().asText());
      }
    }
    return Optional.of(new OAuth2Profile(clientId, scopes, parameters,
        endpoint(table, "token_url", at), endpoint(table, "device_url", at)));
  }

  /** An endpoint of the identity provider: https, or http to a loopback address. */
  private static URI endpoint(JsonNode table, String key, String at) {
    String text = table.path(key).asText("").strip();
    if (text.isEmpty()) {
      throw new CliException(at + ": " + key + " is missing; give the identity provider's "
          + (key.equals("token_url") ? "token endpoint" : "device authorization endpoint")
          + " URL, e.g. https://idp.example.com/oauth2/" + (key.equals("token_url") ? "token"
          : "device/authorize"));
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new CliException(at + ": " + key + " \"" + text + "\" is not a URL: " + e.getReason());
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
        && Loopback.isLoopback(uri.getHost());
    if (uri.getHost() == null || !(https || loopbackHttp)) {
      throw new CliException(at + ": " + key + " \"" + text + "\" is not an https:// URL"
          + " (http:// only to a loopback address)");
    }
    return uri;
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

  private static void checkKeys(JsonNode table, Set<String> allowed, String where) {
    for (Iterator<String> names = table.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new CliException(where + ": unknown key \"" + name + "\"; expected one of "
            + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }
}
