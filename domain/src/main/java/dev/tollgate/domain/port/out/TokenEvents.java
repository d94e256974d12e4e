package dev.tollgate.domain.port.out;

import dev.tollgate.domain.model.RecordedTokenEvent;
import java.util.List;

/** The append-only log of token changes: the audit log and the feed replicas follow. */
public interface TokenEvents {

  /**
   * Up to {@code limit} events with a sequence number above {@code seq}, in sequence order.
   * Sequence numbers are taken at insert but become visible at commit, so a lower one can appear
   * after a higher one was read: a follower must re-read a trailing window, not only what lies
   * above the last number it saw.
   */
  List<RecordedTokenEvent> after(long seq, int limit);
}
