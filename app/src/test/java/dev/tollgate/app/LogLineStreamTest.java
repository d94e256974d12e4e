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
    assertThat(LogLineStream.escape("Tollgate serving: 1 tokens — ünïcode")).isEqualTo(
        "Tollgate serving: 1 tokens — ünïcode");
  }
}
