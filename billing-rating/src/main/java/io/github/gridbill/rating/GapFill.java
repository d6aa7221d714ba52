package io.github.gridbill.rating;

import io.github.gridbill.core.ValidationException;
import java.time.Duration;
import java.util.Objects;

/**
 * The declared rule by which {@link IntervalReadings} fills intervals that have no reading. There is no silent
 * default: {@link #none()} refuses gaps.
 *
 * <p>{@code GapFill.linear(Duration.ofHours(1))} interpolates gaps of up to one hour between the valid neighbours
 * (each filled value is the straight line's value, rounded half-up to mWh) and
 * leaves longer gaps MISSING; {@code GapFill.zero()} fills with 0 (a de-energised meter). Filled intervals are marked
 * {@link ReadingQuality#ESTIMATED} with their {@link EstimationMethod}, and bill lines count them.
 * Instances are immutable and thread-safe.
 */
public final class GapFill {
  /** The kinds of rule. */
  enum Kind {
    NONE,
    LINEAR,
    ZERO,
    LEAVE_MISSING
  }

  private final Kind kind;
  private final Duration maxGap;

  private GapFill(Kind kind, Duration maxGap) {
    this.kind = kind;
    this.maxGap = maxGap;
  }

  /**
   * Gaps are an error.
   *
   * @return the rule, never null
   */
  public static GapFill none() {
    return new GapFill(Kind.NONE, Duration.ZERO);
  }

  /**
   * Gaps stay MISSING (for a VEE step to estimate later); such a series cannot be rated until they are filled.
   *
   * @return the rule, never null
   */
  public static GapFill leaveMissing() {
    return new GapFill(Kind.LEAVE_MISSING, Duration.ZERO);
  }

  /**
   * Linear interpolation across gaps up to a length; longer gaps stay MISSING.
   *
   * @param maxGap the longest gap to interpolate, positive, not null
   * @return the rule, never null
   * @throws ValidationException if maxGap is not positive
   */
  public static GapFill linear(Duration maxGap) {
    Objects.requireNonNull(maxGap, "maxGap");
    if (maxGap.isNegative() || maxGap.isZero()) {
      throw new ValidationException("maxGap", maxGap, "must be positive");
    }
    return new GapFill(Kind.LINEAR, maxGap);
  }

  /**
   * Zero for every gap (a de-energised meter).
   *
   * @return the rule, never null
   */
  public static GapFill zero() {
    return new GapFill(Kind.ZERO, Duration.ZERO);
  }

  Kind kind() {
    return kind;
  }

  Duration maxGap() {
    return maxGap;
  }

  @Override
  public String toString() {
    return kind == Kind.LINEAR ? "linear up to " + maxGap : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
