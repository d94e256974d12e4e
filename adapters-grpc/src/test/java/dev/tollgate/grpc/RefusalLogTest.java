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
  private final List<String> lines = new ArrayList<>();
  private final RefusalLog log = new RefusalLog(clock, lines::add);

  @Test
  void floodOfRefusals_writesABoundedNumberOfLinesASecond_andCountsTheRest() {
    int flood = RefusalLog.LINES_PER_SECOND + 15;
    for (int i = 0; i < flood; i++) {
      log.refused("m/Create", "bad credential " + i);
    }
    assertThat(lines).hasSize(RefusalLog.LINES_PER_SECOND)
        .last().isEqualTo("refused m/Create: bad credential " + (RefusalLog.LINES_PER_SECOND - 1));

    clock.advance(Duration.ofSeconds(1));
    log.refused("m/List", "later");

    assertThat(lines.subList(RefusalLog.LINES_PER_SECOND, lines.size())).containsExactly(
        "15 more refused call(s) were not logged (at most " + RefusalLog.LINES_PER_SECOND
            + " lines a second)",
        "refused m/List: later");
  }
}
