package dev.tollgate.app;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.tollgate.domain.model.FeedFollowing;
import io.grpc.ServerBuilder;
import io.grpc.opentelemetry.GrpcOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.resources.Resource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * {@code --metrics-listen}: Prometheus text at {@code /metrics}. Per-call counts and latency
 * histograms come from gRPC's own OpenTelemetry module ({@code grpc_server_call_duration_seconds}
 * by method and status); Tollgate adds what only it knows, read when Prometheus scrapes.
 */
final class ServerMetrics {

  private static final AttributeKey<String> AREA = AttributeKey.stringKey("area");

  private ServerMetrics() {}

  /** The SDK with a Prometheus endpoint on {@code listen}; it serves until closed. */
  static OpenTelemetrySdk start(InetSocketAddress listen) {
    // no target_info: the exporter writes it without HELP, which promtool check metrics refuses,
    // and what it says (service name, SDK version) Prometheus knows as the job and instance
    PrometheusHttpServer prometheus = PrometheusHttpServer.builder()
        .setHost(listen.getHostString()).setPort(listen.getPort())
        .setTargetInfoMetricEnabled(false).build();
    Resource tollgate = Resource.getDefault().merge(Resource.create(
        Attributes.of(AttributeKey.stringKey("service.name"), "tollgate")));
    return OpenTelemetrySdk.builder()
        .setMeterProvider(SdkMeterProvider.builder().setResource(tollgate)
            .registerMetricReader(prometheus).build())
        .build();
  }

  /** Instruments every call the server answers, when metrics are on. */
  static void instrument(ServerBuilder<?> builder, OpenTelemetry openTelemetry) {
    if (openTelemetry instanceof OpenTelemetrySdk) {
      GrpcOpenTelemetry.newBuilder().sdk(openTelemetry).build().configureServerBuilder(builder);
    }
  }

  /** The replica's, the pool's and the JVM's gauges, read at each scrape. */
  static void observe(OpenTelemetry openTelemetry, Replica replica, HikariDataSource pool) {
    if (!(openTelemetry instanceof OpenTelemetrySdk)) {
      return;
    }
    Meter meter = openTelemetry.getMeter("dev.tollgate");
    meter.gaugeBuilder("tollgate.live_tokens").ofLongs()
        .setDescription("Credentials this replica holds in memory")
        .buildWithCallback(gauge -> gauge.record(replica.liveTokens()));
    meter.gaugeBuilder("tollgate.replica.behind.events").ofLongs()
        .setDescription("Change-feed events stored but not yet applied by this replica")
        .buildWithCallback(gauge -> {
          OptionalLong latest = replica.latestSeq();
          if (latest.isPresent()) {
            gauge.record(Math.max(0, latest.getAsLong() - replica.followerStatus().appliedSeq()));
          }
        });
    meter.gaugeBuilder("tollgate.replica.behind").setUnit("s")
        .setDescription("How long ago this replica last caught up with the change feed, while it"
            + " is behind; 0 when it is not")
        .buildWithCallback(gauge -> {
          FeedFollowing status = replica.followerStatus();
          OptionalLong latest = replica.latestSeq();
          boolean behind = latest.isEmpty() || latest.getAsLong() > status.appliedSeq();
          gauge.record(!behind ? 0 : status.lastCaughtUpAt()
              .map(at -> Duration.between(at, Instant.now()).toMillis() / 1000.0).orElse(0.0));
        });
    meter.counterBuilder("tollgate.reconciliation.differences")
        .setDescription("Tokens a reconciliation found wrong in memory and repaired")
        .buildWithCallback(counter -> counter.record(replica.reconciliationDifferences()));
    meter.gaugeBuilder("tollgate.db.pool.connections.in_use").ofLongs()
        .setDescription("Database connections in use")
        .buildWithCallback(gauge -> {
          HikariPoolMXBean bean = pool.getHikariPoolMXBean();
          if (bean != null) {
            gauge.record(bean.getActiveConnections());
          }
        });
    meter.gaugeBuilder("tollgate.db.pool.waiting").ofLongs()
        .setDescription("Threads waiting for a database connection")
        .buildWithCallback(gauge -> {
          HikariPoolMXBean bean = pool.getHikariPoolMXBean();
          if (bean != null) {
            gauge.record(bean.getThreadsAwaitingConnection());
          }
        });
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    meter.gaugeBuilder("jvm.memory.used").ofLongs().setUnit("By")
        .setDescription("JVM memory in use")
        .buildWithCallback(gauge -> {
          gauge.record(memory.getHeapMemoryUsage().getUsed(), Attributes.of(AREA, "heap"));
          gauge.record(memory.getNonHeapMemoryUsage().getUsed(), Attributes.of(AREA, "non_heap"));
        });
    meter.gaugeBuilder("jvm.threads").ofLongs().setDescription("Live JVM threads")
        .buildWithCallback(gauge -> gauge.record(
            ManagementFactory.getThreadMXBean().getThreadCount()));
  }
}
