package dev.tollgate.domain.live;

import static dev.tollgate.domain.model.RequestedPermission.DataAction.READ;
import static dev.tollgate.domain.model.RequestedPermission.DataAction.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.inmemory.InMemoryBootstrapTokenStore;
import dev.tollgate.domain.inmemory.InMemoryTokenRepository;
import dev.tollgate.domain.inmemory.SequentialIdGenerator;
import dev.tollgate.domain.model.AuthorizationDecision;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.FeedFollowing;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.RequestedPermission;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.UnavailableException;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.RevokeDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.RotateTokenUseCase;
import dev.tollgate.domain.port.in.UpdateDatabaseTokenUseCase;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.domain.port.out.TokenEvents;
import dev.tollgate.domain.port.out.TokenRepository;
import dev.tollgate.domain.service.UseCases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two replicas over one store: A takes the writes, B follows the change feed through a view that
 * can hold back a transaction or fail as an unreachable store does. Time is the test's clock.
 */
@Timeout(60)
class ReplicasTest {

  private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
  private static final RequestedPermission READ_DB1 = RequestedPermission.onDatabaseNamed("db1", READ);
  private static final RequestedPermission WRITE_DB2 = RequestedPermission.onDatabaseNamed("db2", WRITE);

  private final ControllableClock clock = new ControllableClock(T0);
  private final InMemoryTokenRepository shared = new InMemoryTokenRepository();
  private final UseCases a = replica(shared, FollowerSettings.immediate());
  private final HoldingStore bView = new HoldingStore(shared);
  private final UseCases b = replica(bView, FollowerSettings.defaults());
  private final DeterministicRandomSource unknownTokens = new DeterministicRandomSource(99);

  ReplicasTest() {
    a.follower().load();
    b.follower().load();
  }

  private <S extends TokenRepository & TokenEvents> UseCases replica(S store,
      FollowerSettings settings) {
    return new UseCases(store, store, clock, new DeterministicRandomSource(1),
        new SequentialIdGenerator(), IdentityProvider.NONE, settings);
  }

  private IssuedToken createOnA(Permission... permissions) {
    return a.createDatabaseToken().create(new CreateDatabaseTokenUseCase.Command(
        Caller.bootstrapAdmin(), new Description("test"), Set.of(permissions), Optional.empty()));
  }

  private void revokeOnA(IssuedToken issued) {
    a.revokeDatabaseTokens().revoke(new RevokeDatabaseTokensUseCase.Command(Caller.bootstrapAdmin(),
        List.of(issued.token().id())));
  }

  private static CompletionStage<AuthorizationDecision> ask(UseCases replica, String token,
      RequestedPermission... requested) {
    return replica.authorize().decide(new AuthorizeUseCase.Request(
        token.getBytes(StandardCharsets.UTF_8), List.of(requested)));
  }

  private static AuthorizationDecision authorize(UseCases replica, IssuedToken issued,
      RequestedPermission... requested) {
    return replica.authorize().authorize(new AuthorizeUseCase.Request(
        issued.secret().value().getBytes(StandardCharsets.UTF_8), List.of(requested)));
  }

  private String unknownToken() {
    return TokenFormat.DATABASE.generate(unknownTokens).value();
  }

  private void pollB() {
    clock.advance(Duration.ofMillis(200));
    b.follower().tick();
  }

  @Test
  void createdOnA_authorizeOnB_isValidAtTheFirstTry() {
    IssuedToken issued = createOnA(Permission.read("db1"));

    AuthorizationDecision decision = authorize(b, issued, READ_DB1);

    assertThat(decision.valid()).isTrue();
    assertThat(decision.granted()).containsExactly(READ_DB1);
    assertThat(b.follower().status().reads().get(FeedFollowing.Trigger.MISS)).isEqualTo(1);
  }

  @Test
  void revokedOnA_B_refusesFromItsNextRound() {
    IssuedToken issued = createOnA(Permission.read("db1"));
    assertThat(authorize(b, issued, READ_DB1).valid()).isTrue();

    revokeOnA(issued);

    assertThat(authorize(a, issued, READ_DB1).valid()).as("on A at once").isFalse();
    assertThat(authorize(b, issued, READ_DB1).valid()).as("on B before it polls").isTrue();
    pollB();
    assertThat(authorize(b, issued, READ_DB1).valid()).as("on B after one poll").isFalse();
  }

