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

  @Test
  void withoutHttp_reportSaysTheHttpScenariosWereSkipped() {
    BenchReport report = report("127.0.0.1:8091", Duration.ofMillis(500));
    report.http(null, -1);

    assertThat(report.render()).contains("HTTP scenarios skipped: no --http");
  }

  @Test
  void httpScenarios_areRatiosToTheirGrpcTwinsInTheSameRound_againstTheTargets() {
    BenchReport report = report("127.0.0.1:8091", Duration.ofMillis(500));
    report.add("create-database-token", run(500, Duration.ofMillis(100)));
    report.add("http-create-token", run(450, Duration.ofMillis(100)));
    report.add("get-database-token", run(20_000, Duration.ofMillis(100)));
    report.add("http-get-token", run(10_000, Duration.ofMillis(100)));
    report.add("list-database-tokens", run(40, Duration.ofMillis(100)));
    report.add("http-list-tokens", run(50, Duration.ofMillis(100)));
    report.http("http://127.0.0.1:8092", 12_345);

    String text = report.render();

    assertThat(text).containsPattern("\\| http-create-token +\\| 450 .*\\| 0\\.90 ")
        .containsPattern("\\| http-get-token +\\| 10,000 .*\\| 0\\.50 ")
        .containsPattern("\\| http-list-tokens +\\| 50 .*\\| 1\\.25 ")
        .containsPattern("\\| list-database-tokens +\\| 40 +\\|[^|]+\\|[^|]+\\|[^|]+\\| +\\| ");
    assertThat(text).contains("HTTP scenarios at http://127.0.0.1:8092",
        "The lists held 12,345 database tokens",
        "http-create-token ÷ create-database-token: 0.90, target >= 0.8: met",
        "http-get-token ÷ get-database-token: 0.50, target >= 0.8: NOT MET");
  }

  @Test
  void httpScenarioTakingMostOfTheCores_reportSaysItsRatioIsClientBound() {
    BenchReport report = report("127.0.0.1:8091", Duration.ofMillis(500));
    report.add("get-database-token", run(20_000, Duration.ofMillis(200)));
    report.add("http-get-token", run(5_000, Duration.ofMillis(900)));
    report.add("create-database-token", run(500, Duration.ofMillis(100)));
    report.add("http-create-token", run(450, Duration.ofMillis(100)));
    report.http("http://127.0.0.1:8092", -1);

    String text = report.render();

    assertThat(text).contains("CLIENT-BOUND: this bench used 45% of the 2 cores for"
        + " http-get-token").doesNotContain("cores for http-create-token");
  }
}
