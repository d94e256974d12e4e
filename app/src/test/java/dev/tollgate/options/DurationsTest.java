package dev.tollgate.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void goDurationsWithDays_read_areWhatTheySpell() throws Exception {
    Durations.Positive positive = new Durations.Positive();
    assertThat(positive.convert("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(positive.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(positive.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(positive.convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(positive.convert("1m0s")).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void badDurations_read_areRefused() {
    for (String bad : new String[] {"", "10", "1x", "0s", "s1", "1m foo", "7days"}) {
      assertThatThrownBy(() -> new Durations.Positive().convert(bad)).as(bad)
          .isInstanceOf(BadValue.class).hasMessageStartingWith("is not a duration");
    }
  }
}
