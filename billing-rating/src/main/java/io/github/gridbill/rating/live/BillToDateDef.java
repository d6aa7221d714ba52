package io.github.gridbill.rating.live;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.rating.Bill;
import io.github.gridbill.rating.RatedBill;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * The bill as it stands: every line as the final bill would show it with the readings received so far (the tier
 * reached, the current peak demand and its charge, the credits earned), fixed charges and minimums as for the whole
 * cycle, and intervals without a reading counted as zero. Once every interval has arrived it equals the batch rater's
 * bill and next state exactly.
 *
 * <p>{@code bill-to-date of M-1 as of 2024-07-11T00:00:00Z (960 of 2976 intervals, 10 days elapsed, 21 left): USD
 * 41.27}. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class BillToDateDef {

  /**
   * The bill and the state it would hand on.
   *
   * @return the rated bill
   */
  public abstract RatedBill ratedBill();

  /**
   * The end of the latest interval received (the cycle's start when none has arrived).
   *
   * @return the instant
   */
  public abstract Instant asOf();

  /**
   * Readings received (accepted) so far.
   *
   * @return the count
   */
  public abstract int intervalsReceived();

  /**
   * Intervals in the cycle.
   *
   * @return the count
   */
  public abstract int intervalsInCycle();

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
   * The bill.
   *
   * @return {@code ratedBill().bill()}
   */
  public Bill bill() {
    return ratedBill().bill();
  }

  /**
   * Whether every interval of the cycle has arrived (the bill is then the final bill).
   *
   * @return true when complete
   */
  public boolean isComplete() {
    return intervalsReceived() == intervalsInCycle();
  }

  @Override
  public String toString() {
    return "bill-to-date of " + bill().meterId() + " as of " + asOf() + " (" + intervalsReceived() + " of "
        + intervalsInCycle() + " intervals, " + daysElapsed() + " days elapsed, " + daysLeft() + " left): "
        + bill().total();
  }
}
