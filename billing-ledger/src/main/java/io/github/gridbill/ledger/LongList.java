package io.github.gridbill.ledger;

import java.util.Arrays;

/**
 * A growable list of entry sequences (of one account), kept as {@code int}s: 4 bytes per entry, for ledgers of up to
 * 2,147,483,647 entries. Not thread-safe.
 */
final class LongList {
  private int[] values = new int[4];
  private int size;

  void add(long value) {
    if (value > Integer.MAX_VALUE || value < 0) {
      throw new IllegalStateException("a ledger holds at most " + Integer.MAX_VALUE + " entries: " + value);
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = (int) value;
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
    long[] out = new long[size];
    for (int i = 0; i < size; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
