package io.github.gridbill.rating;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.tariff.DemandBasis;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffSegment;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tariff compiled for one billing period and interval length: the per-interval TOU periods of every schedule laid
 * out once as runs of consecutive intervals that share them, tier tables resolved and rates escalated.
 *
 * <p>Compile once, rate many meters: {@code RatingPlan plan = RatingPlan.compile(tariff, period,
 * IntervalLength.FIFTEEN_MINUTES);} then {@code rater.rate(plan, series, state)} for each meter on the tariff. A
 * tariff change inside the period splits the plan into segments, each with its own version and days-based proration.
 * Compilation validates everything that can be checked without meter data (version coverage, schedule granularity
 * against the interval length, price series coverage) and throws {@link ValidationException} naming the field.
 *
 * <p>A plan is immutable and thread-safe: share it between threads and raters.
 */
public final class RatingPlan {
  /**
   * The most intervals one plan covers: 2^24 (16,777,216), 31.9 years of 1-minute intervals or 479 of 15-minute
   * ones; a plan keeps per-interval tables, so a longer period would only run out of memory.
   */
  public static final int MAX_INTERVALS = 1 << 24;

  static {
    // live rating (io.github.gridbill.rating.live) reaches the engine's internals through this bridge
    io.github.gridbill.rating.internal.LiveKernels.register(LiveKernelImpl::compile);
  }

  private final Tariff tariff;
  private final BillingPeriod period;
  private final IntervalLength length;
  private final IntervalGrid grid;
  final List<SegmentPlan> segments;

  private RatingPlan(Tariff tariff, BillingPeriod period, IntervalLength length, IntervalGrid grid,
      List<SegmentPlan> segments) {
    this.tariff = tariff;
    this.period = period;
    this.length = length;
    this.grid = grid;
    this.segments = segments;
  }

  /**
   * Compiles a tariff for a billing period.
   *
   * @param tariff the tariff, not null
   * @param period the billing period, not null, in the tariff's zone
   * @param length the meter interval length, not null
   * @return the plan, never null
   * @throws ValidationException if the period is not covered by the tariff's versions, is in another zone, is not a
   *     whole number of intervals, holds more than {@value #MAX_INTERVALS} intervals, a schedule changes period
   *     inside an interval, or a price series does not cover the period
   */
  public static RatingPlan compile(Tariff tariff, BillingPeriod period, IntervalLength length) {
    Objects.requireNonNull(tariff, "tariff");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(length, "length");
    IntervalGrid grid = IntervalGrid.forPeriod(period, length);
    if (grid.count() > MAX_INTERVALS) {
      throw new ValidationException("period", period, "must hold at most " + MAX_INTERVALS + " " + length.minutes()
          + "-minute intervals for a rating plan, but holds " + grid.count());
    }
    List<TariffSegment> segs = tariff.segments(period);
    List<SegmentPlan> plans = new ArrayList<>(segs.size());
    for (TariffSegment s : segs) {
      plans.add(SegmentPlan.compile(tariff, period, s, grid, length));
    }
    return new RatingPlan(tariff, period, length, grid, List.copyOf(plans));
  }

  /**
   * The tariff.
   *
   * @return the tariff, never null
   */
  public Tariff tariff() {
    return tariff;
  }

  /**
   * The billing period.
   *
   * @return the period, never null
   */
  public BillingPeriod period() {
    return period;
  }

  /**
   * The interval length the plan rates.
   *
   * @return the length, never null
   */
  public IntervalLength intervalLength() {
    return length;
  }

  /**
   * The grid of the billing period: the intervals a series must cover.
   *
   * @return the grid, never null
   */
  public IntervalGrid grid() {
    return grid;
  }

  /**
   * The tariff segments (one, unless a version change splits the period).
   *
   * @return the segments, never null
   */
  public List<TariffSegment> segments() {
    List<TariffSegment> out = new ArrayList<>();
    for (SegmentPlan s : segments) {
      out.add(s.segment);
    }
    return out;
  }

  /**
   * The number of runs of intervals sharing the same periods, summed over segments (a measure of the plan's work).
   *
   * @return the run count
   */
  public int runCount() {
    int n = 0;
    for (SegmentPlan s : segments) {
      n += s.runStart.length;
    }
    return n;
  }

  /**
   * Whether a segment's kWh/kW tier bounds are sized by the bill's billing demand rather than by its peak (RATING.md,
   * Tiers and Determinants): the segment's own version asks for it ({@code perKwTierDemand = BILLING_DEMAND}) and the
   * bill has a billing demand. A bill has one billing demand, by the ratchet of its last segment's version, whatever
   * the segment's own version has; without one, every segment sizes them by the peak. The bill and
   * {@link IntervalCharges} both decide by this one rule.
   *
   * @param sp one of this plan's segments
   * @return true when the bounds need the billing demand
   */
  boolean perKwTiersUseBillingDemand(SegmentPlan sp) {
    return sp.version.conventions().perKwTierDemand() == DemandBasis.BILLING_DEMAND
        && segments.get(segments.size() - 1).version.ratchet().isPresent();
  }

  @Override
  public String toString() {
    return "RatingPlan[" + tariff.id() + ", " + period + ", " + length.minutes() + " min, " + segments.size()
        + " segment(s), " + runCount() + " runs]";
  }
}
