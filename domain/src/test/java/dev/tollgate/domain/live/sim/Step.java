package dev.tollgate.domain.live.sim;

import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase;
import java.util.List;

/**
 * One step of a simulated schedule. Steps name tokens and strings by a number that is resolved
 * against what exists when the step runs (modulo their count), so that a schedule with steps
 * removed still means something: that is what lets a failing schedule be shrunk.
 *
 * <p>A step that commits carries its {@code fate}: two bits per replica saying whether that
 * replica's notification of the commit arrives (0, 1), is lost (2) or arrives twice (3).
 */
sealed interface Step {

  /** A database token (or a management token), created through {@code replica}. */
  record Create(int replica, boolean management, int permissions, int expiry, int fate)
      implements Step {}

  /** The permissions of a database token replaced. */
  record Update(int replica, int token, int permissions, int fate) implements Step {}

  /** A new string for a token; the previous one works for {@code overlap} seconds. */
  record Rotate(int replica, int token, int overlap, int fate) implements Step {}

  record Revoke(int replica, int token, int fate) implements Step {}

  /** Tokens revoked more than {@code age} seconds ago deleted. */
  record Purge(int replica, int age, int fate) implements Step {}

  /** The bootstrap admin provisioned at a (re)start of {@code replica}, as its flags say. */
  record Bootstrap(int replica, ProvisionBootstrapAdminUseCase.Change change, int fate)
      implements Step {}

  /** A transaction takes its sequence number now and writes {@code write} later, or never. */
  record BeginLate(int replica, Step write) implements Step {}

  /** The {@code pick}-th open transaction commits. */
  record CommitLate(int pick) implements Step {}

  /** The {@code pick}-th open transaction rolls back: its number is never used. */
  record RollbackLate(int pick) implements Step {}

  /** The replica's scheduler asks its follower whether a round is due. */
  record Tick(int replica) implements Step {}

  record Advance(long millis) implements Step {}

  /** The replica hears the oldest notification waiting for it. */
  record Deliver(int replica) implements Step {}

  /** The replica's thread for rounds of missed lookups runs what waits for it. */
  record RunQueued(int replica) implements Step {}

  /** The data plane asks the replica about the {@code string}-th string known to the test. */
  record Authorize(int replica, int string) implements Step {}

  /** The process stops where it is (SIGSTOP), or goes on. */
  record Pause(int replica) implements Step {}

  record Resume(int replica) implements Step {}

  /** The replica restarts; {@code duringLoad} happens while it reads every token. */
  record Restart(int replica, List<Step> duringLoad) implements Step {}

  /** A full reconciliation, with steps that happen while it reads the registration and the store. */
  record Reconcile(int replica, List<Step> afterRegistrationRead, List<Step> duringScan)
      implements Step {}

  /** The replica's listening connection fails, or listens again. */
  record ListenLost(int replica) implements Step {}

  record ListenBack(int replica) implements Step {}
}
