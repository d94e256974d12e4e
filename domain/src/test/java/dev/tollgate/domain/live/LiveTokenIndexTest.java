package dev.tollgate.domain.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenStatus;
import dev.tollgate.domain.model.TokenString;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveTokenIndexTest {

  private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

  private final DeterministicRandomSource random = new DeterministicRandomSource(3);
  private final LiveTokenIndex index = new LiveTokenIndex();

  private Token stored(TokenString secret, Set<Permission> permissions) {
    return Token.issue(new TokenId(UUID.randomUUID()), secret, new Description("x"), permissions,
        Optional.of(T0.plusSeconds(60)), "bootstrap-admin", T0).atVersion(1);
  }

  @Test
  void storedToken_apply_isFoundByTheDigestOfItsStringOnly() {
    TokenString secret = TokenFormat.DATABASE.generate(random);
    Token token = stored(secret, Set.of(Permission.read("db1")));

    assertThat(index.apply(token.access())).isTrue();

    LiveToken held = index.get(TokenDigest.of(secret));
    assertThat(held.holder()).isEqualTo(LiveToken.Holder.DATABASE_TOKEN);
    assertThat(held.subject()).isEqualTo(token.id().toString());
    assertThat(held.caller()).isEqualTo(new Caller.DatabaseTokenHolder(token.id()));
    assertThat(held.state().statusAt(T0.plusSeconds(60))).isEqualTo(TokenStatus.EXPIRED);
    assertThat(index.get(TokenDigest.of(TokenFormat.DATABASE.generate(random)))).isNull();
    assertThat(held.toString().contains(secret.value())).as("holds no token string").isFalse();
  }

  @Test
  void olderOrSameVersion_apply_changesNothing_newerReplacesTheState() {
    TokenString secret = TokenFormat.DATABASE.generate(random);
    Token v1 = stored(secret, Set.of());
    Token v2 = v1.revoke("user:bob", T0.plusSeconds(1)).atVersion(2);
    index.apply(v2.access());

    assertThat(index.apply(v1.access())).isFalse();
    assertThat(index.apply(v2.access())).isFalse();
    assertThat(index.get(TokenDigest.of(secret)).state().statusAt(T0)).isEqualTo(TokenStatus.REVOKED);
    Token v3 = v2.atVersion(3);
    assertThat(index.apply(v3.access())).isTrue();
    assertThat(index.get(TokenDigest.of(secret)).version()).isEqualTo(3);
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void tokensWithEqualPermissions_apply_shareOneCompiledGrants() {
    Set<Permission> same = Set.of(Permission.read("db1"), Permission.write("db1"));
    TokenString first = TokenFormat.DATABASE.generate(random);
    TokenString second = TokenFormat.DATABASE.generate(random);
    index.apply(stored(first, same).access());
    index.apply(stored(second, Set.of(Permission.write("db1"), Permission.read("db1")))
        .access());

    assertThat(index.get(TokenDigest.of(first)).state().grants())
        .isSameAs(index.get(TokenDigest.of(second)).state().grants());
  }

  @Test
  void bootstrapAdmin_apply_isFoundAsTheBootstrapAdminWithoutAnId() {
    TokenString secret = TokenFormat.MANAGEMENT.generate(random);

    index.applyBootstrapAdmin(secret.hash());

    LiveToken held = index.get(TokenDigest.of(secret));
    assertThat(held.caller()).isEqualTo(Caller.bootstrapAdmin());
    assertThat(held.subject()).isEqualTo("bootstrap-admin");
    assertThat(held.id()).isEmpty();
    assertThat(index.knowsBootstrapAdmin()).isTrue();
  }
}
