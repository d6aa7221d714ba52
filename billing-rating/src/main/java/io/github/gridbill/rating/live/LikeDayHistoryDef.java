package io.github.gridbill.rating.live;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.rating.IntervalSeries;
import java.time.Period;
import org.immutables.value.Value;

/**
 * An account's interval data from an earlier cycle, for like-day projections ({@link ProjectionMethod#LIKE_DAY}),
 * the usage-over-last-cycle alert and the reference day of the meter-fault alerts.
 *
 * <p>Interval {@code t} of the cycle is like the interval at local time {@code t − lookback} of the series:
 * {@code LikeDayHistory.of(lastMonth, Period.ofWeeks(4))} compares each day with the same weekday four weeks earlier,
 * {@code Period.ofMonths(1)} with the same date last month, {@code Period.ofYears(1)} with the same date last year.
 * The series must have the plan's interval length. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class LikeDayHistoryDef {

  /**
   * The earlier interval data.
   *
   * @return the series
   */
  @Value.Parameter
  public abstract IntervalSeries series();

  /**
   * How far back the like day is, in local calendar terms.
   *
   * @return the period, positive
   */
  @Value.Parameter
  public abstract Period lookback();

  @Value.Check
  void check() {
    Period p = lookback();
    if (p.isNegative() || p.isZero() || p.getYears() < 0 || p.getMonths() < 0 || p.getDays() < 0) {
      throw new ValidationException("lookback", p, "must be positive in every unit");
    }
    if (series().size() == 0) {
      throw new ValidationException("series", series(), "must hold at least one interval");
    }
  }
}
