package dev.tollgate.domain.service;

import static dev.tollgate.domain.model.RequestedPermission.DataAction.READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.InMemoryTollgate;
import dev.tollgate.domain.model.AuthorizationDecision;
import dev.tollgate.domain.model.Authentication;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.ConflictException;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.NotAllowedException;
import dev.tollgate.domain.model.NotFoundException;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.RequestedPermission;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.ListTokenEventsUseCase;
import dev.tollgate.domain.port.in.RevokeDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.RotateTokenUseCase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rotation with an overlap: both strings work inside the window, the old one not after it. */
class RotateTokenTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final RequestedPermission READ_DB1 = RequestedPermission.onDatabaseNamed("db1", READ);

  private final InMemoryTollgate tollgate = InMemoryTollgate.startingAt(NOW);

  private IssuedToken reader() {
    return tollgate.createDatabaseToken().create(new CreateDatabaseTokenUseCase.Command(
        Caller.bootstrapAdmin(), new Description("reader"), Set.of(Permission.read("db1")),
        Optional.of(NOW.plus(Duration.ofDays(30)))));
  }

  private IssuedToken rotate(IssuedToken token, Duration overlap) {
    return tollgate.rotateToken().rotate(new RotateTokenUseCase.Command(Caller.bootstrapAdmin(),
        token.token().kind(), token.token().id(), overlap));
  }

  private AuthorizationDecision.Outcome authorize(IssuedToken token) {
    return tollgate.authorize().authorize(new AuthorizeUseCase.Request(
        token.secret().value().getBytes(StandardCharsets.UTF_8), List.of(READ_DB1))).outcome();
  }

  @Test
  void overlap_bothStringsWorkInsideTheWindowAndTheOldOneNotAfter() {
    IssuedToken before = reader();

    IssuedToken after = rotate(before, Duration.ofHours(1));

    assertThat(after.token().id()).isEqualTo(before.token().id());
    assertThat(after.token().description()).isEqualTo(before.token().description());
    assertThat(after.token().permissions()).isEqualTo(before.token().permissions());
    assertThat(after.token().expiresAt()).isEqualTo(before.token().expiresAt());
    assertThat(after.secret().value()).isNotEqualTo(before.secret().value());
    assertThat(after.token().previousValidUntil(NOW)).contains(NOW.plus(Duration.ofHours(1)));
    assertThat(authorize(before)).isEqualTo(AuthorizationDecision.Outcome.GRANTED);
    assertThat(authorize(after)).isEqualTo(AuthorizationDecision.Outcome.GRANTED);

    tollgate.clock().advance(Duration.ofMinutes(59));
    assertThat(authorize(before)).isEqualTo(AuthorizationDecision.Outcome.GRANTED);
    tollgate.clock().advance(Duration.ofMinutes(1));
    assertThat(authorize(before)).isEqualTo(AuthorizationDecision.Outcome.EXPIRED);
    assertThat(authorize(after)).isEqualTo(AuthorizationDecision.Outcome.GRANTED);
  }

  @Test
  void noOverlap_theOldStringStopsAtOnce_andRevokingStopsBoth() {
    IssuedToken before = reader();
    IssuedToken after = rotate(before, Duration.ZERO);
    assertThat(authorize(before)).isEqualTo(AuthorizationDecision.Outcome.EXPIRED);

    IssuedToken again = rotate(after, Duration.ofHours(1));
    tollgate.revokeDatabaseTokens().revoke(new RevokeDatabaseTokensUseCase.Command(
        Caller.bootstrapAdmin(), List.of(again.token().id())));

    assertThat(authorize(after)).isEqualTo(AuthorizationDecision.Outcome.REVOKED);
    assertThat(authorize(again)).isEqualTo(AuthorizationDecision.Outcome.REVOKED);
    assertThatThrownBy(() -> rotate(again, Duration.ZERO)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("a revoked token cannot be rotated");
  }

  @Test
  void duringAnOverlap_rotateAgainIsRefused_andTheTrailSaysWhoRotated() {
    IssuedToken before = reader();
    rotate(before, Duration.ofHours(2));

    assertThatThrownBy(() -> rotate(before, Duration.ZERO)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("its previous token string works until 2026-11-30T12:00:00Z");
    List<TokenEvent> trail = tollgate.tokenEvents().list(new ListTokenEventsUseCase.Query(
        Caller.bootstrapAdmin(), Optional.of(before.token().id()), Optional.empty(),
        Optional.empty(), Optional.empty(), 0)).events().stream().map(RecordedTokenEvent::event)
        .toList();
    assertThat(trail).extracting(TokenEvent::type)
        .containsExactly(TokenEvent.Type.CREATED, TokenEvent.Type.ROTATED);
    assertThat(trail.get(1).detail())
        .isEqualTo("previous token string works until 2026-11-30T12:00:00Z");
    assertThat(trail.toString().contains(before.secret().value()))
        .as("holds no token string").isFalse();
  }

  @Test
  void managementToken_previousStringAuthenticatesDuringTheOverlap() {
    IssuedToken management = tollgate.createManagementToken().create(
        new CreateManagementTokenUseCase.Command(Caller.bootstrapAdmin(), new Description("ci"),
            Optional.empty()));

    IssuedToken rotated = rotate(management, Duration.ofMinutes(10));

    assertThat(tollgate.authenticateCaller().authenticate(management.secret().value()))
        .isInstanceOf(Authentication.Authenticated.class);
    assertThat(tollgate.authenticateCaller().authenticate(rotated.secret().value()))
        .isInstanceOf(Authentication.Authenticated.class);
    tollgate.clock().advance(Duration.ofMinutes(10));
    assertThat(tollgate.authenticateCaller().authenticate(management.secret().value()))
        .isInstanceOf(Authentication.Rejected.class);
  }

  @Test
  void badRequests_rotate_areRefusedAndWriteNothing() {
    IssuedToken token = reader();
    Caller member = new Caller.User("mel", Set.of(dev.tollgate.domain.model.UserGroup.MEMBER));

    assertThatThrownBy(() -> rotate(token, Duration.ofDays(8)))
        .isInstanceOf(InvalidRequestException.class).hasMessage("overlap: 8d is not an overlap;"
            + " expected from 0 (the previous string stops at once) to 7 days");
    assertThatThrownBy(() -> tollgate.rotateToken().rotate(new RotateTokenUseCase.Command(
        Caller.bootstrapAdmin(), TokenKind.MANAGEMENT, token.token().id(), Duration.ZERO)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("no management token with id " + token.token().id());
    IssuedToken management = tollgate.createManagementToken().create(
        new CreateManagementTokenUseCase.Command(Caller.bootstrapAdmin(), new Description("ci"),
            Optional.empty()));
    assertThatThrownBy(() -> tollgate.rotateToken().rotate(new RotateTokenUseCase.Command(member,
        TokenKind.MANAGEMENT, management.token().id(), Duration.ZERO)))
        .isInstanceOf(NotAllowedException.class);
    assertThat(authorize(token)).isEqualTo(AuthorizationDecision.Outcome.GRANTED);
  }
}
