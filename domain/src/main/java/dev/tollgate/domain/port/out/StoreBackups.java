package dev.tollgate.domain.port.out;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * Consistent copies of the whole token store, taken while the server runs: token hashes, never
 * token strings. A store that cannot be copied this way (PostgreSQL, backed up with its own
 * tools) refuses with a {@link dev.tollgate.domain.model.ConflictException} saying how instead.
 */
public interface StoreBackups {

  /**
   * Takes a copy of the store as of one instant: every change committed before the copy begins
   * is in it.
   *
   * @param at when it is taken, as the backup states it
   * @param takenBy who asked, as the backup states it
   * @throws dev.tollgate.domain.model.UnavailableException when the store cannot be read now, or
   *     another backup is being taken
   */
  Backup take(Instant at, String takenBy);

  /** A backup taken, ready to be read once; closing it deletes what it held. */
  interface Backup extends AutoCloseable {

    /** When it was taken. */
    Instant takenAt();

    /** Who asked for it. */
    String takenBy();

    /** The version of the store's schema the backup holds. */
    String schemaVersion();

    /** Its size in bytes. */
    long size();

    /** Its content, from the start. */
    InputStream open() throws IOException;

    @Override
    void close();
  }
}
