package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.BootstrapAdmin;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes sure the bootstrap admin credential is in place: reuses the kept one, or makes one, keeps
 * it and only then registers its hash, so a crash in between never loses it. A credential that
 * was rotated away or disabled is never registered again, and of replicas that start together
 * exactly one registers its own.
 */
public interface ProvisionBootstrapAdminUseCase {

  /** Provisions the credential; creates one only when {@code createIfMissing} is set. */
  Result provision(Command command);

  /**
   * Whether a missing bootstrap admin credential should be created, and whether the operator
   * asked to replace or remove it.
   */
  record Command(boolean createIfMissing, Change change) {

    public Command {
      Objects.requireNonNull(change, "change");
    }

    /** Keeps what is there. */
    public Command(boolean createIfMissing) {
      this(createIfMissing, Change.NONE);
    }
  }

  /** What the operator asked for at start. */
  enum Change {
    NONE,
    /** A new credential replaces the old one, which is refused from then on. */
    ROTATE,
    /** No bootstrap admin credential: the registered one is refused and the kept one removed. */
    DISABLE
  }

  /**
   * What provisioning found or did.
   *
   * @param registration the registration as it stands afterwards
   * @param retiredAt when the kept credential was retired, for {@link Outcome#RETIRED}
   */
  record Result(Outcome outcome, BootstrapAdmin registration, Optional<Instant> retiredAt) {
    public Result {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(registration, "registration");
      Objects.requireNonNull(retiredAt, "retiredAt");
    }

    public Result(Outcome outcome, BootstrapAdmin registration) {
      this(outcome, registration, Optional.empty());
    }
  }

  /** What provisioning found or did. */
  enum Outcome {
    /** A new credential was made, kept and registered. */
    CREATED,
    /** The kept credential was registered, as none ever was. */
    REGISTERED,
    /** The kept credential is the registered one. */
    REUSED,
    /**
     * Another replica's credential is registered and none is kept here: another replica started
     * first, or won the registration when they started together (this one then kept nothing).
     */
    KEPT_ELSEWHERE,
    /** The kept credential was rotated away or disabled; it is refused and stays refused. */
    RETIRED,
    /** The kept credential was never registered (another one was); it is refused. */
    MISMATCH,
    /** There is none and none was to be created. */
    NONE,
    /** The credential was disabled before and none is kept: it stays disabled. */
    STILL_DISABLED,
    /** A new credential was made and kept, and replaced the registered one, which is retired. */
    ROTATED,
    /** The registered credential was retired and the kept one removed. */
    DISABLED
  }
}
