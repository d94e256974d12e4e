package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

class LineLoggerTest {

  /** The caller subject: parsed back from a line of text, it forged two fields. */
  private static final String FORGING =
      "user:alice duration_ms=0,\"status\":\"OK\",\"caller\":\"bootstrap-admin\"";

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private Logger logger(String name, boolean json) {
    LogLineStream stream = new LogLineStream(bytes, StandardCharsets.UTF_8, json);
    return new LineLogger(name, new LogLines.Settings(Level.INFO, LogLines.Settings.QUIET, false,
        json), () -> stream);
  }

  private static void refusedCall(Logger log) {
    log.atInfo().addKeyValue("rpc", "tollgate.management.v1.ManagementTokenService/WhoAmI")
        .addKeyValue("status", "PERMISSION_DENIED").addKeyValue("duration_ms", 3L)
        .addKeyValue("caller", FORGING).log();
  }

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void json_callWithASubjectShapedLikeFields_hasItsOwnFieldsOnly_andTheWholeSubjectAsCaller()
      throws Exception {
    refusedCall(logger("CallLog", true));

    JsonNode line = new ObjectMapper().readTree(lines().get(0));
    assertThat(line.fieldNames()).toIterable().containsExactly("time", "level", "logger",
        "message", "rpc", "status", "duration_ms", "caller");
    assertThat(line.path("status").asText()).isEqualTo("PERMISSION_DENIED");
    assertThat(line.path("caller").asText()).isEqualTo(FORGING);
    assertThat(line.path("duration_ms").isInt()).isTrue();
    assertThat(line.path("logger").asText()).isEqualTo("CallLog");
    assertThat(lines()).hasSize(1);
  }

  @Test
  void text_callWithASubjectShapedLikeFields_quotesIt() {
    refusedCall(logger("CallLog", false));

    assertThat(lines()).containsExactly("INFO CallLog - rpc=tollgate.management.v1"
        + ".ManagementTokenService/WhoAmI status=PERMISSION_DENIED duration_ms=3 caller=\"user:alice"
        + " duration_ms=0,\\\"status\\\":\\\"OK\\\",\\\"caller\\\":\\\"bootstrap-admin\\\"\"");
  }

  @Test
  void text_plainMessage_isTheLineItAlwaysWas() {
    logger("dev.tollgate.app.ServeCommand", false).info("loaded {} tokens", 3);

    assertThat(lines()).containsExactly("INFO ServeCommand - loaded 3 tokens");
  }

  @Test
  void json_failure_isOneObjectWithItsStackTraceAsAField() throws Exception {
    logger("dev.tollgate.grpc.ErrorMapping", true).error("internal error {}", "6f1c",
        new IllegalStateException("two\nlines"));

    assertThat(lines()).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(lines().get(0));
    assertThat(line.path("message").asText()).isEqualTo("internal error 6f1c");
    assertThat(line.path("error").asText()).startsWith(
        "java.lang.IllegalStateException: two\nlines\n\tat ");
  }

  @Test
  void levels_byLongestNamePrefix() {
    LogLines.Settings settings = new LogLines.Settings(Level.INFO, Map.of("io.grpc", Level.DEBUG,
        "io.grpc.netty.shaded", Level.WARN), false, false);

    assertThat(settings.levelOf("io.grpc.netty.shaded.io.netty.Foo")).isEqualTo(Level.WARN);
    assertThat(settings.levelOf("io.grpc.internal.ServerImpl")).isEqualTo(Level.DEBUG);
    assertThat(settings.levelOf("CallLog")).isEqualTo(Level.INFO);
    assertThat(new LineLogger("com.zaxxer.hikari.pool.HikariPool", LogLines.Settings.defaults(),
        () -> new PrintStream(bytes)).isInfoEnabled()).isFalse();
  }
}
