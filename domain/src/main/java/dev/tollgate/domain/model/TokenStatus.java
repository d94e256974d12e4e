package dev.tollgate.domain.model;

/** Whether a token may be used at a given instant. */
public enum TokenStatus {
  ACTIVE,
  EXPIRED,
  REVOKED
}
