package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.model.UserGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {

  @TempDir
  Path directory;

  private Path write(String json) throws Exception {
    return Files.writeString(directory.resolve("users.json"), json);
  }

  @Test
  void clusteredUsers_read_giveGroupsAndAdminWhenNoneAreListed() throws Exception {
    var users = UsersFile.read(write("""
        [{"id": "mcfly", "firstName": "Marty", "lastName": "McFly", "email": "m@example.test"},
         {"id": "biff", "firstName": "Biff", "lastName": "T", "email": "b@example.test",
          "userGroups": ["member", "Auditor"]}]
        """));

    assertThat(users.get("mcfly")).containsExactly(UserGroup.ADMIN);
    assertThat(users.get("biff")).isEqualTo(Set.of(UserGroup.MEMBER, UserGroup.AUDITOR));
  }

  @Test
  void objectWithUsersArray_read_isAcceptedToo() throws Exception {
    assertThat(UsersFile.read(write("{\"users\": [{\"id\": \"a\", \"userGroups\": []}]}")).get("a"))
        .isEmpty();
  }

  @Test
  void badEntries_read_areRefusedNamingTheEntry() throws Exception {
    assertThatThrownBy(() -> UsersFile.read(write("[{\"firstName\": \"x\"}]")))
        .hasMessageContaining("entry 1 has no \"id\"");
    assertThatThrownBy(() -> UsersFile.read(write("[{\"id\": \"x\", \"userGroups\": [\"Root\"]}]")))
        .hasMessageContaining("unknown group \"Root\"; expected Admin, Member or Auditor");
    assertThatThrownBy(() -> UsersFile.read(write("[{\"id\": \"x\", \"groups\": []}]")))
        .hasMessageContaining("unknown field \"groups\"");
    assertThatThrownBy(() -> UsersFile.read(write("[{\"id\": \"x\"}, {\"id\": \"x\"}]")))
        .hasMessageContaining("repeats the user id \"x\"");
    assertThatThrownBy(() -> UsersFile.read(write("not json")))
        .hasMessageContaining("expected a JSON array of users");
  }
}
