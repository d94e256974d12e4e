package dev.tollgate.domain.port.in;

/**
 * Makes sure the bootstrap admin credential is in place: reuses the kept one, or makes one, keeps
 * it and only then registers its hash, so a crash in between never loses it.
 */
public interface ProvisionBootstrapAdminUseCase {

  /** Provisions the credential; creates one only when {@code createIfMissing} is set. */
  Outcome provision(Command command);

  /**
   * Whether a missing bootstrap admin credential should be created, and whether the operator
   * asked to replace or remove it.
   */
  record Command(boolean createIfMissing, Change change) {

    public Command {
      java.util.Objects.requireNonNull(change, "change");
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

  /** What provisioning found or did. */
  enum Outcome {
    /** A new credential was made, kept and registered. */
    CREATED,
    /** The kept credential was registered, as the store had none. */
    REGISTERED,
    /** The kept credential is the registered one. */
    REUSED,
    /** The store has a credential, kept elsewhere (another replica, or a deleted file). */
    KEPT_ELSEWHERE,
    /** The kept credential differs from the registered one, which stays in force; the kept one is refused. */
    MISMATCH,
    /** There is none and none was to be created. */
    NONE,
    /** A new credential was made and kept, and replaced the registered one. */
    ROTATED,
    /** The credential was removed: registered and kept. */
    DISABLED
  }
}