  @Test
  void storeSignalsAChange_B_appliesItWithoutWaitingForThePoll() {
    IssuedToken issued = createOnA(Permission.read("db1"));
    authorize(b, issued, READ_DB1);
    revokeOnA(issued);

    b.follower().changesSignalled();

    assertThat(authorize(b, issued, READ_DB1).valid()).isFalse();
    assertThat(b.follower().status().reads().get(FeedFollowing.Trigger.NOTIFY)).isEqualTo(1);
  }

  @Test
  void permissionsReplacedOnA_B_grantsTheNewSetFromItsNextRound() {
    IssuedToken issued = createOnA(Permission.read("db1"));
    authorize(b, issued, READ_DB1);

    a.updateDatabaseToken().update(new UpdateDatabaseTokenUseCase.Command(Caller.bootstrapAdmin(),
        issued.token().id(), Optional.empty(), Optional.of(Set.of(Permission.write("db2")))));
    pollB();

    assertThat(authorize(b, issued, READ_DB1, WRITE_DB2).granted()).containsExactly(WRITE_DB2);
  }

  private IssuedToken rotateOnA(IssuedToken issued, Duration overlap) {
    return a.rotateToken().rotate(new RotateTokenUseCase.Command(Caller.bootstrapAdmin(),
        issued.token().kind(), issued.token().id(), overlap));
  }

  @Test
  void bMissedTwoRotationsAndARevocation_refusesEveryStringOfTheToken() {
    IssuedToken first = createOnA(Permission.read("db1"));
    assertThat(authorize(b, first, READ_DB1).valid()).isTrue();
    IssuedToken second = rotateOnA(first, Duration.ZERO);
    IssuedToken third = rotateOnA(first, Duration.ZERO);
    revokeOnA(first);

    pollB();

    assertThat(authorize(a, first, READ_DB1).valid()).as("first string on A").isFalse();
    assertThat(authorize(b, first, READ_DB1).valid()).as("first string on B").isFalse();
    assertThat(authorize(b, second, READ_DB1).valid()).as("second string on B").isFalse();
    assertThat(authorize(b, third, READ_DB1).valid()).as("third string on B").isFalse();
    assertThat(b.index().size()).as("B holds the current and previous strings only")
        .isEqualTo(a.index().size());
  }

  @Test
  void bMissedTwoRotations_acceptsOnlyTheCurrentString() {
    IssuedToken first = createOnA(Permission.read("db1"));
    assertThat(authorize(b, first, READ_DB1).valid()).isTrue();
    rotateOnA(first, Duration.ZERO);
    IssuedToken third = rotateOnA(first, Duration.ZERO);

    pollB();

    assertThat(authorize(b, first, READ_DB1).valid()).as("first string on B").isFalse();
    assertThat(authorize(b, third, READ_DB1).valid()).as("third string on B").isTrue();
  }

  @Test
  void purgeEventNeverSeenByB_reconciliationDropsTheTokenFromBsMemory() {
    IssuedToken issued = createOnA(Permission.read("db1"));
    assertThat(authorize(b, issued, READ_DB1).valid()).isTrue();
    revokeOnA(issued);
    pollB();
    int heldBefore = b.index().size();
    clock.advance(Duration.ofDays(31));
    bView.holdNextEvent();
    a.purger().purgeRevokedBefore(Duration.ofDays(30));
    createOnA();
    pollB();
    clock.advance(FollowerSettings.defaults().missingRetention());
    pollB();
    assertThat(b.follower().status().missingSeqs()).as("the purge's number was given up").isZero();
    assertThat(b.index().size()).as("B still holds the purged token").isEqualTo(heldBefore + 1);

    Reconciler.Result result = b.reconciler().reconcile();

    assertThat(result.differences()).isEqualTo(1);
    assertThat(result.examples()).containsExactly(issued.token().id());
    assertThat(b.index().size()).isEqualTo(heldBefore);
    assertThat(b.reconciler().reconcile().differences()).isZero();
  }

