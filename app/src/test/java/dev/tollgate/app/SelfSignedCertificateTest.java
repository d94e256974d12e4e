package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {

  private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

  @TempDir
  Path data;

  @Test
  void firstStart_makesAPairOnlyTheKeyOfWhichIsPrivate_laterStartsKeepIt() throws Exception {
    ServerConfig.Tls.Files made = SelfSignedCertificate.ensure(data, "127.0.0.1", NOW);
    String certificate = Files.readString(made.certificate());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made.certificate())))
        .isEqualTo("rw-r--r--");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made.privateKey())))
        .isEqualTo("rw-------");
    SelfSignedCertificate.ensure(data, "127.0.0.1", NOW.plus(Duration.ofDays(1)));
    assertThat(Files.readString(made.certificate())).isEqualTo(certificate);
    try (var leftovers = Files.list(made.certificate().getParent())) {
      assertThat(leftovers).hasSize(2);
    }
  }

  @Test
  void keyThatIsNotTheCertificates_asACrashBetweenTheRenamesLeavesIt_isReplacedWithANewPair()
      throws Exception {
    ServerConfig.Tls.Files first = SelfSignedCertificate.ensure(data, "127.0.0.1", NOW);
    String oldCertificate = Files.readString(first.certificate());
    Path other = Files.createDirectory(data.resolve("other"));
    ServerConfig.Tls.Files stranger = SelfSignedCertificate.ensure(other, "127.0.0.1", NOW);
    Files.copy(stranger.privateKey(), first.privateKey(),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    SelfSignedCertificate.ensure(data, "127.0.0.1", NOW);

    String newCertificate = Files.readString(first.certificate());
    assertThat(newCertificate).isNotEqualTo(oldCertificate);
    SelfSignedCertificate.ensure(data, "127.0.0.1", NOW);
    assertThat(Files.readString(first.certificate())).as("the new pair is kept").isEqualTo(
        newCertificate);
  }

  @Test
  void certificateAboutToExpire_isRenewed() throws Exception {
    ServerConfig.Tls.Files first = SelfSignedCertificate.ensure(data, "127.0.0.1", NOW);
    String oldCertificate = Files.readString(first.certificate());

    SelfSignedCertificate.ensure(data, "127.0.0.1", NOW.plus(Duration.ofDays(340)));

    assertThat(Files.readString(first.certificate())).isNotEqualTo(oldCertificate);
  }
}
