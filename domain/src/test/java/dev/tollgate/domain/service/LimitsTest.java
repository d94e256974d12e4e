package dev.tollgate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.inmemory.InMemoryTokenRepository;
import dev.tollgate.domain.inmemory.SequentialIdGenerator;
import dev.tollgate.domain.live.FollowerSettings;
import dev.tollgate.domain.model.AuthorizationDecision;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.RequestedPermission;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.RevokeDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.RevokeManagementTokensUseCase;
import dev.tollgate.domain.port.in.UpdateDatabaseTokenUseCase;
import dev.tollgate.domain.port.out.IdentityProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Limits an embedding project chooses hold in the domain, whatever adapter calls it. */
class LimitsTest {

  private final InMemoryTokenRepository store = new InMemoryTokenRepository();
  private final UseCases tollgate = new UseCases(store, store,
      new ControllableClock(Instant.parse("2026-11-30T00:00:00Z")),
      new DeterministicRandomSource(3), new SequentialIdGenerator(), IdentityProvider.NONE,
      FollowerSettings.immediate(), new Limits(2, 3, 4));

  LimitsTest() {
    tollgate.follower().load();
  }

  private IssuedToken create(Permission... permissions) {
    return tollgate.createDatabaseToken().create(new CreateDatabaseTokenUseCase.Command(
        Caller.bootstrapAdmin(), new Description("x"), Set.of(permissions), Optional.empty()));
  }

  @Test
  void limits_areAtLeastOne() {
    assertThatThrownBy(() -> new Limits(1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idsPerRevoke is 0; a limit must be at least 1");
  }

  @Test
  void permissionsPerToken_createAndUpdate_refuseMoreAndWriteNothing() {
    IssuedToken two = create(Permission.read("a"), Permission.read("b"));

    assertThatThrownBy(() -> create(Permission.read("a"), Permission.read("b"),
        Permission.read("c")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("permissions");
          assertThat(e.reason()).isEqualTo(
              "has 3 permissions; at most 2 are allowed per database token");
        });
    assertThatThrownBy(() -> tollgate.updateDatabaseToken().update(
        new UpdateDatabaseTokenUseCase.Command(Caller.bootstrapAdmin(), two.token().id(),
            Optional.empty(), Optional.of(Set.of(Permission.read("a"), Permission.read("b"),
                Permission.write("c"))))))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(store.after(0, 10)).hasSize(1);
  }

  @Test
  void idsPerRevoke_refuseMoreOfEitherKindAndRevokeNothing() {
    IssuedToken token = create(Permission.read("a"));
    List<TokenId> four = List.of(token.token().id(), new TokenId(UUID.randomUUID()),
        new TokenId(UUID.randomUUID()), new TokenId(UUID.randomUUID()));

    assertThatThrownBy(() -> tollgate.revokeDatabaseTokens().revoke(
        new RevokeDatabaseTokensUseCase.Command(Caller.bootstrapAdmin(), four)))
        .hasMessage("ids: has 4 ids; at most 3 are allowed per revoke request; revoke them in"
            + " batches");
    assertThatThrownBy(() -> tollgate.revokeManagementTokens().revoke(
        new RevokeManagementTokensUseCase.Command(Caller.bootstrapAdmin(), four)))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(store.findById(token.token().id()).orElseThrow().revokedAt()).isEmpty();
  }

  @Test
  void permissionsPerAuthorize_refuseMoreAsAFailedDecision() {
    IssuedToken token = create(Permission.read("a"));
    RequestedPermission read = RequestedPermission.onDatabaseNamed("a",
        RequestedPermission.DataAction.READ);
    byte[] secret = token.secret().value().getBytes(StandardCharsets.UTF_8);

    assertThat(tollgate.authorize().authorize(new AuthorizeUseCase.Request(secret,
        List.of(read, read, read, read))).valid()).isTrue();
    assertThat(tollgate.authorize().decide(new AuthorizeUseCase.Request(secret,
        List.of(read, read, read, read, read))).toCompletableFuture())
        .isCompletedExceptionally();
    assertThatThrownBy(() -> tollgate.authorize().authorize(new AuthorizeUseCase.Request(secret,
        List.of(read, read, read, read, read))))
        .hasMessage("permissions: has 5 permissions; at most 4 are allowed per Authorize request");
  }

  @Test
  void malformedToken_askingMorePermissionsThanAllowed_isAMalformedAnswer_notAFailure() {
    String valid = create(Permission.read("a")).secret().value();
    RequestedPermission read = RequestedPermission.onDatabaseNamed("a",
        RequestedPermission.DataAction.READ);
    String badChecksum = valid.substring(0, valid.length() - 5) + "AAAAA";

    for (String token : new String[] {"", "apiv1_not-a-token", badChecksum}) {
      AuthorizationDecision decision = tollgate.authorize().authorize(new AuthorizeUseCase.Request(
          token.getBytes(StandardCharsets.UTF_8), List.of(read, read, read, read, read)));
      assertThat(decision.valid()).isFalse();
      assertThat(decision.outcome()).isEqualTo(AuthorizationDecision.Outcome.MALFORMED);
    }
  }
}