  @Test
  void moreDifferencesThanAReconciliationKeepsAside_allAreRepaired_andTwentyNamed() {
    int tokens = 10_001; // one more than a reconciliation keeps aside while it reads the store
    DeterministicRandomSource otherStrings = new DeterministicRandomSource(7);
    List<IssuedToken> issued = new ArrayList<>();
    for (int i = 0; i < tokens; i++) {
      IssuedToken created = createOnA(Permission.read("db1"));
      Token stored = shared.findById(created.token().id()).orElseThrow();
      // B holds it at its stored version under another string: no event of the feed repairs that
      b.index().apply(Token.issue(stored.id(), TokenFormat.DATABASE.generate(otherStrings),
          new Description("test"), stored.permissions(), Optional.empty(), "bootstrap-admin", T0)
          .atVersion(stored.version()).access());
      issued.add(created);
    }
    assertThat(authorize(b, issued.get(0), READ_DB1).valid()).isFalse();

    Reconciler.Result result = b.reconciler().reconcile();

    assertThat(result.differences()).isEqualTo(tokens);
    assertThat(result.examples()).hasSize(20);
    assertThat(authorize(b, issued.get(0), READ_DB1).valid()).isTrue();
    assertThat(authorize(b, issued.get(tokens - 1), READ_DB1).valid()).isTrue();
    assertThat(b.index().size()).isEqualTo(a.index().size());
    assertThat(b.reconciler().reconcile().differences()).isZero();
  }

  @Test
  void notificationsFlow_bPollsOnlyAsASafetyNet_untilAPollFindsAChangeNoneAnnounced() {
    b.follower().notificationsListening();
    assertThat(b.follower().status().notifications())
        .isEqualTo(FeedFollowing.Notifications.LISTENING);
    int reads = bView.feedReads.get();
    clock.advance(Duration.ofMillis(1_900));
    b.follower().tick();
    assertThat(bView.feedReads.get()).as("no poll within the safety interval").isEqualTo(reads);

    createOnA(Permission.read("db1"));
    clock.advance(Duration.ofMillis(100));
    b.follower().tick();

    FeedFollowing status = b.follower().status();
    assertThat(status.notifications()).isEqualTo(FeedFollowing.Notifications.LOST);
    assertThat(status.polling()).contains("a safety poll found 1 change(s) that no notification"
        + " announced").endsWith("polling every 200 ms until they work again");
    int lost = bView.feedReads.get();
    pollB();
    assertThat(bView.feedReads.get()).as("fast polls while lost").isEqualTo(lost + 1);

    b.follower().changesSignalled();
    assertThat(b.follower().status().notifications())
        .isEqualTo(FeedFollowing.Notifications.LISTENING);
  }

  @Test
  void listeningConnectionLost_bPollsFastUntilItListensAgain() {
    b.follower().notificationsListening();
    b.follower().notificationsStopped("cannot listen: connection reset");

    int reads = bView.feedReads.get();
    pollB();
    assertThat(bView.feedReads.get()).isEqualTo(reads + 1);
    assertThat(b.follower().status().polling()).contains("connection reset");
    b.follower().changesSignalled();
    assertThat(b.follower().status().notifications()).as("a notification alone is not enough")
        .isEqualTo(FeedFollowing.Notifications.LOST);

    b.follower().notificationsListening();

    assertThat(b.follower().status().notifications())
        .isEqualTo(FeedFollowing.Notifications.LISTENING);
  }

  @Test
  void revocationCommittingAfterALaterChange_isNotSkipped() {
    IssuedToken issued = createOnA(Permission.read("db1"));
    authorize(b, issued, READ_DB1);
    bView.holdNextEvent();
    bView.showAs(issued.token().id(), shared.findById(issued.token().id()));
    revokeOnA(issued);
    createOnA();
    pollB();
    assertThat(b.follower().status().missingSeqs()).isEqualTo(1);
    assertThat(authorize(b, issued, READ_DB1).valid()).as("the revocation is not committed yet").isTrue();

    bView.release();
    pollB();

    assertThat(authorize(b, issued, READ_DB1).valid()).isFalse();
    assertThat(b.follower().status().missingSeqs()).isZero();
  }

