package dev.tollgate.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The figures of one {@link ReplicaCosts} run, each next to its baseline from the same run and
 * its target, printed as a table with PASS or FAIL.
 *
 * @param idle both replicas running, no calls
 * @param noReplica no replica running: the floor of the measurement itself
 * @param flood both replicas running, one flooded with unknown tokens
 * @param idleFeedReads reads of the change feed per second per idle replica, by their own count
 * @param floodFeedReads the same on the flooded replica while flooded
 */
record CostsReport(int replicas, DatabaseTransactions.Window idle,
    DatabaseTransactions.Window noReplica, DatabaseTransactions.Window flood,
    UnknownTokenFlood.Outcome floodCalls, double idleFeedReads, double floodFeedReads,
    RevocationLag.Result lag, List<String> notifications) {

  static final double IDLE_TARGET = 1;
  static final double FLOOD_TARGET = 25;
  static final double LAG_P99_TARGET_MS = 100;

  double idlePerReplica() {
    return idle.perSecond() / replicas;
  }

  double floodExtra() {
    return flood.perSecond() - idle.perSecond();
  }

  double lagP99Millis() {
    return RevocationLag.millis(lag.otherReplica().getValueAtPercentile(99));
  }

  boolean idlePasses() {
    return idlePerReplica() <= IDLE_TARGET;
  }

  boolean floodPasses() {
    return floodExtra() <= FLOOD_TARGET;
  }

  boolean lagPasses() {
    return lagP99Millis() < LAG_P99_TARGET_MS;
  }

  boolean allPass() {
    return idlePasses() && floodPasses() && lagPasses();
  }

  void print(PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"FIGURE", "MEASURED", "BASELINE (same run)", "TARGET", "RESULT"});
    rows.add(new String[] {"idle: tx/s per replica",
        format("%.2f (%d tx in %.0f s, %d replicas)", idlePerReplica(), idle.transactions(),
            idle.seconds(), replicas),
        format("%.2f tx/s, no replica running", noReplica.perSecond()),
        format("<= %.0f", IDLE_TARGET), verdict(idlePasses())});
    rows.add(new String[] {"flood: extra tx/s on A",
        format("%.2f (%.2f flooded - %.2f idle)", floodExtra(), flood.perSecond(),
            idle.perSecond()),
        format("%.2f tx/s, both idle", idle.perSecond()),
        format("<= %.0f", FLOOD_TARGET), verdict(floodPasses())});
    rows.add(new String[] {"revoked on A, B refuses",
        percentiles(lag.otherReplica()), "A itself: " + percentiles(lag.sameReplica()),
        format("p99 < %.0f ms", LAG_P99_TARGET_MS), verdict(lagPasses())});
    table(out, rows);
    out.println();
    out.println("tx: transactions of the tollgate database (pg_stat_database), counted over "
        + format("%.0f s", idle.seconds()) + " windows");
    out.printf(Locale.ROOT, "feed reads by the replicas' own count: %.2f/s per idle replica,"
        + " %.2f/s on the flooded one%n", idleFeedReads, floodFeedReads);
    out.printf(Locale.ROOT, "flood: %,d calls in %.1f s (%,.0f/s): %,d refused, %,d accepted,"
        + " failed %s%n", floodCalls.calls(), floodCalls.seconds(),
        floodCalls.calls() / floodCalls.seconds(), floodCalls.refused(), floodCalls.accepted(),
        floodCalls.failed().isEmpty() ? "none" : floodCalls.failed());
    out.printf(Locale.ROOT, "revocations: %,d on each replica%n",
        lag.otherReplica().getTotalCount());
    notifications.forEach(line -> out.println("notifications, " + line));
    double floorP99 = RevocationLag.millis(lag.sameReplica().getValueAtPercentile(99));
    if (floorP99 > LAG_P99_TARGET_MS / 4) {
      out.printf(Locale.ROOT, "note: the client's own loop (A itself) had a p99 of %.1f ms, so the"
          + " machine was busy; the revocation figures say more on a quiet one%n", floorP99);
    }
  }

  private static String percentiles(Histogram histogram) {
    return format("p50 %.1f p99 %.1f max %.1f ms",
        RevocationLag.millis(histogram.getValueAtPercentile(50)),
        RevocationLag.millis(histogram.getValueAtPercentile(99)),
        RevocationLag.millis(histogram.getMaxValue()));
  }

  private static String verdict(boolean pass) {
    return pass ? "PASS" : "FAIL";
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }

  private static void table(PrintStream out, List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
