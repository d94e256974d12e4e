package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  private static LoadRun.Result run(long calls, Duration clientCpu) {
    Histogram latencies = new Histogram(3);
    latencies.recordValue(1_000_000);
    return new LoadRun.Result(calls, 0, Duration.ofSeconds(1), latencies, clientCpu,
        java.util.Optional.empty());
  }

  private static BenchReport report(String target, Duration clientCpuPerSecond) {
    BenchReport report = new BenchReport(target, 128, 4, Duration.ofSeconds(1), 2);
    report.add("health", run(20_000, clientCpuPerSecond));
    report.add("authorize-valid", run(19_000, clientCpuPerSecond));
    return report;
  }

  @Test
  void clientTakingMostOfTheCoresOfAServerOnThisMachine_reportSaysTheFiguresAreClientBound() {
    String text = report("127.0.0.1:8091", Duration.ofMillis(1_300)).render();

    assertThat(text).contains("| CLIENT ", " 65% ");
    assertThat(text).contains("CLIENT-BOUND: this bench used 65% of the 2 cores for health"
        + " and authorize-valid");
  }

  @Test
  void clientTakingLittleOfTheCores_reportMakesNoSuchClaim() {
    String text = report("127.0.0.1:8091", Duration.ofMillis(500)).render();

    assertThat(text).contains(" 25% ").doesNotContain("CLIENT-BOUND");
  }

  @Test
  void remoteServer_clientIsBoundOnlyWhenItsOwnCoresAreFull() {
    assertThat(report("tollgate.internal:8091", Duration.ofMillis(1_300)).render())
        .doesNotContain("CLIENT-BOUND");
    assertThat(report("tollgate.internal:8091", Duration.ofMillis(1_900)).render())
        .contains("CLIENT-BOUND");
  }
}
