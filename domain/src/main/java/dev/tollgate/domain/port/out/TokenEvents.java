package dev.tollgate.domain.port.out;

import dev.tollgate.domain.model.RecordedTokenEvent;
import java.util.List;

/** The append-only log of token changes: the audit log and the feed replicas follow. */
public interface TokenEvents {

  /** Up to {@code limit} events with a sequence number above {@code seq}, in sequence order. */
  List<RecordedTokenEvent> after(long seq, int limit);
}
