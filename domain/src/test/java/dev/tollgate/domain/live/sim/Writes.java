package dev.tollgate.domain.live.sim;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.TollgateException;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase;
import dev.tollgate.domain.port.in.RevokeDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.RevokeManagementTokensUseCase;
import dev.tollgate.domain.port.in.RotateTokenUseCase;
import dev.tollgate.domain.port.in.UpdateDatabaseTokenUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The management calls of a schedule, made through a replica's real use cases, and the
 * transactions held open to commit late. A token with an open transaction takes no other write
 * until it ends, as its locked row would make them wait.
 */
final class Writes {

  private static final Caller ADMIN = Caller.bootstrapAdmin();
  private static final Permission[] PERMISSIONS = {Permission.read("db1"),
      Permission.write("db1"), Permission.read("db2"), Permission.write("*"),
      Permission.read("*")};

  /** A transaction that took its sequence number and has not committed yet. */
  private record Late(long seq, Instant reservedAt, int replica, Step write,
      Optional<TokenId> token) {}

  private final Simulation sim;
  private final List<Late> open = new ArrayList<>();

  Writes(Simulation sim) {
    this.sim = sim;
  }

  void create(Step.Create step) {
    sim.running(step.replica()).ifPresent(r -> through(r, () -> create(r, step)));
  }

  void update(Step.Update step) {
    unlocked(step.token()).ifPresent(id -> sim.running(step.replica())
        .ifPresent(r -> through(r, () -> update(r, id, step.permissions()))));
  }

  void rotate(Step.Rotate step) {
    unlocked(step.token()).ifPresent(id -> sim.running(step.replica())
        .ifPresent(r -> through(r, () -> rotate(r, id, step.overlap()))));
  }

  void revoke(Step.Revoke step) {
    unlocked(step.token()).ifPresent(id -> sim.running(step.replica())
        .ifPresent(r -> through(r, () -> revoke(r, id))));
  }

  void purge(Step.Purge step) {
    if (open.isEmpty()) {
      sim.running(step.replica()).ifPresent(r -> through(r, () ->
          r.useCases.purger().purgeRevokedBefore(Duration.ofSeconds(step.age()))));
    }
  }

  void bootstrap(Step.Bootstrap step) {
    sim.running(step.replica()).ifPresent(r -> {
      through(r, () -> r.useCases.provisionBootstrapAdmin(r.file).provision(
          new ProvisionBootstrapAdminUseCase.Command(true, step.change())));
      sim.universe.noteBootstrapFile(r);
    });
  }

  void begin(Step.BeginLate step) {
    Optional<SimReplica> replica = sim.running(step.replica());
    if (replica.isEmpty()) {
      return;
    }
    Optional<TokenId> token = Optional.empty();
    if (!(step.write() instanceof Step.Create)) {
      token = unlocked(pickOf(step.write()));
      if (token.isEmpty()) {
        return;
      }
    }
    open.add(new Late(sim.store.reserve(), sim.clock.now(), step.replica(), step.write(), token));
  }

  void commit(int pick) {
    if (open.isEmpty()) {
      return;
    }
    Late late = open.get(Math.floorMod(pick, open.size()));
    Optional<SimReplica> replica = sim.running(late.replica());
    if (replica.isEmpty()) {
      return;
    }
    open.remove(late);
    SimReplica r = replica.get();
    sim.withFateOf(late.write(), () -> sim.store.commitLate(late.seq(), late.reservedAt(),
        () -> through(r, () -> write(r, late))));
  }

  void rollback(int pick) {
    if (!open.isEmpty()) {
      open.remove(Math.floorMod(pick, open.size()));
    }
  }

  private void write(SimReplica r, Late late) {
    Step write = late.write();
    if (write instanceof Step.Create create) {
      create(r, create);
    } else if (write instanceof Step.Update update) {
      update(r, late.token().orElseThrow(), update.permissions());
    } else if (write instanceof Step.Rotate rotate) {
      rotate(r, late.token().orElseThrow(), rotate.overlap());
    } else {
      revoke(r, late.token().orElseThrow());
    }
  }

  private void create(SimReplica r, Step.Create step) {
    Optional<Instant> expires = expiry(step.expiry());
    IssuedToken issued = step.management()
        ? r.useCases.createManagementToken().create(new CreateManagementTokenUseCase.Command(
            ADMIN, new Description("sim"), expires))
        : r.useCases.createDatabaseToken().create(new CreateDatabaseTokenUseCase.Command(
            ADMIN, new Description("sim"), permissions(step.permissions()), expires));
    sim.universe.issued(issued.token().id(), issued.secret());
  }

  private void update(SimReplica r, TokenId id, int permissions) {
    r.useCases.updateDatabaseToken().update(new UpdateDatabaseTokenUseCase.Command(ADMIN, id,
        Optional.empty(), Optional.of(permissions(permissions))));
  }

  private void rotate(SimReplica r, TokenId id, int overlap) {
    Optional<Token> stored = sim.store.row(id);
    if (stored.isPresent()) {
      IssuedToken issued = r.useCases.rotateToken().rotate(new RotateTokenUseCase.Command(ADMIN,
          stored.get().kind(), id, Duration.ofSeconds(overlap)));
      sim.universe.issued(id, issued.secret());
    }
  }

  private void revoke(SimReplica r, TokenId id) {
    Optional<Token> stored = sim.store.row(id);
    if (stored.isPresent() && stored.get().kind() == TokenKind.MANAGEMENT) {
      r.useCases.revokeManagementTokens().revoke(
          new RevokeManagementTokensUseCase.Command(ADMIN, List.of(id)));
    } else if (stored.isPresent()) {
      r.useCases.revokeDatabaseTokens().revoke(
          new RevokeDatabaseTokensUseCase.Command(ADMIN, List.of(id)));
    }
  }

  /** Runs a call through the replica; a refusal (conflict, not found) wrote nothing. */
  private void through(SimReplica replica, Runnable call) {
    long before = sim.store.commits();
    try {
      call.run();
    } catch (TollgateException refused) {
      // as a client would see it: an error, and nothing written
    }
    noteOwn(replica, before);
  }

  /** Commits made through the replica since {@code before} are in its memory: it applied them. */
  void noteOwn(SimReplica replica, long before) {
    for (long c = before + 1; c <= sim.store.commits(); c++) {
      replica.own.add(c);
    }
  }

  private Optional<TokenId> unlocked(int pick) {
    Set<TokenId> locked = new HashSet<>();
    open.forEach(late -> late.token().ifPresent(locked::add));
    return sim.universe.token(pick).filter(id -> !locked.contains(id));
  }

  private static int pickOf(Step write) {
    if (write instanceof Step.Update u) {
      return u.token();
    } else if (write instanceof Step.Rotate r) {
      return r.token();
    }
    return ((Step.Revoke) write).token();
  }

  private Optional<Instant> expiry(int choice) {
    long[] seconds = {1, 5, 600};
    return choice < 5 ? Optional.empty()
        : Optional.of(sim.clock.now().plusSeconds(seconds[choice - 5]));
  }

  private static Set<Permission> permissions(int mask) {
    Set<Permission> chosen = new HashSet<>();
    for (int bit = 0; bit < PERMISSIONS.length; bit++) {
      if ((mask & (1 << bit)) != 0) {
        chosen.add(PERMISSIONS[bit]);
      }
    }
    return chosen;
  }
}
