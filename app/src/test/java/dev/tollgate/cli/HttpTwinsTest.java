package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpTwinsTest {

  @Test
  void door_takesHostPortOrUrl_andKeepsOnlySchemeHostAndPort() {
    assertThat(HttpTwins.door("127.0.0.1:8092")).isEqualTo(URI.create("http://127.0.0.1:8092"));
    assertThat(HttpTwins.door("http://localhost:8092/")).isEqualTo(
        URI.create("http://localhost:8092"));
    assertThat(HttpTwins.door("[::1]:8092")).isEqualTo(URI.create("http://[::1]:8092"));
    assertThat(HttpTwins.door("https://tollgate.internal:8443"))
        .isEqualTo(URI.create("https://tollgate.internal:8443"));
  }

  @Test
  void door_withoutPortOrWithAnotherScheme_isRefusedWithAnExample() {
    assertThatThrownBy(() -> HttpTwins.door("127.0.0.1")).isInstanceOf(CliException.class)
        .hasMessage("--http 127.0.0.1 is not an address; expected HOST:PORT or"
            + " http://HOST:PORT, such as 127.0.0.1:8092");
    assertThatThrownBy(() -> HttpTwins.door("ftp://127.0.0.1:21"))
        .hasMessageStartingWith("--http ftp://127.0.0.1:21 is not an address");
  }

  @Test
  void plaintextDoorOffThisMachine_isRefused() {
    assertThatThrownBy(() -> HttpTwins.door("10.0.0.2:8092")).isInstanceOf(CliException.class)
        .hasMessageStartingWith("--http 10.0.0.2:8092 would send the credential in clear text");
  }

  @Test
  void idOf_readsTheTopLevelIdWhereverItIs_andNothingFromOtherAnswers() {
    assertThat(HttpTwins.idOf(bytes("{\"permissions\":[{\"id\":\"no\"}],\"id\":\"abc\"}")))
        .contains("abc");
    assertThat(HttpTwins.idOf(bytes("{\"code\":404,\"message\":\"no such token\"}"))).isEmpty();
    assertThat(HttpTwins.idOf(bytes("[{\"id\":\"abc\"}]"))).isEmpty();
    assertThat(HttpTwins.idOf(bytes("{\"id\":"))).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
