package io.github.gridbill.rating;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A run of consecutive intervals behind a bill line: indices {@code [firstIndex, firstIndex + count)} of the billed
 * series' grid, and their time span {@code [startInclusive, endExclusive)}.
 *
 * <p>This class is immutable and thread-safe; treat it as a value type and do not rely on identity.
 */
public final class IntervalRange {
  private final int firstIndex;
  private final int count;
  private final Instant startInclusive;
  private final Instant endExclusive;

  private IntervalRange(int firstIndex, int count, Instant startInclusive, Instant endExclusive) {
    this.firstIndex = firstIndex;
    this.count = count;
    this.startInclusive = startInclusive;
    this.endExclusive = endExclusive;
  }

  /**
   * A range of intervals.
   *
   * @param firstIndex the first interval's index in the billed grid
   * @param count how many intervals, positive
   * @param startInclusive the first interval's start, not null
   * @param endExclusive the last interval's end, not null
   * @return the range, never null
   */
  public static IntervalRange of(int firstIndex, int count, Instant startInclusive, Instant endExclusive) {
    return new IntervalRange(firstIndex, count, Objects.requireNonNull(startInclusive, "startInclusive"),
        Objects.requireNonNull(endExclusive, "endExclusive"));
  }

  /**
   * The first interval's index in the billed series' grid.
   *
   * @return the index
   */
  public int firstIndex() {
    return firstIndex;
  }

  /**
   * The number of intervals.
   *
   * @return the count
   */
  public int count() {
    return count;
  }

  /**
   * The start of the first interval.
   *
   * @return the start, never null
   */
  public Instant startInclusive() {
    return startInclusive;
  }

  /**
   * The end of the last interval.
   *
   * @return the end, never null
   */
  public Instant endExclusive() {
    return endExclusive;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof IntervalRange r)) {
      return false;
    }
    return firstIndex == r.firstIndex && count == r.count && startInclusive.equals(r.startInclusive)
        && endExclusive.equals(r.endExclusive);
  }

  @Override
  public int hashCode() {
    return Objects.hash(firstIndex, count, startInclusive);
  }

  @Override
  public String toString() {
    return "[" + startInclusive + ", " + endExclusive + ") #" + firstIndex + "+" + count;
  }
}
