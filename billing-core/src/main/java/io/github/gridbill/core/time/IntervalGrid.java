package io.github.gridbill.core.time;

import io.github.gridbill.core.ValidationException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A grid of {@code count} equal, back-to-back intervals starting at an instant: interval {@code i} is
 * {@code [start + i × length, start + (i + 1) × length)}.
 *
 * <p>Counts follow real elapsed time, so they are DST-correct: a 15-minute grid over 2024-03-10 in
 * {@code America/New_York} (a 23-hour day) has 92 intervals, over 2024-11-03 (25 hours) 100.
 *
 * <p>This class is immutable and thread-safe; treat it as a value type and do not rely on identity.
 */
public final class IntervalGrid implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Instant start;
  private final IntervalLength length;
  private final int count;

  private IntervalGrid(Instant start, IntervalLength length, int count) {
    this.start = start;
    this.length = length;
    this.count = count;
  }

  /**
   * A grid of a number of intervals from a start instant.
   *
   * @param start the start of the first interval, not null
   * @param length the interval length, not null
   * @param count the number of intervals, not negative
   * @return the grid, never null
   * @throws ValidationException if {@code count} is negative
   */
  public static IntervalGrid of(Instant start, IntervalLength length, int count) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(length, "length");
    if (count < 0) {
      throw new ValidationException("count", count, "must not be negative");
    }
    return new IntervalGrid(start, length, count);
  }

  /**
   * The grid that exactly covers a billing period.
   *
   * @param period the period, not null
   * @param length the interval length, not null
   * @return the grid, never null
   * @throws ValidationException if the period's real duration is not a whole number of intervals (for example an
   *     hourly grid over the Lord Howe Island day with a 30-minute DST shift), or more than {@link Integer#MAX_VALUE}
   *     of them
   */
  public static IntervalGrid forPeriod(BillingPeriod period, IntervalLength length) {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(length, "length");
    return between(period.startInstant(), period.endInstant(), length);
  }

  /**
   * The grid that exactly covers {@code [startInclusive, endExclusive)}.
   *
   * @param startInclusive the start, not null
   * @param endExclusive the end, not null, not before the start
   * @param length the interval length, not null
   * @return the grid, never null
   * @throws ValidationException if the span is negative, not a whole number of intervals, or more than
   *     {@link Integer#MAX_VALUE} of them (about 4,083 years of 1-minute intervals)
   */
  public static IntervalGrid between(Instant startInclusive, Instant endExclusive, IntervalLength length) {
    Objects.requireNonNull(startInclusive, "startInclusive");
    Objects.requireNonNull(endExclusive, "endExclusive");
    Objects.requireNonNull(length, "length");
    Duration span = Duration.between(startInclusive, endExclusive);
    if (span.isNegative()) {
      throw new ValidationException("endExclusive", endExclusive, "must not be before " + startInclusive);
    }
    long seconds = span.getSeconds();
    if (span.getNano() != 0 || seconds % length.seconds() != 0) {
      throw new ValidationException(
          "period",
          "[" + startInclusive + ", " + endExclusive + ")",
          "must last a whole number of " + length.minutes() + "-minute intervals, but lasts " + span);
    }
    long count = seconds / length.seconds();
    if (count > Integer.MAX_VALUE) {
      throw new ValidationException("period", "[" + startInclusive + ", " + endExclusive + ")",
          "must hold at most " + Integer.MAX_VALUE + " " + length.minutes() + "-minute intervals, but holds " + count);
    }
    return new IntervalGrid(startInclusive, length, (int) count);
  }

  /**
   * The start of the first interval.
   *
   * @return the start, never null
   */
  public Instant start() {
    return start;
  }

  /**
   * The end of the last interval (exclusive).
   *
   * @return the end, never null
   */
  public Instant end() {
    return start.plusSeconds((long) count * length.seconds());
  }

  /**
   * The interval length.
   *
   * @return the length, never null
   */
  public IntervalLength length() {
    return length;
  }

  /**
   * The number of intervals.
   *
   * @return the count, not negative
   */
  public int count() {
    return count;
  }

  /**
   * The start of interval {@code index}.
   *
   * @param index the interval index, 0 to {@code count - 1}
   * @return the start instant, never null
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public Instant intervalStart(int index) {
    Objects.checkIndex(index, count);
    return start.plusSeconds((long) index * length.seconds());
  }

  /**
   * The index of the interval containing an instant, or -1 if the instant is outside the grid.
   *
   * @param instant the instant, not null
   * @return the index, or -1
   */
  public int indexOf(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    long s = Duration.between(start, instant).toSeconds();
    if (s < 0 || instant.compareTo(end()) >= 0) {
      return -1;
    }
    return (int) (s / length.seconds());
  }

  @Override
  public boolean equals(@Nullable Object obj) {
    if (!(obj instanceof IntervalGrid g)) {
      return false;
    }
    return start.equals(g.start) && length == g.length && count == g.count;
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, length, count);
  }

  @Override
  public String toString() {
    return count + " × " + length.minutes() + " min from " + start;
  }
}
