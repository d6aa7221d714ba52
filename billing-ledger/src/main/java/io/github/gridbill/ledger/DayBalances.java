package io.github.gridbill.ledger;

import java.util.Arrays;

/**
 * Net movements of one account in one currency, summed per effective day, for as-of balances.
 *
 * <p>Days are kept sorted; appending in date order is O(1), a back-dated movement is inserted. {@code asOf(day)} sums
 * the shorter side of the split, so it costs at most half the number of distinct days. Not thread-safe (guarded by
 * the ledger's lock).
 */
final class DayBalances {
  private int[] days = new int[2];
  private long[] sums = new long[2];
  private int size;
  private long total;

  void add(int day, long delta) {
    total += delta;
    if (size > 0 && days[size - 1] == day) {
      sums[size - 1] += delta;
      return;
    }
    if (size == 0 || days[size - 1] < day) {
      grow();
      days[size] = day;
      sums[size] = delta;
      size++;
      return;
    }
    int i = Arrays.binarySearch(days, 0, size, day);
    if (i >= 0) {
      sums[i] += delta;
      return;
    }
    i = -i - 1;
    grow();
    System.arraycopy(days, i, days, i + 1, size - i);
    System.arraycopy(sums, i, sums, i + 1, size - i);
    days[i] = day;
    sums[i] = delta;
    size++;
  }

  private void grow() {
    if (size == days.length) {
      days = Arrays.copyOf(days, size * 2);
      sums = Arrays.copyOf(sums, size * 2);
    }
  }

  /** The balance at the end of a day. */
  long asOf(int day) {
    if (size == 0 || day >= days[size - 1]) {
      return size == 0 ? 0 : total;
    }
    if (day < days[0]) {
      return 0;
    }
    int i = Arrays.binarySearch(days, 0, size, day);
    int end = i >= 0 ? i + 1 : -i - 1;
    long s = 0;
    if (end <= size - end) {
      for (int k = 0; k < end; k++) {
        s += sums[k];
      }
      return s;
    }
    for (int k = end; k < size; k++) {
      s += sums[k];
    }
    return total - s;
  }

  long total() {
    return total;
  }
}
