package io.github.gridbill.rating.live;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.rating.Bill;
import java.time.Instant;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * The bill projected to the end of the cycle: the readings received plus every interval still to come filled by the
 * named method, rated as a whole, so tiers and demand charges are re-rated on the projected usage (not scaled).
 *
 * <p>{@code RUN_RATE projection of M-1 as of 2024-07-11T00:00:00Z (10 days elapsed, 21 left): USD 128.40}. Intervals
 * that can no longer arrive (older than the lateness window) are not filled: the final bill gets them from
 * estimation. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class ProjectionDef {

  /**
   * The method that filled the intervals still to come.
   *
   * @return the method
   */
  public abstract ProjectionMethod method();

  /**
   * The projected bill, line by line.
   *
   * @return the bill
   */
  public abstract Bill bill();

  /**
   * The end of the latest interval received when the projection was made.
   *
   * @return the instant
   */
  public abstract Instant asOf();

  /**
   * Whole days of the cycle up to {@link #asOf()}.
   *
   * @return the days elapsed
   */
  public abstract int daysElapsed();

  /**
   * Days of the cycle after the elapsed ones.
   *
   * @return the days left
   */
  public abstract int daysLeft();

  /**
   * Intervals the method filled.
   *
   * @return the count
   */
  public abstract int intervalsProjected();

  /**
   * Of those, the intervals a like-day projection filled at the run rate because the history lacked their like
   * interval (always 0 for {@link ProjectionMethod#RUN_RATE}).
   *
   * @return the count
   */
  public abstract int fallbackIntervals();

  /**
   * The projected total.
   *
   * @return {@code bill().total()}
   */
  public Money total() {
    return bill().total();
  }

  @Override
  public String toString() {
    return method() + " projection of " + bill().meterId() + " as of " + asOf() + " (" + daysElapsed()
        + " days elapsed, " + daysLeft() + " left): " + total();
  }
}
