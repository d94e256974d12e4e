package dev.tollgate.domain.port.out;

import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.model.EventQuery;
import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The append-only log of token changes: the audit log and the feed replicas follow. */
public interface TokenEvents {

  /**
   * Up to {@code limit} events with a sequence number above {@code seq}, in sequence order.
   * Sequence numbers are taken at insert but become visible at commit, so a lower one can appear
   * after a higher one was read: a follower must re-read the numbers it has not seen yet.
   */
  List<RecordedTokenEvent> after(long seq, int limit);

  /**
   * The audit trail: up to {@code query.limit()} events that match the query, with a sequence
   * number above {@code query.afterSeq()}, in sequence order.
   */
  List<RecordedTokenEvent> find(EventQuery query);

  /** The highest sequence number committed so far, 0 when the log is empty. */
  long latestSeq();

  /**
   * What a follower needs in one read: the sequence numbers of up to {@code limit} events above
   * {@code after}, in order, plus those of {@code missing} that have become visible since, and
   * what currently decides the use of every token these events name.
   */
  Changes changesAfter(long after, Collection<Long> missing, int limit);

  /**
   * One read of the feed.
   *
   * @param seqs the sequence numbers read, ascending
   * @param tokens the tokens they name as they are now, each once
   * @param gone the tokens they name that are no longer stored (purged), each once
   * @param bootstrapAdmin the bootstrap admin registration as it is now, when one of the events
   *     read changed it
   */
  record Changes(List<Long> seqs, List<Token.Access> tokens, List<TokenId> gone,
      Optional<BootstrapAdmin> bootstrapAdmin) {
    public Changes {
      seqs = List.copyOf(seqs);
      tokens = List.copyOf(tokens);
      gone = List.copyOf(gone);
      Objects.requireNonNull(bootstrapAdmin, "bootstrapAdmin");
    }

    /** Changes that name no purged token and leave the bootstrap admin alone. */
    public Changes(List<Long> seqs, List<Token.Access> tokens) {
      this(seqs, tokens, List.of(), Optional.empty());
    }
  }
}
