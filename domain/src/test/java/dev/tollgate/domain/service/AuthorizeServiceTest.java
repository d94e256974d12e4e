package dev.tollgate.domain.service;

import static dev.tollgate.domain.model.RequestedPermission.DataAction.READ;
import static dev.tollgate.domain.model.RequestedPermission.DataAction.READ_SCHEMA;
import static dev.tollgate.domain.model.RequestedPermission.DataAction.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.inmemory.InMemoryTollgate;
import dev.tollgate.domain.model.AuthorizationDecision;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.RequestedPermission;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.RevokeDatabaseTokensUseCase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizeServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final RequestedPermission READ_DB1 = RequestedPermission.onDatabaseNamed("db1", READ);
  private static final RequestedPermission SCHEMA_DB1 =
      RequestedPermission.onDatabaseNamed("db1", READ_SCHEMA);
  private static final RequestedPermission WRITE_DB1 = RequestedPermission.onDatabaseNamed("db1", WRITE);
  private static final RequestedPermission WRITE_DB2 = RequestedPermission.onDatabaseNamed("db2", WRITE);

  private final InMemoryTollgate tollgate = InMemoryTollgate.startingAt(NOW);

  private IssuedToken databaseToken(Optional<Instant> expiresAt, Permission... permissions) {
    return tollgate.createDatabaseToken().create(new CreateDatabaseTokenUseCase.Command(
        Caller.bootstrapAdmin(), new Description("test"), Set.of(permissions), expiresAt));
  }

  private AuthorizationDecision authorize(String token, RequestedPermission... requested) {
    return tollgate.authorize().authorize(new AuthorizeUseCase.Request(
        token.getBytes(StandardCharsets.UTF_8), List.of(requested)));
  }

  @Test
  void readWriteToken_authorize_grantsReadSchemaReadAndWriteOnItsDatabaseOnly() {
    IssuedToken issued = databaseToken(Optional.empty(), Permission.read("db1"), Permission.write("db1"));

    AuthorizationDecision decision =
        authorize(issued.secret().value(), READ_DB1, SCHEMA_DB1, WRITE_DB1, WRITE_DB2);

    assertThat(decision.valid()).isTrue();
    assertThat(decision.subject()).contains(issued.token().id().toString());
    assertThat(decision.granted()).containsExactly(READ_DB1, SCHEMA_DB1, WRITE_DB1);
  }

  @Test
  void wildcardReadToken_authorize_grantsReadAnywhereButNoWrite() {
    IssuedToken issued = databaseToken(Optional.empty(), Permission.read("*"));
    RequestedPermission readAny = RequestedPermission.onDatabaseNamed("metrics", READ);

    AuthorizationDecision decision = authorize(issued.secret().value(), readAny, WRITE_DB2);

    assertThat(decision.valid()).isTrue();
    assertThat(decision.granted()).containsExactly(readAny);
  }

  @Test
  void validTokenWithoutMatchingGrant_authorize_isValidWithNoPermissions() {
    IssuedToken issued = databaseToken(Optional.empty());

    AuthorizationDecision decision = authorize(issued.secret().value(), READ_DB1);

    assertThat(decision.valid()).isTrue();
    assertThat(decision.granted()).isEmpty();
  }

  @Test
  void revokedToken_authorize_isInvalidWithNothingElse() {
    IssuedToken issued = databaseToken(Optional.empty(), Permission.read("db1"));
    tollgate.revokeDatabaseTokens().revoke(new RevokeDatabaseTokensUseCase.Command(
        Caller.bootstrapAdmin(), List.of(issued.token().id())));

    AuthorizationDecision decision = authorize(issued.secret().value(), READ_DB1);

    assertThat(decision).isEqualTo(new AuthorizationDecision(false, Optional.empty(), List.of(),
        "revoked token " + issued.token().id(), AuthorizationDecision.Outcome.REVOKED));
  }

  @Test
  void expiredToken_authorize_isInvalidFromExactlyExpiresAt() {
    IssuedToken issued = databaseToken(Optional.of(NOW.plusSeconds(30)), Permission.read("db1"));
    tollgate.clock().advance(Duration.ofSeconds(29));
    assertThat(authorize(issued.secret().value(), READ_DB1).valid()).isTrue();

    tollgate.clock().advance(Duration.ofSeconds(1));

    assertThat(authorize(issued.secret().value(), READ_DB1).valid()).isFalse();
  }

  @Test
  void emptyTokenWithoutPermissions_theHealthProbe_isInvalidNotAnError() {
    AuthorizationDecision decision = tollgate.authorize().authorize(
        new AuthorizeUseCase.Request(new byte[0], List.of()));

    assertThat(decision.valid()).isFalse();
    assertThat(decision.reason()).isEqualTo("malformed: empty");
  }

  @Test
  void malformedOrUnknownTokens_authorize_areInvalid() {
    String unknown = TokenFormat.DATABASE.generate(new DeterministicRandomSource(5)).value();
    String typo = unknown.substring(0, 40) + (unknown.charAt(40) == 'a' ? 'b' : 'a') + unknown.substring(41);

    assertThat(authorize(unknown, READ_DB1).reason()).isEqualTo("unknown token");
    assertThat(authorize(typo, READ_DB1).reason()).isEqualTo("malformed: bad_checksum");
    assertThat(authorize("Bearer xyz", READ_DB1).valid()).isFalse();
    assertThat(tollgate.authorize().authorize(new AuthorizeUseCase.Request(
        new byte[] {(byte) 0xff, (byte) 0xfe}, List.of(READ_DB1))).valid()).isFalse();
  }

  @Test
  void managementToken_authorize_isValidWithItsIdAndNoPermissions() {
    IssuedToken management = tollgate.createManagementToken().create(
        new CreateManagementTokenUseCase.Command(Caller.bootstrapAdmin(), Description.NONE,
            Optional.empty()));

    AuthorizationDecision decision = authorize(management.secret().value(), READ_DB1);

    assertThat(decision.valid()).isTrue();
    assertThat(decision.subject()).contains(management.token().id().toString());
    assertThat(decision.granted()).isEmpty();
  }

  @Test
  void request_toString_neverShowsTheToken() {
    String secret = databaseToken(Optional.empty()).secret().value();

    assertThat(new AuthorizeUseCase.Request(secret.getBytes(StandardCharsets.UTF_8), List.of())
        .toString().contains(secret)).as("holds no token string").isFalse();
  }

  @Test
  void eachKindOfAnswer_authorize_saysItsOutcomeInOneWord() {
    IssuedToken reader = databaseToken(Optional.of(NOW.plus(Duration.ofHours(1))),
        Permission.read("db1"));
    String management = tollgate.createManagementToken().create(
        new CreateManagementTokenUseCase.Command(Caller.bootstrapAdmin(), new Description("m"),
            Optional.empty())).secret().value();

    assertThat(authorize(reader.secret().value(), READ_DB1).outcome())
        .isEqualTo(AuthorizationDecision.Outcome.GRANTED);
    assertThat(authorize(reader.secret().value(), READ_DB1, WRITE_DB1).outcome())
        .isEqualTo(AuthorizationDecision.Outcome.PARTLY_GRANTED);
    assertThat(authorize(reader.secret().value(), WRITE_DB2).outcome())
        .isEqualTo(AuthorizationDecision.Outcome.DENIED);
    assertThat(authorize(management, READ_DB1).outcome())
        .isEqualTo(AuthorizationDecision.Outcome.MANAGEMENT_TOKEN);
    assertThat(authorize("apiv1_nope", READ_DB1).outcome())
        .isEqualTo(AuthorizationDecision.Outcome.MALFORMED);
    assertThat(authorize(TokenFormat.DATABASE.generate(new DeterministicRandomSource(99)).value(),
        READ_DB1).outcome()).isEqualTo(AuthorizationDecision.Outcome.UNKNOWN);
    tollgate.clock().advance(Duration.ofHours(1));
    assertThat(authorize(reader.secret().value(), READ_DB1).outcome())
        .isEqualTo(AuthorizationDecision.Outcome.EXPIRED);
    assertThat(AuthorizationDecision.Outcome.PARTLY_GRANTED.label()).isEqualTo("partly_granted");
  }
}
