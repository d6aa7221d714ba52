package io.github.gridbill.ledger;

import java.util.function.LongFunction;

/**
 * Idempotency keys to entry sequences: an open-addressing table (linear probing, at most 3/4 full) of 64-bit key
 * hashes and sequences, 16 to 32 bytes per entry. A hash match is confirmed by reading the entry's key (the caller's function), so collisions are harmless.
 * Not thread-safe (guarded by the ledger's lock).
 */
final class KeyIndex {
  private long[] hashes = new long[1024];
  private long[] sequences = new long[1024];
  private int size;

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
    long h = hash(key);
    int mask = hashes.length - 1;
    for (int i = (int) h & mask; hashes[i] != 0; i = (i + 1) & mask) {
      if (hashes[i] == h && key.equals(keyOf.apply(sequences[i]))) {
        return sequences[i];
      }
    }
    return 0;
  }

  void put(String key, long sequence) {
    if ((size + 1) * 4L > hashes.length * 3L) {
      rehash();
    }
    insert(hash(key), sequence);
    size++;
  }

  private void insert(long h, long sequence) {
    int mask = hashes.length - 1;
    int i = (int) h & mask;
    while (hashes[i] != 0) {
      i = (i + 1) & mask;
    }
    hashes[i] = h;
    sequences[i] = sequence;
  }

  private void rehash() {
    long[] oldHashes = hashes;
    long[] oldSequences = sequences;
    hashes = new long[oldHashes.length * 2];
    sequences = new long[oldHashes.length * 2];
    for (int i = 0; i < oldHashes.length; i++) {
      if (oldHashes[i] != 0) {
        insert(oldHashes[i], oldSequences[i]);
      }
    }
  }

  int size() {
    return size;
  }
}