  @Test
  void numberThatNeverCommits_isGivenUpAfterTheRetention_andReconciliationRepairsWhatItHid() {
    bView.holdNextEvent();
    IssuedToken lost = createOnA(Permission.read("db1"));
    bView.showAs(lost.token().id(), Optional.empty());
    createOnA();
    pollB();
    assertThat(b.follower().status().missingSeqs()).isEqualTo(1);
    clock.advance(FollowerSettings.defaults().missingRetention());
    pollB();
    assertThat(b.follower().status().missingSeqs()).isZero();
    bView.release();
    assertThat(authorize(b, lost, READ_DB1).valid()).as("lost: no round reads it any more").isFalse();

    Reconciler.Result result = b.reconciler().reconcile();

    assertThat(result.differences()).isEqualTo(1);
    assertThat(result.examples()).containsExactly(lost.token().id());
    assertThat(authorize(b, lost, READ_DB1).valid()).isTrue();
    assertThat(b.reconciler().reconcile().differences()).isZero();
  }

  @Test
  void replicaLoadedWhileATransactionIsOpen_seesItWhenItCommits() {
    IssuedToken issued = createOnA(Permission.read("db1"));
    bView.holdNextEvent();
    bView.showAs(issued.token().id(), shared.findById(issued.token().id()));
    revokeOnA(issued);
    createOnA();
    UseCases c = replica(bView, FollowerSettings.defaults());
    c.follower().load();
    assertThat(authorize(c, issued, READ_DB1).valid()).isTrue();

    bView.release();
    clock.advance(Duration.ofMillis(200));
    c.follower().tick();

    assertThat(authorize(c, issued, READ_DB1).valid()).isFalse();
  }

  @Test
  void concurrentMisses_shareOneReadInFlightAndTheNextRound() throws Exception {
    int readsBefore = bView.feedReads.get();
    bView.closeGate();
    String firstToken = unknownToken();
    CompletableFuture<AuthorizationDecision> first =
        CompletableFuture.supplyAsync(() -> ask(b, firstToken).toCompletableFuture().join());
    while (bView.feedReads.get() == readsBefore) {
      Thread.onSpinWait();
    }
    List<CompletableFuture<AuthorizationDecision>> others = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      others.add(ask(b, unknownToken()).toCompletableFuture());
    }
    assertThat(bView.feedReads.get() - readsBefore).as("one read in flight").isEqualTo(1);

    bView.openGate();
    assertThat(first.get().valid()).isFalse();
    assertThat(others).noneMatch(CompletableFuture::isDone);
    clock.advance(Duration.ofMillis(1));
    b.follower().tick();

