package dev.tollgate.domain.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.InMemoryTollgate;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.GetDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.ListDatabaseTokensUseCase;
import dev.tollgate.domain.port.out.TokenRepository;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LastUsedLogTest {

  private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

  private final InMemoryTollgate tollgate = InMemoryTollgate.startingAt(T0);

  private IssuedToken databaseToken() {
    return tollgate.createDatabaseToken().create(new CreateDatabaseTokenUseCase.Command(
        Caller.bootstrapAdmin(), new Description("used"), Set.of(), Optional.empty()));
  }

  private void use(IssuedToken issued) {
    tollgate.authorize().authorize(new AuthorizeUseCase.Request(
        issued.secret().value().getBytes(StandardCharsets.UTF_8), List.of()));
  }

  private Optional<Instant> storedLastUse(IssuedToken issued) {
    return tollgate.repository().findById(issued.token().id()).flatMap(Token::lastUsedAt);
  }

  @Test
  void tokenUsedOftenWithinAMinute_flush_writesItsFirstUseOnce() {
    IssuedToken issued = databaseToken();
    use(issued);
    tollgate.clock().advance(Duration.ofSeconds(59));
    use(issued);

    assertThat(storedLastUse(issued)).as("nothing on the request path").isEmpty();
    assertThat(tollgate.useCases().lastUsed().flush()).isEqualTo(1);
    assertThat(storedLastUse(issued)).contains(T0);
    assertThat(tollgate.useCases().lastUsed().flush()).isZero();
  }

  @Test
  void tokenUsedHere_listAndGetOnThisReplica_showTheUseBeforeItIsWritten() {
    IssuedToken issued = databaseToken();
    tollgate.clock().advance(Duration.ofSeconds(5));
    use(issued);

    assertThat(storedLastUse(issued)).isEmpty();
    assertThat(tollgate.listDatabaseTokens().list(new ListDatabaseTokensUseCase.Query(
        Caller.bootstrapAdmin(), false)).tokens()).singleElement()
        .satisfies(token -> assertThat(token.lastUsedAt()).contains(T0.plusSeconds(5)));
    assertThat(tollgate.getDatabaseToken().get(new GetDatabaseTokenUseCase.Query(
        Caller.bootstrapAdmin(), issued.token().id(), false)).lastUsedAt())
        .contains(T0.plusSeconds(5));
  }

  @Test
  void useAMinuteLater_flush_raisesTheStoredTime() {
    IssuedToken issued = databaseToken();
    use(issued);
    tollgate.useCases().lastUsed().flush();
    tollgate.clock().advance(Duration.ofMinutes(1));

    use(issued);
    tollgate.useCases().lastUsed().flush();

    assertThat(storedLastUse(issued)).contains(T0.plus(Duration.ofMinutes(1)));
  }

  @Test
  void managementCallerAuthenticated_counts_asAUse() {
    IssuedToken management = tollgate.createManagementToken().create(
        new CreateManagementTokenUseCase.Command(Caller.bootstrapAdmin(), Description.NONE,
            Optional.empty()));

    tollgate.authenticateCaller().authenticate(management.secret().value());
    tollgate.useCases().lastUsed().flush();

    assertThat(storedLastUse(management)).contains(T0);
  }

  @Test
  void storeFails_flush_keepsTheUsesForTheNextFlush() {
    IssuedToken issued = databaseToken();
    List<Map<TokenId, Instant>> written = new ArrayList<>();
    boolean[] failing = {true};
    TokenRepository store = (TokenRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {TokenRepository.class}, (proxy, method, args) -> {
          if (failing[0]) {
            throw new IllegalStateException("store down");
          }
          @SuppressWarnings("unchecked")
          Map<TokenId, Instant> batch = (Map<TokenId, Instant>) args[0];
          written.add(batch);
          return null;
        });
    LastUsedLog log = new LastUsedLog(store);
    LiveToken held = tollgate.useCases().index().get(TokenDigest.of(issued.secret()));
    log.noteUse(held, T0);

    assertThatThrownBy(log::flush).hasMessage("store down");
    failing[0] = false;

    assertThat(log.flush()).isEqualTo(1);
    assertThat(written).containsExactly(Map.of(issued.token().id(), T0));
  }
}
