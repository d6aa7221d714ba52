package io.github.gridbill.ledger.journal;

import java.util.Arrays;

/** A growable array of {@code long}s (byte offsets by sequence). Not thread-safe. */
final class LongList {
  private long[] values = new long[1024];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size + (size >> 1));
    }
    values[size++] = value;
  }

  long get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return values[index];
  }

  int size() {
    return size;
  }
}
