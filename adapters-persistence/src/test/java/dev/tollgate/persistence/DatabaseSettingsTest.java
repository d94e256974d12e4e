package dev.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.h2.engine.ConnectionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSettingsTest {

  private static final String ALLOWED = "the H2 settings Tollgate accepts are CACHE_SIZE,"
      + " DB_CLOSE_DELAY, DB_CLOSE_ON_EXIT, IFEXISTS, LOCK_TIMEOUT, RETENTION_TIME and WRITE_DELAY";

  private static DatabaseSettings settings(String url) {
    return new DatabaseSettings(url, Optional.empty(), Optional.empty(), 1);
  }

  @Test
  void embeddedDefault_new_isAccepted() {
    String url = DatabaseSettings.h2In(Path.of("/var/lib/tollgate")).jdbcUrl();

    assertThat(settings(url).jdbcUrl()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:h2:mem:tollgate;DB_CLOSE_DELAY=-1",
      "jdbc:h2:file:/data/tollgate;db_close_on_exit=false;Retention_Time=0;;CACHE_SIZE=65536",
      "jdbc:h2:file:/data/tollgate;IFEXISTS=TRUE;LOCK_TIMEOUT=3000;WRITE_DELAY=0",
      "jdbc:h2:file:/data/tollgate"})
  void knownSafeSettings_new_areAccepted(String url) {
    assertThat(settings(url).jdbcUrl()).isEqualTo(url);
  }

  @Test
  void scriptBehindABackslash_new_isRefusedBecauseH2ReadsItAsInit() {
    String url = "jdbc:h2:mem:x;\\INIT=CALL FILE_WRITE('x', '/tmp/owned')";

    assertThat(h2Reads(url, "INIT")).as("what H2 itself reads")
        .isEqualTo("CALL FILE_WRITE('x', '/tmp/owned')");
    assertThatThrownBy(() -> settings(url)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("database URL jdbc:h2:mem:x;\\INIT=CALL FILE_WRITE('x', '/tmp/owned') sets"
            + " INIT, which Tollgate does not accept; " + ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:h2:mem:x;init=RUNSCRIPT FROM 'x.sql'",
      "jdbc:h2:file:/data/x\\;INIT=RUNSCRIPT FROM 'x.sql'",
      "jdbc:h2:file:/data/x;DB_CLOSE_DELAY=-1;I\\NIT=RUNSCRIPT FROM 'x.sql'"})
  void scriptHoweverWritten_new_isRefused(String url) {
    assertThat(h2Reads(url, "INIT")).as("what H2 itself reads").isEqualTo("RUNSCRIPT FROM 'x.sql'");
    assertThatThrownBy(() -> settings(url)).hasMessageContaining("sets INIT, which Tollgate does"
        + " not accept; " + ALLOWED);
  }

  @Test
  void autoServer_new_isRefusedNamingIt() {
    assertThatThrownBy(() -> settings("jdbc:h2:file:/data/tollgate;AUTO_SERVER=TRUE"))
        .hasMessage("database URL jdbc:h2:file:/data/tollgate;AUTO_SERVER=TRUE sets AUTO_SERVER,"
            + " which Tollgate does not accept; " + ALLOWED);
  }

  @Test
  void sqlSmuggledIntoAnAcceptedSettingsValue_new_isRefused() {
    // H2 runs "SET RETENTION_TIME <value>" as SQL when a connection opens
    String url = "jdbc:h2:mem:x;RETENTION_TIME=0\\;CALL FILE_WRITE('x', '/tmp/owned')";

    assertThat(h2Reads(url, "RETENTION_TIME")).isEqualTo("0;CALL FILE_WRITE('x', '/tmp/owned')");
    assertThatThrownBy(() -> settings(url)).hasMessage("database URL " + url + " sets"
        + " RETENTION_TIME to \"0;CALL FILE_WRITE('x', '/tmp/owned')\"; expected a whole number,"
        + " such as 0");
  }

  @Test
  void flagThatIsNotTrueOrFalse_new_isRefused() {
    assertThatThrownBy(() -> settings("jdbc:h2:file:/data/x;DB_CLOSE_ON_EXIT=maybe"))
        .hasMessageEndingWith("sets DB_CLOSE_ON_EXIT to \"maybe\"; expected TRUE or FALSE");
  }

  @Test
  void settingWithoutAValue_new_isRefused() {
    assertThatThrownBy(() -> settings("jdbc:h2:file:/data/x;CACHE_SIZE"))
        .hasMessageEndingWith("has a setting without a value (\"CACHE_SIZE\"); expected"
            + " NAME=VALUE after each ';'");
  }

  @Test
  void postgresUrl_new_isNotReadAsH2() {
    String url = "jdbc:postgresql://db:5432/tollgate?sslmode=verify-full";

    assertThat(settings(url).isPostgres()).isTrue();
  }

  /** The value H2 2.4's own URL parser reads for a setting, or null. */
  private static String h2Reads(String url, String setting) {
    return new ConnectionInfo(url, null, null, null).getProperty(setting, (String) null);
  }
}
