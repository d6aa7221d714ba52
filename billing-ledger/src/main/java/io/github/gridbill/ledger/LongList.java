package io.github.gridbill.ledger;

import java.util.Arrays;

/** A growable array of {@code long}s (entry sequences of an account). Not thread-safe. */
final class LongList {
  private long[] values = new long[4];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  long get(int index) {
    return values[index];
  }

  long last() {
    return size == 0 ? 0 : values[size - 1];
  }

  int size() {
    return size;
  }

  long[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
