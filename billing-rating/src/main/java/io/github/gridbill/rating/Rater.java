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
    SegmentTotals[] totals = new SegmentTotals[plan.segments.size()];
    for (int s = 0; s < totals.length; s++) {
      SegmentPlan sp = plan.segments.get(s);
      totals[s] = new SegmentTotals(sp.keyCount, sp.runStart.length);
      accumulate(sp, series, shift, totals[s]);
    }
    return new BillAssembler(plan, series, shift, state, totals).assemble();
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

  /** The hot loop: per run, integer sums and maxima kept in locals. */
  static void accumulate(SegmentPlan sp, IntervalSeries series, int shift, SegmentTotals t) {
    final long[] imp = series.imports;
    final long @Nullable [] exp = series.exports;
    final int[] rs = sp.runStart;
    final int[] re = sp.runEnd;
    final int[] rk = sp.runKey;
    final int runs = rs.length;
    if (exp == null) {
      for (int r = 0; r < runs; r++) {
        final int k = rk[r];
        final int from = rs[r] + shift;
        final int to = re[r] + shift;
        long sum = 0;
        long max = t.maxImp[k];
        int maxAt = t.maxImpIndex[k];
        for (int i = from; i < to; i++) {
          final long a = imp[i];
          sum += a;
          if (a > max) {
            max = a;
            maxAt = i;
          }
        }
        t.imp[k] += sum;
        t.netImp[k] += sum;
        t.runImp[r] = sum;
        t.runNetImp[r] = sum;
        t.maxImp[k] = max;
        t.maxImpIndex[k] = maxAt;
      }
    } else {
      for (int r = 0; r < runs; r++) {
        final int k = rk[r];
        final int from = rs[r] + shift;
        final int to = re[r] + shift;
        long si = 0;
        long se = 0;
        long sn = 0;
        long sx = 0;
        long max = t.maxImp[k];
        int maxAt = t.maxImpIndex[k];
        for (int i = from; i < to; i++) {
          final long a = imp[i];
          final long b = exp[i];
          si += a;
          se += b;
          final long d = a - b;
          sn += Math.max(d, 0);
          sx += Math.max(-d, 0);
          if (a > max) {
            max = a;
            maxAt = i;
          }
        }
        t.imp[k] += si;
        t.exp[k] += se;
        t.runImp[r] = si;
        t.runExp[r] = se;
        t.runNetImp[r] = sn;
        t.runNetExp[r] = sx;
        t.netImp[k] += sn;
        t.netExp[k] += sx;
        t.maxImp[k] = max;
        t.maxImpIndex[k] = maxAt;
      }
    }
    final byte @Nullable [] q = series.quality;
    if (q != null) {
      final byte @Nullable [] m = series.methods;
      for (int r = 0; r < runs; r++) {
        final int k = rk[r];
        for (int i = rs[r] + shift; i < re[r] + shift; i++) {
          if (q[i] != 0) {
            t.nonActual[k]++;
            t.methodMask[k] |= 1 << (m == null ? 0 : m[i]);
          }
        }
      }
    }
  }
}
