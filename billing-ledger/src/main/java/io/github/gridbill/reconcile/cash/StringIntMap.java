package io.github.gridbill.reconcile.cash;

import java.util.Arrays;

/**
 * An open-addressing hash map from strings to non-negative ints, for the million-entry indexes of the cash engine: no
 * boxing, one array probe per look-up, {@code -1} for a missing key. The table doubles when it is half full, so the
 * expected size is only a hint. Built once, then read-only and safe to share.
 */
final class StringIntMap {
  private String[] keys;
  private int[] values;
  private int mask;
  private int size;

  StringIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new String[cap];
    values = new int[cap];
    Arrays.fill(values, -1);
    mask = cap - 1;
  }

  /** Doubles the table, re-inserting every key. */
  private void grow() {
    String[] oldKeys = keys;
    int[] oldValues = values;
    int cap = oldKeys.length << 1;
    keys = new String[cap];
    values = new int[cap];
    Arrays.fill(values, -1);
    mask = cap - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      String k = oldKeys[j];
      if (k != null) {
        int i = spread(k.hashCode()) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        values[i] = oldValues[j];
      }
    }
  }

  private static int spread(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }

  /** Adds a key; returns the value already there (and keeps it), or -1 when the key is new. */
  int putIfAbsent(String key, int value) {
    int i = spread(key.hashCode()) & mask;
    while (true) {
      String k = keys[i];
      if (k == null) {
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
          grow();
        }
        return -1;
      }
      if (k.equals(key)) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
  }

  /** The value of a key, or -1. */
  int get(String key) {
    int i = spread(key.hashCode()) & mask;
    while (true) {
      String k = keys[i];
      if (k == null) {
        return -1;
      }
      if (k.equals(key)) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }
}
