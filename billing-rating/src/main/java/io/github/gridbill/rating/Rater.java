package io.github.gridbill.rating;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.IntervalGrid;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Rates meter data against a compiled {@link RatingPlan}: {@code rater.rate(plan, series, state)} returns the bill and
 * the state for the next bill.
 *
 * <p>The per-interval work is one pass over runs of intervals that share their TOU periods, adding and comparing
 * {@code long}s only (and a second pass for tariffs whose tiers fill in time order across periods); pricing,
 * net-metering settlement, minimums and taxes then work on a few dozen per-period totals. Rating is a pure function of
 * (plan, series, state): the same inputs always give the same bill.
 *
 * <p>The series must cover the plan's grid with the same interval length; data before the billing period serves as
 * history for demand-response baselines. Intervals marked {@link ReadingQuality#MISSING} must be estimated first (by a
 * declared rule) and are refused. On any error nothing is returned: there are no partly rated bills.
 *
 * <p>A rater is stateless and thread-safe.
 */
public final class Rater {

  private Rater() {}

  /**
   * A rater.
   *
   * @return the rater, never null
   */
  public static Rater create() {
    return new Rater();
  }

  /**
   * Rates a new account's first bill.
   *
   * @param plan the compiled plan, not null
   * @param series the meter data, covering the plan's grid, not null
   * @return the bill and the state after it, never null
   * @throws MeterDataException if the series does not cover the period, has another interval length, or has missing
   *     intervals in the period
   */
  public RatedBill rate(RatingPlan plan, IntervalSeries series) {
    return rate(plan, series, BillingState.initial());
  }

  /**
   * Rates a bill, given the state the previous bill left.
   *
   * @param plan the compiled plan, not null
   * @param series the meter data, covering the plan's grid, not null
   * @param state the state after the previous bill, not null
   * @return the bill and the state after it, never null
   * @throws MeterDataException if the series does not cover the period, has another interval length, or has missing
   *     intervals in the period
   * @throws ValidationException if the state's last bill does not end where this period starts
   */
  public RatedBill rate(RatingPlan plan, IntervalSeries series, BillingState state) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(state, "state");
    int shift = checkCoverage(plan, series);
    state.lastPeriodEnd().ifPresent(end -> {
      if (!end.equals(plan.period().startInclusive())) {
        throw new ValidationException("state.lastPeriodEnd", end,
            "must equal the billing period's start " + plan.period().startInclusive()
                + " (bills must follow on; use BillingState.initial() for a new account)");
      }
    });
    return new BillAssembler(plan, new SeriesSource(plan, series, shift), state).assemble();
  }

  /** Checks the series covers the plan grid; returns the series index of the plan's first interval. */
  static int checkCoverage(RatingPlan plan, IntervalSeries series) {
    IntervalGrid g = plan.grid();
    IntervalGrid sg = series.grid();
    if (sg.length() != g.length()) {
      throw new MeterDataException("series.intervalLength", -1, null, sg.length().minutes() + " minutes",
          "must equal the plan's interval length of " + g.length().minutes() + " minutes");
    }
    if (g.count() == 0) {
      return 0;
    }
    int shift = sg.indexOf(g.start());
    if (shift < 0 || !sg.intervalStart(shift).equals(g.start())) {
      throw new MeterDataException("series", -1, g.start(), sg,
          "must have an interval starting at the billing period's start");
    }
    if (shift + g.count() > series.size()) {
      throw new MeterDataException("series", series.size(), sg.end(), sg,
          "must cover the billing period to its end " + g.end());
    }
    byte @Nullable [] q = series.quality;
    if (q != null) {
      for (int i = shift; i < shift + g.count(); i++) {
        if (q[i] == ReadingQuality.MISSING.code()) {
          throw new MeterDataException("quality", i, sg.intervalStart(i), ReadingQuality.MISSING,
              "must be estimated before rating (missing intervals are filled only by a declared estimation rule)");
        }
      }
    }
    return shift;
  }
}
