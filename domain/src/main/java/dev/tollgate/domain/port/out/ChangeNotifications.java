package dev.tollgate.domain.port.out;

/**
 * Tells a replica that changes may be waiting in the feed, sooner than its next poll would find
 * them (PostgreSQL's LISTEN/NOTIFY). A hint only: a lost notification delays, never loses, a change.
 */
public interface ChangeNotifications {

  /** For stores that cannot notify: the replica relies on polling. */
  ChangeNotifications NONE = listener -> () -> { };

  /**
   * Calls {@code listener} from a thread of its own each time a change may have been committed,
   * until the returned handle is closed.
   */
  AutoCloseable subscribe(Runnable listener);
}
