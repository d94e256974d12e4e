package dev.tollgate.domain.port.out;

/**
 * Tells a replica that changes may be waiting in the feed, sooner than its next poll would find
 * them (PostgreSQL's LISTEN/NOTIFY), and whether such announcements flow at all: while they do, a
 * replica polls only slowly, as a safety net. A hint only: a lost notification delays, never
 * loses, a change.
 */
public interface ChangeNotifications {

  /** For stores that cannot notify: the replica relies on polling. */
  ChangeNotifications NONE = listener -> () -> { };

  /**
   * Calls {@code listener} from a thread of its own each time a change may have been committed,
   * and when listening starts or stops, until the returned handle is closed.
   */
  AutoCloseable subscribe(Listener listener);

  /** What a subscriber hears. */
  interface Listener {

    /** A change may have been committed. */
    void changesSignalled();

    /**
     * Every change committed from now on will be announced; changes made while nobody listened
     * may be waiting.
     */
    void notificationsListening();

    /** Announcements stopped (the listening connection failed): poll until listening again. */
    void notificationsStopped(String why);
  }
}
