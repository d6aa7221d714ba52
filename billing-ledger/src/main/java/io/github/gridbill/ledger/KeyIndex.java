package io.github.gridbill.ledger;

import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Idempotency keys to entry sequences: an open-addressing table (linear probing, at most 3/4 full) of 64-bit key
 * hashes and sequences, interleaved so that a probe touches one cache line; 16 to 32 bytes per entry. A hash match is
 * confirmed by reading the entry's key (the caller's function), so collisions are harmless.
 * Not thread-safe (guarded by the ledger's lock).
 */
final class KeyIndex {
  /** Slot {@code i} is {@code table[2i]} (the key's hash, 0 if empty) and {@code table[2i + 1]} (its sequence). */
  private long[] table = new long[2 * 1024];
  private int size;
  /** The last key hashed and its hash: a posting hashes its key to look it up, then again to index it. */
  private @Nullable String lastKey;
  private long lastHash;

  @SuppressWarnings("ReferenceEquality") // a cache of the very instance passed twice, not of equal strings
  private long hashOf(String key) {
    if (key != lastKey) {
      lastHash = hash(key);
      lastKey = key;
    }
    return lastHash;
  }

  static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  /** The sequence of the entry with this key, or 0; {@code keyOf} reads an entry's key by sequence. */
  long find(String key, LongFunction<String> keyOf) {
    long h = hashOf(key);
    long[] t = table;
    int mask = (t.length >>> 1) - 1;
    for (int i = (int) h & mask; t[2 * i] != 0; i = (i + 1) & mask) {
      if (t[2 * i] == h && key.equals(keyOf.apply(t[2 * i + 1]))) {
        return t[2 * i + 1];
      }
    }
    return 0;
  }

  void put(String key, long sequence) {
    if ((size + 1) * 4L > (table.length >>> 1) * 3L) {
      rehash();
    }
    insert(table, hashOf(key), sequence);
    size++;
  }

  private static void insert(long[] t, long h, long sequence) {
    int mask = (t.length >>> 1) - 1;
    int i = (int) h & mask;
    while (t[2 * i] != 0) {
      i = (i + 1) & mask;
    }
    t[2 * i] = h;
    t[2 * i + 1] = sequence;
  }

  private void rehash() {
    long[] old = table;
    long[] t = new long[old.length * 2];
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0) {
        insert(t, old[i], old[i + 1]);
      }
    }
    table = t;
  }

  int size() {
    return size;
  }
}
