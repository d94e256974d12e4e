package dev.tollgate.domain.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.model.Authentication;
import dev.tollgate.domain.model.AuthorizationDecision;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.RequestedPermission;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The README's embedding example, kept honest. */
class EmbeddingExampleTest {

  @Test
  void readmeExample_runsAsWritten() {
    InMemoryTollgate tollgate = InMemoryTollgate.startingAt(Instant.parse("2030-01-01T00:00:00Z"));

    IssuedToken issued = tollgate.createManagementToken().create(
        new CreateManagementTokenUseCase.Command(Caller.bootstrapAdmin(), new Description("CI"),
            Optional.of(Instant.parse("2030-01-02T00:00:00Z"))));
    String secret = issued.secret().value();

    Authentication who = tollgate.authenticateCaller().authenticate(secret);
    assertThat(who).isEqualTo(new Authentication.Authenticated(
        new Caller.ManagementTokenHolder(issued.token().id()),
        Optional.of(Instant.parse("2030-01-02T00:00:00Z"))));

    tollgate.clock().advance(Duration.ofDays(1));
    assertThat(tollgate.authenticateCaller().authenticate(secret))
        .isInstanceOf(Authentication.Rejected.class);

    IssuedToken db = tollgate.createDatabaseToken().create(new CreateDatabaseTokenUseCase.Command(
        Caller.bootstrapAdmin(), new Description("reader"), Set.of(Permission.read("db1")),
        Optional.empty()));
    AuthorizationDecision decision = tollgate.authorize().authorize(new AuthorizeUseCase.Request(
        db.secret().value().getBytes(StandardCharsets.UTF_8),
        List.of(RequestedPermission.onDatabaseNamed("db1", RequestedPermission.DataAction.READ))));
    assertThat(decision.valid()).isTrue();
    assertThat(decision.granted()).containsExactly(
        RequestedPermission.onDatabaseNamed("db1", RequestedPermission.DataAction.READ));
  }

  @Test
  void sameSeed_twoTollgates_issueTheSameTokenStrings() {
    Instant start = Instant.parse("2030-01-01T00:00:00Z");
    var command = new CreateManagementTokenUseCase.Command(Caller.bootstrapAdmin(),
        Description.NONE, Optional.empty());

    String first = InMemoryTollgate.startingAt(start).createManagementToken().create(command)
        .secret().value();
    String second = InMemoryTollgate.startingAt(start).createManagementToken().create(command)
        .secret().value();

    assertThat(first).isEqualTo(second);
  }
}
