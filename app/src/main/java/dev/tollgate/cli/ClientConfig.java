package dev.tollgate.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import dev.tollgate.files.TokenFile;
import dev.tollgate.text.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
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
  /** The profile a command uses when none is asked for, with or without a config file. */
  static final String DEFAULT_PROFILE = "default";

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
      if (!flags.profile().equals(DEFAULT_PROFILE)) {
        throw new CliException("profile \"" + flags.profile() + "\" was asked for, but there is"
            + " no config file (" + file + "); give --config or write that file");
      }
      return localDefault(fromEnv, workingDirectory.resolve(LOCAL_TOKEN_FILE), file);
    }
    if (!Files.exists(file)) {
      throw new CliException("config file " + file + " (" + source(flags, env)
          + ") does not exist");
    }
    if (!Files.isReadable(file)) {
      throw new CliException("config file " + file + " (" + source(flags, env)
          + ") cannot be read by this user");
    }
    JsonNode root = read(file);
    if (holdsASecret(root)) {
      warnIfOthersCanRead(file, "config file");
    }
    ClientProfile loaded = ProfileTable.read(findProfile(root, flags.profile(), file), file);
    return fromEnv.isPresent() ? loaded.withCredential(fromEnv.get(), "TOLLGATE_MGMT_TOKEN") : loaded;
  }

  /** Which setting named the config file: the flag, or the variable that stands in for it. */
  private static String source(GlobalFlags flags, Map<String, String> env) {
    String variable = env.get("TOLLGATE_CONFIG");
    return variable != null && Path.of(variable).equals(flags.config()) ? "TOLLGATE_CONFIG"
        : "--config";
  }

  /** Whether any profile holds a token string itself (not the name of a file that does). */
  private static boolean holdsASecret(JsonNode root) {
    for (JsonNode profile : root.path("profile")) {
      if (!profile.path("mgmt_token").asText("").isBlank()
          || !profile.path("token").asText("").isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** Where the config file is looked for when no {@code --config} names one. */
  static Path defaultLocation(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("tollgate").resolve("config.toml");
  }

  private static ClientProfile localDefault(Optional<String> fromEnv, Path tokenFile,
      Path configFile) {
    if (fromEnv.isPresent()) {
      return new ClientProfile(DEFAULT_PROFILE, LOCAL_HOST, LOCAL_PORT,
          ClientProfile.Tls.PLAINTEXT, fromEnv, "TOLLGATE_MGMT_TOKEN");
    }
    if (!Files.exists(tokenFile)) {
      return new ClientProfile(DEFAULT_PROFILE, LOCAL_HOST, LOCAL_PORT,
          ClientProfile.Tls.PLAINTEXT, Optional.empty(), "there is no config file (" + configFile
              + ") and no bootstrap admin token file " + tokenFile.toAbsolutePath() + "; start"
              + " `tollgate serve` in this directory, or write the config file or give --config");
    }
    return new ClientProfile(DEFAULT_PROFILE, LOCAL_HOST, LOCAL_PORT, ClientProfile.Tls.PLAINTEXT,
        Optional.of(TokenFile.read(tokenFile)), "the bootstrap admin token file "
            + tokenFile.toAbsolutePath());
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

  /** A file that holds a credential should be its owner's alone: say so if it is not. */
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
}
