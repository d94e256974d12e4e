package dev.tollgate.app;

import dev.tollgate.options.Durations;
import dev.tollgate.options.Limit;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code tollgate serve}'s budgets: calls and connections at once, and for how long. */
final class CallOptions {

  @Option(names = "--max-authorize-calls", paramLabel = "N", defaultValue = "2000",
      converter = Limit.class,
      description = "Authorize calls in flight at once; more get RESOURCE_EXHAUSTED"
          + " [TOLLGATE_MAX_AUTHORIZE_CALLS] (default: ${DEFAULT-VALUE}).")
  int authorizeCalls;

  @Option(names = "--max-management-calls", paramLabel = "N", defaultValue = "64",
      converter = Limit.class,
      description = "Management-API calls in flight at once, a budget of their own"
          + " [TOLLGATE_MAX_MANAGEMENT_CALLS] (default: ${DEFAULT-VALUE}).")
  int managementCalls;

  @Option(names = "--max-calls-per-connection", paramLabel = "N", defaultValue = "1000",
      converter = Limit.class,
      description = "Calls one connection may have open at once"
          + " [TOLLGATE_MAX_CALLS_PER_CONNECTION] (default: ${DEFAULT-VALUE}).")
  int callsPerConnection;

  @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = "5s",
      converter = Durations.Timeout.class,
      description = "How long a call may take to send its request; a call that has not is closed"
          + " with DEADLINE_EXCEEDED and gives its place back [TOLLGATE_REQUEST_TIMEOUT]"
          + " (default: ${DEFAULT-VALUE}).")
  Duration requestTimeout;

  @Option(names = "--max-connection-idle", paramLabel = "DURATION", defaultValue = "10m",
      converter = Durations.Positive.class,
      description = "How long a connection without calls is kept [TOLLGATE_MAX_CONNECTION_IDLE]"
          + " (default: ${DEFAULT-VALUE}).")
  Duration connectionIdle;

  @Option(names = "--max-connection-age", paramLabel = "DURATION", defaultValue = "30m",
      converter = Durations.Positive.class,
      description = "How long any connection is kept before its client is asked to reconnect,"
          + " so that load spreads over replicas again [TOLLGATE_MAX_CONNECTION_AGE]"
          + " (default: ${DEFAULT-VALUE}).")
  Duration connectionAge;

  @Option(names = "--max-resets-per-10s", paramLabel = "N", defaultValue = "200",
      converter = Limit.class,
      description = "RST_STREAM frames a connection may send in 10 s before it is closed (the"
          + " HTTP/2 rapid-reset attack) [TOLLGATE_MAX_RESETS_PER_10S] (default: ${DEFAULT-VALUE}).")
  int resetsPer10s;

  @Option(names = "--keepalive", paramLabel = "DURATION", defaultValue = "2m",
      converter = Durations.Positive.class,
      description = "How often the server pings a connection that sends nothing"
          + " [TOLLGATE_KEEPALIVE] (default: ${DEFAULT-VALUE}).")
  Duration keepalive;

  @Option(names = "--keepalive-timeout", paramLabel = "DURATION", defaultValue = "20s",
      converter = Durations.Positive.class,
      description = "How long a ping may go unanswered before the connection is closed"
          + " [TOLLGATE_KEEPALIVE_TIMEOUT] (default: ${DEFAULT-VALUE}).")
  Duration keepaliveTimeout;

  @Option(names = "--min-client-ping", paramLabel = "DURATION", defaultValue = "30s",
      converter = Durations.Positive.class,
      description = "How often a client may ping at most; more often closes its connection"
          + " [TOLLGATE_MIN_CLIENT_PING] (default: ${DEFAULT-VALUE}).")
  Duration minClientPing;

  ServerConfig.Calls calls() {
    return new ServerConfig.Calls(authorizeCalls, managementCalls, callsPerConnection,
        connectionIdle, connectionAge, resetsPer10s, keepalive, keepaliveTimeout, minClientPing,
        requestTimeout);
  }
}
