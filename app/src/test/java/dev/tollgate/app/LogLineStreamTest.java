package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogLineStreamTest {

  @Test
  void requestTextWithLineBreaksAndControls_staysOnTheLineItWasPrintedOn() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LogLineStream log = new LogLineStream(bytes, StandardCharsets.UTF_8);

    log.println("INFO refused: typ \"JWT\r\n2026-01-01T00:00:00Z INFO forged\u001b[31m\u2028\"\tok");
    log.println(new IllegalStateException("two\nlines"));
    log.flush();

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "INFO refused: typ \"JWT\\r\\n2026-01-01T00:00:00Z INFO forged\\u001b[31m\\u2028\"\tok",
        "java.lang.IllegalStateException: two\\nlines");
  }

  @Test
  void plainText_isUnchanged() {
    assertThat(LogLineStream.escape("loaded 1 tokens — ünïcode")).isEqualTo(
        "loaded 1 tokens — ünïcode");
  }

  private static final String TOKEN =
      "apiv1_BGPBoTm_V-v4tEFzFfSr4YBli9pkn7PX5DOGM0GPgdxphtesY18jhS1fXZwzow5TRRc12AwkqhTUNxqkO6ZLKA";

  @Test
  void json_aLineNotFromALogger_isOneObjectWithTheLineAsItsMessage() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LogLineStream log = new LogLineStream(bytes, StandardCharsets.UTF_8, true);

    log.println("a \"quoted\" line\nwith " + TOKEN);
    log.println("\tat dev.tollgate.Example.run(Example.java:1)");
    log.flush();

    java.util.List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(mapper.readTree(lines.get(0)).path("message").asText())
        .startsWith("a \"quoted\" line\nwith apiv1_…").doesNotContain(TOKEN.substring(6));
    assertThat(mapper.readTree(lines.get(1)).path("message").asText()).startsWith("\tat dev.");
    assertThat(lines).hasSize(2);
  }

  @Test
  void text_tokenStringWhereverItComesFrom_isNotWritten() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LogLineStream log = new LogLineStream(bytes, StandardCharsets.UTF_8);

    log.println("refused " + TOKEN);
    log.flush();

    assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN.substring(6))
        .contains("apiv1_… (a token string, not shown)");
  }
}
