package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInCacheTest {

  @TempDir
  Path home;

  private final SignIn signIn = new SignIn("tollgate-cli", "https://idp.example.test/token",
      "access-1", Optional.of("refresh-1"), Optional.of(Instant.parse("2026-11-30T10:05:00Z")));

  @Test
  void write_isOwnerOnlyAndReadsBack() throws Exception {
    SignInCache cache = SignInCache.inUserCache(Map.of("XDG_CACHE_HOME", home.toString()));

    Path file = cache.write("prod", signIn);

    assertThat(file).isEqualTo(home.resolve("tollgate/prod.json"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(cache.read("prod")).contains(signIn);
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  void secondWrite_replacesTheFirstAndTightensTheDirectory() throws Exception {
    SignInCache cache = new SignInCache(home.resolve("tollgate"));
    cache.write("prod", signIn);
    Files.setPosixFilePermissions(home.resolve("tollgate"),
        PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(home.resolve("tollgate/prod.json.tmp"), "left by a killed write");
    SignIn next = new SignIn("tollgate-cli", "https://idp.example.test/token", "access-2",
        Optional.empty(), Optional.empty());

    cache.write("prod", next);

    assertThat(cache.read("prod")).contains(next);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("tollgate"))))
        .isEqualTo("rwx------");
    assertThat(Files.list(home.resolve("tollgate"))).containsExactly(cache.file("prod"));
  }

  @Test
  void profileNameThatIsNoFileName_file_isAHashInTheDirectory() {
    SignInCache cache = new SignInCache(home);

    assertThat(cache.file("../../etc/passwd").getParent()).isEqualTo(home);
    assertThat(cache.file("../../etc/passwd").getFileName().toString()).matches("profile-[0-9a-f]{16}\\.json");
    assertThat(cache.file("a b")).isNotEqualTo(cache.file("a_b"));
  }

  @Test
  void deleteAndUnreadable_areNotErrors() throws Exception {
    SignInCache cache = new SignInCache(home.resolve("tollgate"));
    assertThat(cache.delete("prod")).isFalse();
    cache.write("prod", signIn);
    assertThat(cache.delete("prod")).isTrue();
    assertThat(cache.read("prod")).isEmpty();

    Files.writeString(cache.file("prod"), "{not json");
    assertThat(cache.read("prod")).isEmpty();
  }
}
