package dev.tollgate.domain.live;

import java.util.function.Consumer;

/**
 * The index's entries by token id: an open-addressing table (linear probing) of the entries
 * themselves, keyed by the id they carry, so that finding every string of a token costs no object
 * per token; a {@code HashMap} with a key object would add about 70 bytes to each. Not
 * thread-safe: the index touches it under its lock only.
 */
final class TokensById {

  private LiveToken[] slots = new LiveToken[1024];
  private int size;

  LiveToken get(long high, long low) {
    for (int i = slot(high, low, slots.length); ; i = next(i)) {
      LiveToken entry = slots[i];
      if (entry == null || entry.hasId(high, low)) {
        return entry;
      }
    }
  }

  /** Holds {@code entry} as its token's, replacing the one held for the same id. */
  void put(LiveToken entry) {
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    for (int i = slot(entry.idHigh(), entry.idLow(), slots.length); ; i = next(i)) {
      LiveToken held = slots[i];
      if (held == null) {
        slots[i] = entry;
        size++;
        return;
      }
      if (held.hasId(entry.idHigh(), entry.idLow())) {
        slots[i] = entry;
        return;
      }
    }
  }

  /** Forgets the token's entry; returns it, or null when none was held. */
  LiveToken remove(long high, long low) {
    int i = slot(high, low, slots.length);
    while (slots[i] != null && !slots[i].hasId(high, low)) {
      i = next(i);
    }
    LiveToken removed = slots[i];
    if (removed == null) {
      return null;
    }
    // backward-shift deletion: move up every later entry of the run that may now sit closer
    int gap = i;
    for (int j = next(gap); slots[j] != null; j = next(j)) {
      int home = slot(slots[j].idHigh(), slots[j].idLow(), slots.length);
      if (((j - home) & (slots.length - 1)) >= ((j - gap) & (slots.length - 1))) {
        slots[gap] = slots[j];
        gap = j;
      }
    }
    slots[gap] = null;
    size--;
    return removed;
  }

  int size() {
    return size;
  }

  void forEach(Consumer<LiveToken> action) {
    for (LiveToken entry : slots) {
      if (entry != null) {
        action.accept(entry);
      }
    }
  }

  private void grow() {
    LiveToken[] old = slots;
    slots = new LiveToken[old.length * 2];
    size = 0;
    for (LiveToken entry : old) {
      if (entry != null) {
        put(entry);
      }
    }
  }

  private int next(int i) {
    return (i + 1) & (slots.length - 1);
  }

  private static int slot(long high, long low, int length) {
    long mixed = (high ^ Long.rotateLeft(low, 32)) * 0x9E3779B97F4A7C15L;
    return (int) (mixed >>> 32) & (length - 1);
  }
}
