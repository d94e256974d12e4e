package dev.tollgate.domain.live.sim;

import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every token string the test has seen issued, plus a few never issued: what the invariants are
 * checked on. Each has a label for reports (T3.s2: token 3's second string; B1: the first
 * bootstrap admin string; N1: never issued), so that no report holds a token string.
 */
final class Universe {

  private final List<Oracle.Str> strings = new ArrayList<>();
  private final Set<String> values = new HashSet<>();
  private final List<TokenId> tokens = new ArrayList<>();
  private final Map<TokenId, Integer> stringsOf = new HashMap<>();
  private int bootstrapStrings;

  void add(Oracle.Str s) {
    if (values.add(s.value())) {
      strings.add(s);
    }
  }

  List<Oracle.Str> all() {
    return strings;
  }

  Oracle.Str pick(int n) {
    return strings.get(Math.floorMod(n, strings.size()));
  }

  /** The {@code n}-th token created so far, modulo their number; empty before the first. */
  Optional<TokenId> token(int n) {
    return tokens.isEmpty() ? Optional.empty()
        : Optional.of(tokens.get(Math.floorMod(n, tokens.size())));
  }

  void issued(TokenId id, TokenString secret) {
    if (!stringsOf.containsKey(id)) {
      tokens.add(id);
    }
    int n = stringsOf.merge(id, 1, Integer::sum);
    add(new Oracle.Str(secret.value(), Oracle.Owner.TOKEN, Optional.of(id),
        "T" + (tokens.indexOf(id) + 1) + ".s" + n));
  }

  /** The bootstrap admin string in the replica's data directory, if the test has not seen it. */
  void noteBootstrapFile(SimReplica replica) {
    replica.file.read().filter(kept -> !values.contains(kept.value())).ifPresent(kept ->
        add(new Oracle.Str(kept.value(), Oracle.Owner.BOOTSTRAP, Optional.empty(),
            "B" + ++bootstrapStrings)));
  }
}
