package dev.tollgate.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.inmemory.ControllableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalLogTest {

  private final ControllableClock clock = new ControllableClock(Instant.parse("2026-11-30T00:00:00Z"));
  private final List<String> notes = new ArrayList<>();
  private final RefusalLog log = new RefusalLog(clock, notes::add);

  @Test
  void floodOfRefusals_admitsABoundedNumberOfLinesASecond_andCountsTheRest() {
    int admitted = 0;
    for (int i = 0; i < RefusalLog.LINES_PER_SECOND + 15; i++) {
      admitted += log.admit() ? 1 : 0;
    }
    assertThat(admitted).isEqualTo(RefusalLog.LINES_PER_SECOND);
    assertThat(notes).isEmpty();

    clock.advance(Duration.ofSeconds(1));

    assertThat(log.admit()).isTrue();
    assertThat(notes).containsExactly("15 more refused call(s) were not logged (at most "
        + RefusalLog.LINES_PER_SECOND + " lines a second)");
  }
}
