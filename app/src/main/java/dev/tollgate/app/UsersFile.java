package dev.tollgate.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.domain.model.UserGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the cluster's user list in the shape of Clustered's {@code admin.users}, as JSON:
 * {@code [{"id": "…", "firstName": "…", "lastName": "…", "email": "…", "userGroups": ["Admin"]}]}.
 * A user without {@code userGroups} is an Admin, as every listed user is in Clustered.
 */
final class UsersFile {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KNOWN_FIELDS =
      Set.of("id", "firstName", "lastName", "email", "userGroups");

  private UsersFile() {}

  /**
   * The users by id with their groups.
   *
   * @throws IllegalArgumentException naming the file and the entry at fault
   */
  static Map<String, Set<UserGroup>> read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the users file " + file + ": "
          + e.getMessage().lines().findFirst().orElse("") + "; expected a JSON array of users");
    }
    JsonNode users = root != null && root.isObject() ? root.path("users") : root;
    if (users == null || !users.isArray()) {
      throw new IllegalArgumentException("users file " + file + " is not a JSON array of users"
          + " (or an object with a \"users\" array)");
    }
    Map<String, Set<UserGroup>> result = new LinkedHashMap<>();
    for (int i = 0; i < users.size(); i++) {
      JsonNode user = users.get(i);
      String where = "users file " + file + ", entry " + (i + 1);
      String id = user.path("id").asText("");
      if (id.isBlank()) {
        throw new IllegalArgumentException(where + " has no \"id\"; expected the user id the"
            + " identity provider puts in the access token");
      }
      user.fieldNames().forEachRemaining(name -> {
        if (!KNOWN_FIELDS.contains(name)) {
          throw new IllegalArgumentException(where + " has the unknown field \"" + name
              + "\"; expected " + KNOWN_FIELDS);
        }
      });
      if (result.put(id, groups(user.path("userGroups"), where)) != null) {
        throw new IllegalArgumentException(where + " repeats the user id \"" + id + "\"");
      }
    }
    return result;
  }

  private static Set<UserGroup> groups(JsonNode groups, String where) {
    if (groups.isMissingNode() || groups.isNull()) {
      return EnumSet.of(UserGroup.ADMIN);
    }
    Set<UserGroup> result = EnumSet.noneOf(UserGroup.class);
    for (JsonNode group : groups) {
      result.add(UserGroup.byLabel(group.asText()).orElseThrow(() -> new IllegalArgumentException(
          where + " has the unknown group \"" + group.asText() + "\"; expected Admin, Member or Auditor")));
    }
    return result;
  }
}