    assertThat(others).allSatisfy(other -> assertThat(other.getNow(null).valid()).isFalse());
    assertThat(bView.feedReads.get() - readsBefore).isEqualTo(2);
  }

  @Test
  void hundredThousandUnknownTokensInTenSeconds_costAtMostAThousandReads_andANewTokenWaitsLittle() {
    List<CompletableFuture<AuthorizationDecision>> pending = new ArrayList<>();
    CompletableFuture<AuthorizationDecision> legitimate = null;
    Instant legitimateAskedAt = null;
    for (int millisecond = 0; millisecond < 10_000; millisecond++) {
      for (int i = 0; i < 10; i++) {
        pending.add(ask(b, unknownToken()).toCompletableFuture());
      }
      if (millisecond == 5_000) {
        legitimate = ask(b, createOnA(Permission.read("db1")).secret().value(), READ_DB1)
            .toCompletableFuture();
        legitimateAskedAt = clock.now();
      }
      if (legitimate != null && legitimate.isDone() && legitimateAskedAt != null) {
        assertThat(Duration.between(legitimateAskedAt, clock.now()))
            .isLessThanOrEqualTo(FollowerSettings.defaults().maxBackoff());
        legitimateAskedAt = null;
      }
      clock.advance(Duration.ofMillis(1));
      b.follower().tick();
    }
    clock.advance(Duration.ofSeconds(1));
    b.follower().tick();

    assertThat(pending).hasSize(100_000).allMatch(done -> !done.join().valid());
    assertThat(legitimate.join().valid()).isTrue();
    assertThat(legitimateAskedAt).as("answered within the back-off").isNull();
    assertThat(bView.feedReads.get()).isLessThanOrEqualTo(1_000);
  }

  @Test
  void moreLookupsWaitingThanAllowed_theRestAreUnavailable() {
    UseCases small = replica(bView, FollowerSettings.defaults().withMaxWaiting(2));
    small.follower().load();
    ask(small, unknownToken());
    ask(small, unknownToken());
    ask(small, unknownToken());

    assertThatThrownBy(() -> ask(small, unknownToken()).toCompletableFuture().join())
        .hasCauseInstanceOf(UnavailableException.class)
        .hasMessageContaining("2 lookups of unknown tokens are already waiting");
  }

  @Test
  void storeOutOfReach_knownTokensAnswer_missesAreUnavailable_andBCatchesUpAfter() {
    IssuedToken known = createOnA(Permission.read("db1"));
    authorize(b, known, READ_DB1);
    bView.failure = new UnavailableException("the token database is out of reach");
    IssuedToken createdMeanwhile = createOnA(Permission.read("db1"));
    revokeOnA(known);

    assertThat(authorize(b, known, READ_DB1).valid()).as("from memory").isTrue();
    assertThatThrownBy(() -> authorize(b, createdMeanwhile, READ_DB1))
        .isInstanceOf(UnavailableException.class).hasMessageContaining("out of reach");
    pollB();
    assertThat(b.follower().status().lastFailure()).contains("the token database is out of reach");

    bView.failure = null;
    pollB();

    assertThat(authorize(b, known, READ_DB1).valid()).isFalse();
    assertThat(authorize(b, createdMeanwhile, READ_DB1).valid()).isTrue();
    assertThat(b.follower().status().lastFailure()).isEmpty();
  }

  @Test
  void notLoadedYet_wellFormedTokensAreUnavailable_andTheEmptyProbeIsInvalid() {
    UseCases cold = replica(bView, FollowerSettings.defaults());

    assertThat(ask(cold, "").toCompletableFuture().join().valid()).isFalse();
    assertThat(ask(cold, "apiv1_not-a-token").toCompletableFuture().join().valid()).isFalse();
    assertThatThrownBy(() -> ask(cold, unknownToken()).toCompletableFuture().join())
        .hasCauseInstanceOf(UnavailableException.class).hasMessageContaining("still loading");
    assertThatThrownBy(() -> cold.authenticateCaller().authenticate(unknownToken()))
        .isInstanceOf(UnavailableException.class);
  }

  private static boolean accepted(UseCases replica, String credential) {
    return replica.authenticateCaller().authenticate(credential)
        instanceof dev.tollgate.domain.model.Authentication.Authenticated;
  }

  @Test
  void bootstrapAdminRotatedThenDisabledOnA_refusedOnAAtOnce_andOnBFromItsNextRound() {
    InMemoryBootstrapTokenStore file = new InMemoryBootstrapTokenStore();
    var provision = a.provisionBootstrapAdmin(file);
    provision.provision(new dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Command(true));
    String first = file.read().orElseThrow().value();
    assertThat(accepted(b, first)).isTrue();

    assertThat(provision.provision(new dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase
        .Command(true, dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Change.ROTATE)).outcome())
        .isEqualTo(dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Outcome.ROTATED);
    String second = file.read().orElseThrow().value();

    assertThat(accepted(a, first)).as("old on A at once").isFalse();
    assertThat(accepted(a, second)).as("new on A at once").isTrue();
    assertThat(accepted(b, first)).as("old on B until its next round").isTrue();
    pollB();
    assertThat(accepted(b, first)).as("old on B after its next round").isFalse();
    assertThat(accepted(b, second)).as("new on B after its next round").isTrue();

    provision.provision(new dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Command(true,
        dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Change.DISABLE));
    assertThat(file.read()).isEmpty();
    assertThat(accepted(a, second)).as("disabled on A at once").isFalse();
    pollB();
    assertThat(accepted(b, second)).as("disabled on B after its next round").isFalse();
  }

  @Test
  void reconciliationReadsTheBootstrapAdminJustBeforeARotation_theRotatedOneStaysRefused() {
    InMemoryBootstrapTokenStore file = new InMemoryBootstrapTokenStore();
    var provision = a.provisionBootstrapAdmin(file);
    provision.provision(new dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Command(true));
    String first = file.read().orElseThrow().value();
    assertThat(accepted(b, first)).isTrue();
    bView.afterNextBootstrapRead = () -> {
      // the rotation commits, and B's follower applies it, while the reconciliation holds its read
      provision.provision(new dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Command(
          true, dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Change.ROTATE));
      clock.advance(Duration.ofSeconds(5));
      b.follower().tick();
      assertThat(accepted(b, first)).as("refused once B's follower applied the rotation").isFalse();
    };

    b.reconciler().reconcile();

    assertThat(accepted(b, first)).as("after the reconciliation").isFalse();
    assertThat(accepted(b, file.read().orElseThrow().value())).isTrue();
  }

  @Test
  void tokenRevokedWhileBLoads_wellFormedTokensAreUnavailableUntilBHasCaughtUp() {
    IssuedToken issued = createOnA(Permission.read("db1"));
    UseCases loading = replica(bView, FollowerSettings.defaults());
    List<Throwable> duringLoad = new ArrayList<>();
    bView.duringNextFullRead = () -> {
      revokeOnA(issued);
      duringLoad.add(ask(loading, issued.secret().value(), READ_DB1).handle((decision, failure) ->
          failure != null ? failure : new AssertionError("answered " + decision.valid()))
          .toCompletableFuture().join());
    };

    loading.follower().load();

    assertThat(duringLoad).singleElement().isInstanceOf(UnavailableException.class);
    assertThat(authorize(loading, issued, READ_DB1).valid()).as("once loaded").isFalse();
  }

  @Test
  void floodOfUnknownManagementTokens_onAReplicaThatHoldsTheBootstrapAdmin_readsItNever() {
    InMemoryBootstrapTokenStore file = new InMemoryBootstrapTokenStore();
    a.provisionBootstrapAdmin(file).provision(
        new dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Command(true));
    assertThat(accepted(b, file.read().orElseThrow().value())).isTrue();
    long before = bView.bootstrapReads();

    for (int i = 0; i < 20; i++) {
      // past the miss backoff, so each lookup gets a round of its own
      clock.advance(Duration.ofMillis(100));
      assertThat(accepted(b, TokenFormat.MANAGEMENT.generate(unknownTokens).value())).isFalse();
    }
    assertThat(b.follower().status().reads().get(FeedFollowing.Trigger.MISS)).isGreaterThan(1);

    assertThat(bView.bootstrapReads() - before).isZero();
  }

  @Test
  void longRevokedTokenPurgedOnA_AAndBDropItFromMemory_itsEventsStay() {
    IssuedToken issued = createOnA(Permission.read("db1"));
    assertThat(authorize(b, issued, READ_DB1).valid()).isTrue();
    revokeOnA(issued);
    pollB();
    int heldOnA = a.index().size();
    int heldOnB = b.index().size();

    clock.advance(Duration.ofDays(31));
    assertThat(a.purger().purgeRevokedBefore(Duration.ofDays(30))).isEqualTo(1);

    assertThat(a.index().size()).as("on A at once").isEqualTo(heldOnA - 1);
    pollB();
    assertThat(b.index().size()).as("on B after one poll").isEqualTo(heldOnB - 1);
    assertThat(authorize(b, issued, READ_DB1).valid()).isFalse();
    assertThat(shared.after(0, 100)).extracting(e -> e.event().type())
        .contains(dev.tollgate.domain.model.TokenEvent.Type.PURGED);
  }
}
