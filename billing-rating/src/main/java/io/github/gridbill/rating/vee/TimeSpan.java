package io.github.gridbill.rating.vee;

import io.github.gridbill.core.ValidationException;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A half-open span of time {@code [startInclusive, endExclusive)}, for example a period in which a meter was
 * de-energised.
 *
 * <p>{@code TimeSpan.of(Instant.parse("2024-06-03T08:00:00Z"), Instant.parse("2024-06-03T12:00:00Z"))} is four hours.
 * This class is immutable and thread-safe; treat it as a value type and do not rely on identity.
 */
public final class TimeSpan {
  private final Instant startInclusive;
  private final Instant endExclusive;

  private TimeSpan(Instant startInclusive, Instant endExclusive) {
    this.startInclusive = startInclusive;
    this.endExclusive = endExclusive;
  }

  /**
   * A span.
   *
   * @param startInclusive the start, not null
   * @param endExclusive the end, not null, after the start
   * @return the span, never null
   * @throws ValidationException if the end is not after the start
   */
  public static TimeSpan of(Instant startInclusive, Instant endExclusive) {
    Objects.requireNonNull(startInclusive, "startInclusive");
    Objects.requireNonNull(endExclusive, "endExclusive");
    if (!endExclusive.isAfter(startInclusive)) {
      throw new ValidationException("endExclusive", endExclusive, "must be after startInclusive " + startInclusive);
    }
    return new TimeSpan(startInclusive, endExclusive);
  }

  /**
   * The start.
   *
   * @return the start, never null
   */
  public Instant startInclusive() {
    return startInclusive;
  }

  /**
   * The end (exclusive).
   *
   * @return the end, never null
   */
  public Instant endExclusive() {
    return endExclusive;
  }

  /**
   * Whether the span contains an instant.
   *
   * @param instant the instant, not null
   * @return true if {@code startInclusive <= instant < endExclusive}
   */
  public boolean contains(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return !instant.isBefore(startInclusive) && instant.isBefore(endExclusive);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TimeSpan s && startInclusive.equals(s.startInclusive) && endExclusive.equals(s.endExclusive);
  }

  @Override
  public int hashCode() {
    return Objects.hash(startInclusive, endExclusive);
  }

  @Override
  public String toString() {
    return "[" + startInclusive + ", " + endExclusive + ")";
  }
}
