package dev.tollgate.http;

import java.util.Objects;

/**
 * The account and cluster this server answers for in the Cloud Dedicated form of the v0 paths,
 * {@code /api/v0/accounts/{accountId}/clusters/{clusterId}/tokens}; other ids are answered 404.
 */
public record ClusterIds(String accountId, String clusterId) {

  public ClusterIds {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(clusterId, "clusterId");
    if (accountId.isBlank() || clusterId.isBlank() || accountId.contains("/")
        || clusterId.contains("/")) {
      throw new IllegalArgumentException("account id \"" + accountId + "\" and cluster id \""
          + clusterId + "\" must be non-blank path segments (no /)");
    }
  }
}
