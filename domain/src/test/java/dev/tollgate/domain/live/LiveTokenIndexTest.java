package dev.tollgate.domain.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.model.BootstrapAdmin;
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

    index.setBootstrapAdmin(BootstrapAdmin.registered(1, secret.hash(), "memory", T0));

    LiveToken held = index.get(TokenDigest.of(secret));
    assertThat(held.caller()).isEqualTo(Caller.bootstrapAdmin());
    assertThat(held.subject()).isEqualTo("bootstrap-admin");
    assertThat(held.id()).isEmpty();
    assertThat(index.bootstrapGeneration()).isEqualTo(1);
  }

  @Test
  void bootstrapAdminRotated_anOlderGenerationReadLate_isIgnored() {
    TokenString first = TokenFormat.MANAGEMENT.generate(random);
    TokenString second = TokenFormat.MANAGEMENT.generate(random);
    BootstrapAdmin registered = BootstrapAdmin.registered(1, first.hash(), "a", T0);
    index.setBootstrapAdmin(registered);
    index.setBootstrapAdmin(BootstrapAdmin.registered(2, second.hash(), "b", T0));

    assertThat(index.setBootstrapAdmin(registered)).isFalse();

    assertThat(index.get(TokenDigest.of(first))).isNull();
    assertThat(index.get(TokenDigest.of(second))).isNotNull();
  }

  @Test
  void tokenRotatedTwice_applyTheLatestOnly_retiresTheFirstString() {
    TokenString s1 = TokenFormat.DATABASE.generate(random);
    TokenString s2 = TokenFormat.DATABASE.generate(random);
    TokenString s3 = TokenFormat.DATABASE.generate(random);
    Token first = stored(s1, Set.of(Permission.read("db1")));
    index.apply(first.access());
    Token latest = first.rotate(s2, java.time.Duration.ZERO, T0).rotate(s3,
        java.time.Duration.ofHours(1), T0.plusSeconds(1)).atVersion(first.version() + 2);

    assertThat(index.apply(latest.access())).isTrue();

    assertThat(index.get(TokenDigest.of(s1))).as("first string").isNull();
    assertThat(index.get(TokenDigest.of(s2))).as("previous string").isNotNull();
    assertThat(index.get(TokenDigest.of(s3))).as("current string").isNotNull();
    assertThat(index.size()).isEqualTo(2);
    assertThat(index.removeAll(java.util.List.of(first.id()))).isEqualTo(1);
    assertThat(index.size()).isZero();
  }

  /** The same token id and version as {@code token}, stored with another string. */
  private static Token sameVersionWithAnotherString(Token token, TokenString other) {
    return Token.issue(token.id(), other, new Description("x"), token.permissions(),
        Optional.of(T0.plusSeconds(60)), "bootstrap-admin", T0).atVersion(token.version());
  }

  @Test
  void heldAsStored_compare_isSame_andRepair_changesNothing() {
    Token token = stored(TokenFormat.DATABASE.generate(random), Set.of(Permission.read("db1")));
    index.apply(token.access());

    assertThat(index.compare(token.access())).isEqualTo(LiveTokenIndex.Agreement.SAME);
    assertThat(index.repair(token.access())).isFalse();
  }

  @Test
  void sameVersionHeldWithAnotherString_compare_isDifferent_andRepair_holdsTheStoresOnly() {
    TokenString held = TokenFormat.DATABASE.generate(random);
    TokenString storedString = TokenFormat.DATABASE.generate(random);
    Token token = stored(held, Set.of(Permission.read("db1")));
    index.apply(token.access());
    Token store = sameVersionWithAnotherString(token, storedString);

    assertThat(index.compare(store.access())).isEqualTo(LiveTokenIndex.Agreement.DIFFERENT);
    assertThat(index.repair(store.access())).isTrue();

    assertThat(index.get(TokenDigest.of(held))).as("the string memory held").isNull();
    assertThat(index.get(TokenDigest.of(storedString))).as("the stored string").isNotNull();
    assertThat(index.compare(store.access())).isEqualTo(LiveTokenIndex.Agreement.SAME);
    assertThat(index.repair(store.access())).isFalse();
  }

  @Test
  void sameVersionHeldInAnotherState_compare_isDifferent_andRepair_takesTheStoredState() {
    TokenString secret = TokenFormat.DATABASE.generate(random);
    Token token = stored(secret, Set.of(Permission.read("db1")));
    index.apply(token.access());
    Token revokedAtSameVersion = token.revoke("user:bob", T0).atVersion(token.version());

    assertThat(index.compare(revokedAtSameVersion.access()))
        .isEqualTo(LiveTokenIndex.Agreement.DIFFERENT);
    assertThat(index.repair(revokedAtSameVersion.access())).isTrue();

    assertThat(index.get(TokenDigest.of(secret)).state().statusAt(T0))
        .isEqualTo(TokenStatus.REVOKED);
  }

  @Test
  void sameVersionHeldWithoutThePreviousString_compare_isDifferent_andRepair_addsIt() {
    TokenString s1 = TokenFormat.DATABASE.generate(random);
    TokenString s2 = TokenFormat.DATABASE.generate(random);
    Token rotated = stored(s1, Set.of()).rotate(s2, java.time.Duration.ofHours(1), T0)
        .atVersion(2);
    Token withoutPrevious = sameVersionWithAnotherString(rotated, s2);
    index.apply(withoutPrevious.access());

    assertThat(index.compare(rotated.access())).isEqualTo(LiveTokenIndex.Agreement.DIFFERENT);
    assertThat(index.compare(withoutPrevious.access())).isEqualTo(LiveTokenIndex.Agreement.SAME);
    assertThat(index.repair(rotated.access())).isTrue();

    assertThat(index.get(TokenDigest.of(s1))).as("previous string").isNotNull();
    assertThat(index.compare(rotated.access())).isEqualTo(LiveTokenIndex.Agreement.SAME);
    assertThat(index.compare(withoutPrevious.access()))
        .isEqualTo(LiveTokenIndex.Agreement.DIFFERENT);
  }

  @Test
  void newerHeld_compare_isNewer_andRepair_keepsIt_olderOrAbsentHeld_isDifferent() {
    TokenString secret = TokenFormat.DATABASE.generate(random);
    Token v1 = stored(secret, Set.of());
    Token v2 = v1.revoke("user:bob", T0).atVersion(2);

    assertThat(index.compare(v1.access())).as("nothing held")
        .isEqualTo(LiveTokenIndex.Agreement.DIFFERENT);
    index.apply(v1.access());
    assertThat(index.compare(v2.access())).as("an older version held")
        .isEqualTo(LiveTokenIndex.Agreement.DIFFERENT);
    index.apply(v2.access());

    assertThat(index.compare(v1.access())).isEqualTo(LiveTokenIndex.Agreement.NEWER);
    assertThat(index.repair(v1.access())).isFalse();
    assertThat(index.get(TokenDigest.of(secret)).version()).isEqualTo(2);
  }

  @Test
  void tokensNotMetByARound_unmarked_areListedUpToTheLimit() {
    Token met = stored(TokenFormat.DATABASE.generate(random), Set.of());
    Token first = stored(TokenFormat.DATABASE.generate(random), Set.of());
    Token second = stored(TokenFormat.DATABASE.generate(random), Set.of());
    for (Token token : java.util.List.of(met, first, second)) {
      index.apply(token.access());
    }
    index.compareAndMark(met.access(), 1);

    assertThat(index.unmarked(1, 1)).hasSize(1).isSubsetOf(first.id(), second.id());
    assertThat(index.unmarked(1, 5)).containsExactlyInAnyOrder(first.id(), second.id());
  }

  @Test
  void bootstrapAdmin_setBootstrapAdmin_saysWhetherTheIndexChanged() {
    TokenString secret = TokenFormat.MANAGEMENT.generate(random);
    TokenString other = TokenFormat.MANAGEMENT.generate(random);

    assertThat(index.setBootstrapAdmin(BootstrapAdmin.registered(1, secret.hash(), "a", T0)))
        .isTrue();
    assertThat(index.setBootstrapAdmin(BootstrapAdmin.registered(1, other.hash(), "a", T0)))
        .as("the same generation again, however it reads").isFalse();
    assertThat(index.get(TokenDigest.of(secret))).isNotNull();
    assertThat(index.setBootstrapAdmin(BootstrapAdmin.registered(2, secret.hash(), "a", T0)))
        .as("a later generation with the same token").isFalse();
    assertThat(index.bootstrapGeneration()).isEqualTo(2);
    assertThat(index.setBootstrapAdmin(BootstrapAdmin.registered(3, other.hash(), "b", T0)))
        .isTrue();
    assertThat(index.get(TokenDigest.of(secret))).isNull();
    assertThat(index.get(TokenDigest.of(other))).isNotNull();
  }
}
