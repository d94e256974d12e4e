package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of the lint finds what promtool finds, so a clean result means something. */
class PrometheusTextLintTest {

  private static final String CLEAN = """
      # HELP calls_total Calls started
      # TYPE calls_total counter
      calls_total{method="a/B"} 1.0
      calls_total{method="a/C"} 2.0
      # HELP call_duration_seconds How long calls took
      # TYPE call_duration_seconds histogram
      call_duration_seconds_bucket{method="a/B",le="0.1"} 1
      call_duration_seconds_bucket{method="a/B",le="+Inf"} 1
      call_duration_seconds_count{method="a/B"} 1
      call_duration_seconds_sum{method="a/B"} 0.05
      # HELP memory_used_bytes Memory in use
      # TYPE memory_used_bytes gauge
      memory_used_bytes{area="heap"} 5.4915264E7
      """;

  @Test
  void cleanExposition_problems_none() {
    assertThat(PrometheusTextLint.problems(CLEAN)).isEmpty();
  }

  @Test
  void targetInfoAsTheExporterWroteIt_problems_noHelpText() {
    assertThat(PrometheusTextLint.problems(CLEAN + """
        # TYPE target_info gauge
        target_info{service_name="tollgate"} 1
        """)).containsExactly("target_info no help text");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "# HELP x_total X\\n# TYPE x_total counter\\n# TYPE x_total counter\\nx_total 1"
          + "| x_total has a second TYPE line, or a TYPE after its samples",
      "# HELP x X\\n# HELP x X\\n# TYPE x gauge\\nx 1 | x has a second HELP line",
      "# HELP x X\\nx 1 | x no TYPE line",
      "# HELP x X\\n# TYPE x gauge\\nx 1\\n# HELP y Y\\n# TYPE y gauge\\ny 1\\nx{a=\"b\"} 2"
          + "| x is exposed in two places (a duplicate family)",
      "# HELP x X\\n# TYPE x gauge\\nx{a=\"1\"} 1\\nx{a=\"1\"} 2 | x has the series x{a=1} twice",
      "# HELP x X\\n# TYPE x gauge\\nx one | x has a value that is not a number: one",
      "# HELP x X\\n# TYPE x gauge\\nx{a=1} 1 | x has labels that cannot be parsed: {a=1}",
      "# HELP x X\\n# TYPE x gauge\\nx{__a=\"1\"} 1 | x invalid or reserved label name __a",
      "# HELP x X\\n# TYPE x gauge\\nx{leFt=\"1\"} 1"
          + "| x label names should be written in 'snake_case' not 'camelCase'",
      "# HELP x X\\n# TYPE x gauge\\nx{le=\"1\"} 1 | x non-histogram metrics should not have \"le\" label",
      "# HELP x X\\n# TYPE x gauge\\nx{quantile=\"1\"} 1"
          + "| x non-summary metrics should not have \"quantile\" label",
      "# HELP x_milliseconds X\\n# TYPE x_milliseconds gauge\\nx_milliseconds 1"
          + "| x_milliseconds use base unit \"seconds\" instead of \"milliseconds\"",
      "# HELP x X\\n# TYPE x counter\\nx 1 | x counter metrics should have \"_total\" suffix",
      "# HELP x_total X\\n# TYPE x_total gauge\\nx_total 1"
          + "| x_total non-counter metrics should not have \"_total\" suffix",
      "# HELP x_count X\\n# TYPE x_count gauge\\nx_count 1"
          + "| x_count non-histogram and non-summary metrics should not have \"_count\" suffix",
      "# HELP x_bucket X\\n# TYPE x_bucket summary\\nx_bucket 1"
          + "| x_bucket non-histogram metrics should not have \"_bucket\" suffix",
      "# HELP x_gauge X\\n# TYPE x_gauge gauge\\nx_gauge 1"
          + "| x_gauge metric name should not include type 'gauge'",
      "# HELP x:y X\\n# TYPE x:y gauge\\nx:y 1 | x:y metric names should not contain ':'",
      "# HELP xY X\\n# TYPE xY gauge\\nxY 1"
          + "| xY metric names should be written in 'snake_case' not 'camelCase'",
      "# HELP x_ms X\\n# TYPE x_ms gauge\\nx_ms 1"
          + "| x_ms metric names should not contain abbreviated units",
      "# HELP x X\\n# TYPE x meter\\nx 1 | x has an unknown type meter",
      "x y z | cannot parse the sample line: x y z"})
  void oneBrokenRule_problems_namesIt(String exposition, String problem) {
    assertThat(PrometheusTextLint.problems(exposition.replace("\\n", "\n").strip()))
        .contains(problem.strip());
  }
}
