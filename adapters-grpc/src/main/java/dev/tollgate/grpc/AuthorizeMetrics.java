package dev.tollgate.grpc;

import dev.tollgate.domain.model.AuthorizationDecision;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Counts Authorize answers by outcome ({@code tollgate_authorize_outcomes_total{outcome=…}}):
 * granted, partly granted, denied, management token, malformed, unknown, expired, revoked. The
 * attributes of each outcome are made once, so a count costs the hot path no allocation.
 */
@Singleton
public final class AuthorizeMetrics {

  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");

  private final LongCounter outcomes;
  private final Attributes[] attributes;

  @Inject
  public AuthorizeMetrics(OpenTelemetry openTelemetry) {
    this.outcomes = openTelemetry.getMeter("dev.tollgate").counterBuilder("tollgate.authorize.outcomes")
        .setDescription("Authorize answers by outcome").build();
    AuthorizationDecision.Outcome[] all = AuthorizationDecision.Outcome.values();
    this.attributes = new Attributes[all.length];
    for (AuthorizationDecision.Outcome outcome : all) {
      attributes[outcome.ordinal()] = Attributes.of(OUTCOME, outcome.label());
    }
  }

  /** With no exporter: counts nothing. */
  public static AuthorizeMetrics none() {
    return new AuthorizeMetrics(OpenTelemetry.noop());
  }

  void record(AuthorizationDecision decision) {
    outcomes.add(1, attributes[decision.outcome().ordinal()]);
  }
}
