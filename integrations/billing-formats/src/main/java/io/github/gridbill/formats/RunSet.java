package io.github.gridbill.formats;

import java.util.Map;
import java.util.TreeMap;

/**
 * The covered parts of a line as disjoint half-open runs {@code [start, end)}, for overlap checks on readings that
 * usually arrive in order: appending right after the current run costs two comparisons and no allocation; anything else
 * goes through a sorted map. Not thread-safe.
 */
final class RunSet {
  private final TreeMap<Long, Long> runs = new TreeMap<>();
  private long curStart = Long.MIN_VALUE;
  private long curEnd = Long.MIN_VALUE;
  private long nextStart = Long.MAX_VALUE;

  /**
   * Adds {@code [start, end)}.
   *
   * @param start the start, inclusive
   * @param end the end, exclusive, greater than start
   * @return false (and nothing added) if it overlaps what is there
   */
  boolean add(long start, long end) {
    if (curStart != Long.MIN_VALUE && start == curEnd && end <= nextStart) {
      curEnd = end;
      if (end == nextStart) {
        curEnd = java.util.Objects.requireNonNull(runs.remove(nextStart));
        Long n = runs.higherKey(curStart);
        nextStart = n == null ? Long.MAX_VALUE : n;
      }
      return true;
    }
    if (curStart != Long.MIN_VALUE) {
      if (start < curEnd && end > curStart) {
        return false;
      }
      runs.put(curStart, curEnd);
    }
    Map.Entry<Long, Long> before = runs.floorEntry(start);
    if (before != null && before.getValue() > start) {
      restoreCurrent();
      return false;
    }
    Map.Entry<Long, Long> after = runs.ceilingEntry(start);
    if (after != null && after.getKey() < end) {
      restoreCurrent();
      return false;
    }
    long s = start;
    long e = end;
    if (before != null && before.getValue() == start) {
      s = before.getKey();
      runs.remove(before.getKey());
    }
    if (after != null && after.getKey() == end) {
      e = after.getValue();
      runs.remove(after.getKey());
    }
    curStart = s;
    curEnd = e;
    Long n = runs.higherKey(s);
    nextStart = n == null ? Long.MAX_VALUE : n;
    return true;
  }

  private void restoreCurrent() {
    if (curStart != Long.MIN_VALUE) {
      runs.remove(curStart);
    }
  }
}
