package dev.tollgate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.inmemory.InMemoryTollgate;
import dev.tollgate.domain.model.Authentication;
import dev.tollgate.domain.model.Authentication.Authenticated;
import dev.tollgate.domain.model.Authentication.Rejected;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenString;
import dev.tollgate.domain.model.UserGroup;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.RevokeManagementTokensUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticateCallerServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Caller.User ALICE = new Caller.User("alice", Set.of(UserGroup.ADMIN));

  private final InMemoryTollgate tollgate = new InMemoryTollgate(new ControllableClock(NOW),
      credential -> credential.equals("a.valid.jwt") ? new Authenticated(ALICE)
          : new Rejected("bad jwt"), 5L);

  private IssuedToken create(Optional<Instant> expiresAt) {
    return tollgate.createManagementToken().create(new CreateManagementTokenUseCase.Command(
        Caller.bootstrapAdmin(), Description.NONE, expiresAt));
  }

  private Authentication authenticate(String credential) {
    return tollgate.authenticateCaller().authenticate(credential);
  }

  @Test
  void activeManagementToken_authenticate_isItsHolder() {
    IssuedToken issued = create(Optional.empty());

    assertThat(authenticate(issued.secret().value()))
        .isEqualTo(new Authenticated(new Caller.ManagementTokenHolder(issued.token().id())));
  }

  @Test
  void authorizationHeader_bearerInAnyCase_isRead_noneOrAnotherScheme_isRejectedSayingSo() {
    IssuedToken issued = create(Optional.empty());
    Authenticated holder = new Authenticated(new Caller.ManagementTokenHolder(issued.token().id()));

    assertThat(tollgate.authenticateCaller().authenticateHeader("Bearer " + issued.secret().value()))
        .isEqualTo(holder);
    assertThat(tollgate.authenticateCaller().authenticateHeader("bEARER  "
        + issued.secret().value() + " ")).isEqualTo(holder);
    assertThat(tollgate.authenticateCaller().authenticateHeader(null))
        .isEqualTo(new Rejected("no credential was presented; expected"
            + " 'Authorization: Bearer <token>'"));
    assertThat(tollgate.authenticateCaller().authenticateHeader("Basic "
        + issued.secret().value())).isEqualTo(new Rejected("the Authorization header is not of"
            + " the form 'Bearer <token>'"));
    assertThat(tollgate.authenticateCaller().authenticateHeader("Bearer")).isInstanceOf(
        Rejected.class);
  }

  @Test
  void revokedManagementToken_authenticate_isRejected() {
    IssuedToken issued = create(Optional.empty());
    tollgate.revokeManagementTokens().revoke(new RevokeManagementTokensUseCase.Command(
        Caller.bootstrapAdmin(), List.of(issued.token().id())));

    assertThat(authenticate(issued.secret().value())).isInstanceOfSatisfying(Rejected.class,
        r -> assertThat(r.reason()).contains("was revoked"));
  }

  @Test
  void expiredManagementToken_authenticate_isRejectedFromExactlyExpiresAt() {
    IssuedToken issued = create(Optional.of(NOW.plusSeconds(60)));
    tollgate.clock().advance(Duration.ofSeconds(60));

    assertThat(authenticate(issued.secret().value())).isInstanceOfSatisfying(Rejected.class,
        r -> assertThat(r.reason()).contains("expired at"));
  }

  @Test
  void wellFormedButUnknownToken_authenticate_isRejected() {
    TokenString stranger = TokenFormat.MANAGEMENT.generate(new DeterministicRandomSource(99));

    assertThat(authenticate(stranger.value())).isInstanceOf(Rejected.class);
  }

  @Test
  void mistypedToken_authenticate_isRejectedWithoutEchoingIt() {
    String secret = create(Optional.empty()).secret().value();
    String typo = secret.substring(0, 50) + (secret.charAt(50) == 'x' ? 'y' : 'x') + secret.substring(51);

    Authentication result = authenticate(typo);

    assertThat(result).isInstanceOfSatisfying(Rejected.class, r -> {
      assertThat(r.reason()).contains("malformed (bad checksum)");
      assertThat(r.reason().contains(typo) || r.reason().contains(secret))
          .as("holds no token string").isFalse();
    });
  }

  @Test
  void missingOrBlankCredential_authenticate_isRejected() {
    assertThat(authenticate(null)).isInstanceOf(Rejected.class);
    assertThat(authenticate("  ")).isInstanceOf(Rejected.class);
  }

  @Test
  void registeredBootstrapAdminToken_authenticate_isTheBootstrapAdmin() {
    TokenString bootstrap = TokenFormat.MANAGEMENT.generate(new DeterministicRandomSource(8));
    tollgate.repository().registerBootstrapAdmin(bootstrap.hash(), "memory", NOW);

    assertThat(authenticate(bootstrap.value())).isEqualTo(new Authenticated(Caller.bootstrapAdmin()));
  }

  @Test
  void somethingElse_authenticate_isLeftToTheIdentityProvider() {
    assertThat(authenticate("a.valid.jwt")).isEqualTo(new Authenticated(ALICE));
    assertThat(authenticate("eyJ.other.jwt")).isEqualTo(new Rejected("bad jwt"));
  }
}
