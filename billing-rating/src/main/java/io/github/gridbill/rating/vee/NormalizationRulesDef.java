package io.github.gridbill.rating.vee;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * How raw readings are laid on the interval grid: how far a start may be off the grid and still be taken at the
 * nearest grid start (the meter clock tolerance), and which of two conflicting readings for an interval is used.
 *
 * <p>{@code NormalizationRules.builder().clockTolerance(Duration.ofSeconds(30)).duplicates(DuplicatePolicy.REJECT)
 * .build()}; {@link #defaults()} is a 60-second tolerance and {@link DuplicatePolicy#KEEP_LATEST}. The 60 seconds are
 * GridBill's own default: the sources (California DASMMD "time check", IESO MDM/R) require a clock tolerance but the
 * value is set per utility. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class NormalizationRulesDef {

  /** The default clock tolerance: 60 seconds. */
  public static final Duration DEFAULT_CLOCK_TOLERANCE = Duration.ofSeconds(60);

  /**
   * How far a reading's start may be from the nearest grid start and still be taken at it (a CLOCK_TOLERANCE
   * finding); further off, the reading is OFF_GRID and not used. Must be less than half an interval.
   *
   * @return the tolerance, {@link #DEFAULT_CLOCK_TOLERANCE} by default
   */
  @Value.Default
  public Duration clockTolerance() {
    return DEFAULT_CLOCK_TOLERANCE;
  }

  /**
   * Which of two conflicting readings for one interval is used.
   *
   * @return the policy, {@link DuplicatePolicy#KEEP_LATEST} by default
   */
  @Value.Default
  public DuplicatePolicy duplicates() {
    return DuplicatePolicy.KEEP_LATEST;
  }

  /**
   * The defaults: 60 seconds of clock tolerance, the latest of conflicting readings kept.
   *
   * @return the rules, never null
   */
  public static NormalizationRules defaults() {
    return NormalizationRules.builder().build();
  }

  @Value.Check
  void check() {
    if (clockTolerance().isNegative()) {
      throw new ValidationException("clockTolerance", clockTolerance(), "must not be negative");
    }
  }
}
