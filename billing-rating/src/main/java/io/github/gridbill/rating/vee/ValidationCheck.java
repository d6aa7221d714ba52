package io.github.gridbill.rating.vee;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.quantity.Unit;
import io.github.gridbill.rating.IntervalSeries;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One configured check of a {@link ValidationChain}: what it looks for, its thresholds and the severity of what it
 * finds. Checks only read the data and add {@link Finding}s; a check at {@link Severity#FAILURE} also rejects the
 * intervals it flags, so later checks skip them (a spike is measured against the previous <i>valid</i> interval) and
 * the estimator replaces them.
 *
 * <p>The set of checks is closed; each factory documents its rule, its defaults and the published rule it follows.
 * Every threshold is a parameter; the defaults are GridBill's own unless a source is named (the sources publish the
 * rules but leave the numbers to each utility). Each check visits every interval at most a few times with integer
 * arithmetic only; none allocates per interval. Instances are immutable and thread-safe.
 *
 * <p>{@code ValidationCheck.spikeOverPrevious(new BigDecimal("500"), Power.ofWatts(1_000), Severity.FAILURE)}.
 */
public abstract class ValidationCheck {

  /** The default zero-run limit: runs of zero usage longer than 24 hours. */
  public static final Duration DEFAULT_ZERO_RUN = Duration.ofHours(24);
  /** The default spike over the previous valid interval: more than 1000 % above it (eleven-fold). */
  public static final BigDecimal DEFAULT_SPIKE_OVER_PREVIOUS_PERCENT = BigDecimal.valueOf(1000);
  /** The default daily spike: the day's highest interval more than 300 % above its third-highest. */
  public static final BigDecimal DEFAULT_DAILY_SPIKE_PERCENT = BigDecimal.valueOf(300);
  /** The default spike floor: intervals below 2 kW of demand are never spikes. */
  public static final Power DEFAULT_SPIKE_FLOOR = Power.ofWatts(2_000);
  /** The default usage-high threshold: average daily use more than 100 % above (double) the same period last cycle. */
  public static final BigDecimal DEFAULT_USAGE_HIGH_PERCENT = BigDecimal.valueOf(100);
  /** The default usage-low threshold: average daily use more than 50 % below (half) the same period last cycle. */
  public static final BigDecimal DEFAULT_USAGE_LOW_PERCENT = BigDecimal.valueOf(50);
  /** The default sum-check tolerance: 2 % of the register difference. */
  public static final BigDecimal DEFAULT_SUM_TOLERANCE_PERCENT = BigDecimal.valueOf(2);

  private static final long BP = 10_000L; // basis points in 100 %

  ValidationCheck() {}

  /** Runs the check over the whole window. */
  abstract void apply(ValidationRun r);

  /**
   * The check's name and configuration, for example {@code "spike-daily(300 %, floor 2 kW, WARNING)"}.
   *
   * @return the description, never null
   */
  @Override
  public abstract String toString();

  // ------------------------------------------------------------------------------------------------ factories

  /**
   * Missing intervals, at WARNING: {@link #missingIntervals(Severity)}.
   *
   * @return the check, never null
   */
  public static ValidationCheck missingIntervals() {
    return missingIntervals(Severity.WARNING);
  }

  /**
   * Missing intervals: one finding per run of intervals without a usable reading within one local day, naming the
   * day's expected count from the interval length and the day's real length (92, 96 or 100 quarter-hours on a DST
   * day of 23, 24 or 25 hours) and how many were read. Missing intervals are estimated whatever the severity.
   *
   * @param severity the severity, not null
   * @return the check, never null
   */
  public static ValidationCheck missingIntervals(Severity severity) {
    return new MissingIntervals(Objects.requireNonNull(severity, "severity"));
  }

  /**
   * Negative import and negative export, at FAILURE: {@link #negativeValues(Severity)}.
   *
   * @return the check, never null
   */
  public static ValidationCheck negativeValues() {
    return negativeValues(Severity.FAILURE);
  }

  /**
   * Negative import (NEGATIVE_IMPORT) or export (NEGATIVE_EXPORT) of a valid interval, one finding per run (Oracle
   * "Negative Consumption Check"). A series cannot hold negative values, so at a severity below FAILURE they are still
   * rejected at the end of the chain (UNUSABLE_VALUE).
   *
   * @param severity the severity, not null
   * @return the check, never null
   */
  public static ValidationCheck negativeValues(Severity severity) {
    return new NegativeValues(Objects.requireNonNull(severity, "severity"));
  }

  /**
   * Zero runs longer than {@link #DEFAULT_ZERO_RUN}, at WARNING: {@link #zeroRun(Duration, Severity)}.
   *
   * @return the check, never null
   */
  public static ValidationCheck zeroRun() {
    return zeroRun(DEFAULT_ZERO_RUN, Severity.WARNING);
  }

  /**
   * A run of consecutive valid intervals with no import and no export lasting longer than a limit on an energised
   * meter (Oracle "Zero Consumption Check"): intervals in a de-energised span ({@link VeeContext#deenergized()}) and
   * missing or rejected intervals end a run. A run during which the meter reported a power outage is reported at INFO
   * (Oracle's outage variant), whatever the severity.
   *
   * @param longerThan the limit, positive, not null
   * @param severity the severity of a run without an outage, not null
   * @return the check, never null
   * @throws ValidationException if the limit is not positive
   */
  public static ValidationCheck zeroRun(Duration longerThan, Severity severity) {
    Objects.requireNonNull(longerThan, "longerThan");
    Objects.requireNonNull(severity, "severity");
    if (longerThan.isNegative() || longerThan.isZero()) {
      throw new ValidationException("longerThan", longerThan, "must be positive");
    }
    return new ZeroRun(longerThan, severity);
  }

  /**
   * The high limit at the sane maximum {@link IntervalSeries#DEFAULT_MAX_DEMAND} (100 MW), at FAILURE.
   *
   * @return the check, never null
   */
  public static ValidationCheck highLimit() {
    return highLimit(IntervalSeries.DEFAULT_MAX_DEMAND, Severity.FAILURE);
  }

  /**
   * An absolute high limit on interval demand (Itron "Demand High Limit"): a valid interval whose energy ÷ length is
   * above the limit, one finding per run. The default is only the sane maximum every series enforces; set the
   * service's real limit (for example 50 kW for a 200 A residential service).
   *
   * @param max the limit, positive, not null
   * @param severity the severity, not null
   * @return the check, never null
   * @throws ValidationException if the limit is not positive
   */
  public static ValidationCheck highLimit(Power max, Severity severity) {
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(severity, "severity");
    if (max.milliwatts() <= 0) {
      throw new ValidationException("max", max, "must be positive");
    }
    return new Limit(true, max, severity);
  }

  /**
   * An absolute low limit on interval demand (Itron "Demand Low Limit"): a valid interval whose energy ÷ length is
   * below the limit, one finding per run. Not in {@link ValidationChain#standard()}: a sensible low limit is the
   * meter's own base load, for example 50 W for a site with a refrigerator.
   *
   * @param min the limit, not negative, not null
   * @param severity the severity, not null
   * @return the check, never null
   * @throws ValidationException if the limit is negative
   */
  public static ValidationCheck lowLimit(Power min, Severity severity) {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(severity, "severity");
    if (min.milliwatts() < 0) {
      throw new ValidationException("min", min, "must not be negative");
    }
    return new Limit(false, min, severity);
  }

  /**
   * Spikes over the previous valid interval with the defaults ({@link #DEFAULT_SPIKE_OVER_PREVIOUS_PERCENT},
   * {@link #DEFAULT_SPIKE_FLOOR}), at WARNING.
   *
   * @return the check, never null
   */
  public static ValidationCheck spikeOverPrevious() {
    return spikeOverPrevious(DEFAULT_SPIKE_OVER_PREVIOUS_PERCENT, DEFAULT_SPIKE_FLOOR, Severity.WARNING);
  }

  /**
   * A valid interval more than {@code percent} % above the previous valid interval (Itron "Demand Tolerance
   * Consecutive Intervals"), if its demand is at least the floor: {@code v × 100 > previous × (100 + percent)}. With
   * 500 %, 0.80 kWh after 0.10 kWh is a spike (700 % above), 0.60 kWh is not (exactly 500 %). A previous value of 0
   * makes any interval above the floor a spike.
   *
   * @param percent how far above, positive, at most 2 decimals, not null
   * @param floor the smallest demand that can be a spike, not negative, not null
   * @param severity the severity, not null
   * @return the check, never null
   * @throws ValidationException if the percent is not positive, has more than 2 decimals or exceeds 1,000,000, or the
   *     floor is negative
   */
  public static ValidationCheck spikeOverPrevious(BigDecimal percent, Power floor, Severity severity) {
    return new SpikePrevious(basisPoints(percent, "percent"), percent, floor(floor), severity(severity));
  }

  /**
   * Daily spikes with the defaults ({@link #DEFAULT_DAILY_SPIKE_PERCENT}, {@link #DEFAULT_SPIKE_FLOOR}), at WARNING.
   *
   * @return the check, never null
   */
  public static ValidationCheck dailySpike() {
    return dailySpike(DEFAULT_DAILY_SPIKE_PERCENT, DEFAULT_SPIKE_FLOOR, Severity.WARNING);
  }

  /**
   * A local day whose highest valid interval is more than {@code percent} % above its third-highest (Oracle "Interval
   * Spike Check", per 24-hour chunk), if the highest is at least the floor; the finding (and a rejection) is on the
   * highest interval. Days with fewer than three valid intervals are not judged.
   *
   * @param percent how far above, positive, at most 2 decimals, not null
   * @param floor the smallest demand that can be a spike, not negative, not null
   * @param severity the severity, not null
   * @return the check, never null
   * @throws ValidationException if the percent is not positive, has more than 2 decimals or exceeds 1,000,000, or the
   *     floor is negative
   */
  public static ValidationCheck dailySpike(BigDecimal percent, Power floor, Severity severity) {
    return new SpikeDaily(basisPoints(percent, "percent"), percent, floor(floor), severity(severity));
  }

  /**
   * Usage against history with the defaults ({@link #DEFAULT_USAGE_HIGH_PERCENT},
   * {@link #DEFAULT_USAGE_LOW_PERCENT}), at WARNING.
   *
   * @return the check, never null
   */
  public static ValidationCheck usageAgainstHistory() {
    return usageAgainstHistory(DEFAULT_USAGE_HIGH_PERCENT, DEFAULT_USAGE_LOW_PERCENT, Severity.WARNING);
  }

  /**
   * The window's average daily use (valid import per 24 hours of valid intervals) against
   * {@link VeeContext#historicalDailyUse()}, the same period last cycle (Oracle "High/Low Check", normalised on
   * average daily usage): USAGE_HIGH when more than {@code highPercent} % above, USAGE_LOW when more than
   * {@code lowPercent} % below. Reports nothing when the context has no history.
   *
   * @param highPercent how far above, positive, at most 2 decimals, not null
   * @param lowPercent how far below, positive, at most 100, at most 2 decimals, not null
   * @param severity the severity, not null
   * @return the check, never null
   * @throws ValidationException if a percent is not positive or has more than 2 decimals, or lowPercent exceeds 100
   */
  public static ValidationCheck usageAgainstHistory(BigDecimal highPercent, BigDecimal lowPercent,
      Severity severity) {
    long low = basisPoints(lowPercent, "lowPercent");
    if (low > BP) {
      throw new ValidationException("lowPercent", lowPercent.toPlainString(), "must not exceed 100");
    }
    return new UsageHistory(basisPoints(highPercent, "highPercent"), highPercent, low, lowPercent,
        severity(severity));
  }

  /**
   * The sum check with the default tolerance {@link #DEFAULT_SUM_TOLERANCE_PERCENT}, at WARNING.
   *
   * @return the check, never null
   */
  public static ValidationCheck sumCheck() {
    return sumCheck(DEFAULT_SUM_TOLERANCE_PERCENT, Severity.WARNING);
  }

  /**
   * The intervals between the two register reads of the context summed against the register difference times the
   * meter multiplier ({@link VeeContext#registerDifference()}; Oracle "Sum Check", Itron's register scaling
   * boundary): a finding when they differ by more than the tolerance. When intervals in the span are missing or
   * rejected the check reports at INFO what it could sum (the estimator then scales the estimates to the register).
   * Reports nothing without register reads.
   *
   * @param tolerancePercent the tolerance, not negative, at most 2 decimals, not null
   * @param severity the severity, not null
   * @return the check, never null
   * @throws ValidationException if the tolerance is negative or has more than 2 decimals
   */
  public static ValidationCheck sumCheck(BigDecimal tolerancePercent, Severity severity) {
    Objects.requireNonNull(tolerancePercent, "tolerancePercent");
    if (tolerancePercent.signum() < 0) {
      throw new ValidationException("tolerancePercent", tolerancePercent.toPlainString(), "must not be negative");
    }
    long bp = tolerancePercent.signum() == 0 ? 0 : basisPoints(tolerancePercent, "tolerancePercent");
    return new SumCheck(bp, tolerancePercent, severity(severity));
  }

  /**
   * Reverse flow at WARNING: {@link #reverseFlow(Severity)}.
   *
   * @return the check, never null
   */
  public static ValidationCheck reverseFlow() {
    return reverseFlow(Severity.WARNING);
  }

  /**
   * Export on a meter whose site has no generation ({@link VeeContext#hasGeneration()} false), one finding per run: a
   * sign of reverse installation, tampering or crossed wiring.
   *
   * @param severity the severity, not null
   * @return the check, never null
   */
  public static ValidationCheck reverseFlow(Severity severity) {
    return new ReverseFlow(severity(severity));
  }

  /**
   * Meter events carried through at their default severities: POWER_OUTAGE INFO, CLOCK_RESET WARNING, TAMPER WARNING,
   * OVERFLOW FAILURE (an overflowed register's value is wrong).
   *
   * @return the check, never null
   */
  public static ValidationCheck meterEvents() {
    Map<MeterEvent, Severity> m = new EnumMap<>(MeterEvent.class);
    m.put(MeterEvent.POWER_OUTAGE, Severity.INFO);
    m.put(MeterEvent.CLOCK_RESET, Severity.WARNING);
    m.put(MeterEvent.TAMPER, Severity.WARNING);
    m.put(MeterEvent.OVERFLOW, Severity.FAILURE);
    return meterEvents(m);
  }

  /**
   * Meter events carried through: one finding per run of read intervals flagged with an event, at the event's
   * severity; events not in the map are not reported.
   *
   * @param severities the severity of each event reported, not null
   * @return the check, never null
   */
  public static ValidationCheck meterEvents(Map<MeterEvent, Severity> severities) {
    Objects.requireNonNull(severities, "severities");
    Map<MeterEvent, Severity> m = new EnumMap<>(MeterEvent.class);
    for (Map.Entry<MeterEvent, Severity> e : severities.entrySet()) {
      m.put(Objects.requireNonNull(e.getKey(), "severities key"),
          Objects.requireNonNull(e.getValue(), "severities[" + e.getKey() + "]"));
    }
    return new MeterEvents(Collections.unmodifiableMap(m));
  }

  /** Rejects what no series can hold; always the last step of a chain. */
  static ValidationCheck unusableValues() {
    return new Unusable();
  }

  // ------------------------------------------------------------------------------------------------ helpers

  static long basisPoints(BigDecimal percent, String field) {
    Objects.requireNonNull(percent, field);
    if (percent.signum() <= 0) {
      throw new ValidationException(field, percent.toPlainString(), "must be positive");
    }
    if (percent.stripTrailingZeros().scale() > 2) {
      throw new ValidationException(field, percent.toPlainString(), "must have at most 2 decimals");
    }
    if (percent.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
      throw new ValidationException(field, percent.toPlainString(), "must not exceed 1000000");
    }
    return percent.movePointRight(2).longValueExact();
  }

  private static Power floor(Power floor) {
    Objects.requireNonNull(floor, "floor");
    if (floor.milliwatts() < 0) {
      throw new ValidationException("floor", floor, "must not be negative");
    }
    return floor;
  }

  private static Severity severity(Severity s) {
    return Objects.requireNonNull(s, "severity");
  }

  static List<Long> values(long[] a, int from, int to) {
    List<Long> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      out.add(a[i]);
    }
    return out;
  }

  static String kwh(long mwh) {
    return BigDecimal.valueOf(mwh, 6).setScale(3, RoundingMode.HALF_UP).toPlainString() + " kWh";
  }

  static String pct(BigDecimal p) {
    BigDecimal s = p.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString() + " %";
  }

  /** How far above {@code base} the value is, in whole percent (half-up), or "infinitely" for a base of 0. */
  static String above(long v, long base) {
    if (base == 0) {
      return "infinitely";
    }
    return BigDecimal.valueOf(v - base).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(base), 0, RoundingMode.HALF_UP).toPlainString() + " %";
  }

  /** How far below {@code base} (positive) the value is, in whole percent (half-up). */
  static String below(long v, long base) {
    return BigDecimal.valueOf(base - v).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(base), 0, RoundingMode.HALF_UP).toPlainString() + " %";
  }

  static Quantity percentQuantity(BigDecimal p) {
    return Quantity.of(p, Unit.PERCENT);
  }

  private static String span(ValidationRun r, int from, int to) {
    return (to - from == 1 ? "interval " : (to - from) + " intervals from ") + r.start(from);
  }

  /** The range of interval counts of a whole-day count from the day's real length. */
  static long dayIntervals(LocalDate day, ZoneId zone, int lengthSeconds) {
    long s = Duration.between(day.atStartOfDay(zone), day.plusDays(1).atStartOfDay(zone)).toSeconds();
    return s / lengthSeconds;
  }

  // ------------------------------------------------------------------------------------------------ the checks

  private static final class MissingIntervals extends ValidationCheck {
    private final Severity severity;

    MissingIntervals(Severity severity) {
      this.severity = severity;
    }

    @Override
    void apply(ValidationRun r) {
      GridReadings g = r.g;
      byte[] st = r.state;
      int lenSec = r.grid.length().seconds();
      for (int d = 0; d < g.days.length; d++) {
        int from = g.dayStart[d];
        int to = g.dayStart[d + 1];
        int missing = 0;
        for (int i = from; i < to; i++) {
          if (st[i] == GridReadings.MISSING) {
            missing++;
          }
        }
        if (missing == 0) {
          continue;
        }
        LocalDate day = g.days[d];
        long full = dayIntervals(day, g.zone, lenSec);
        long hours = full * lenSec / 3600;
        String expected = to - from == full
            ? "the day has " + (to - from - missing) + " of its " + full + " expected " + r.grid.length().minutes()
                + "-minute intervals (a " + hours + "-hour day)"
            : "the window has " + (to - from - missing) + " of its " + (to - from) + " expected intervals of this day";
        int i = from;
        while (i < to) {
          if (st[i] != GridReadings.MISSING) {
            i++;
            continue;
          }
          int j = i;
          while (j < to && st[j] == GridReadings.MISSING) {
            j++;
          }
          r.add(Finding.builder().check(CheckId.MISSING_INTERVALS)
              .message((j - i) + (j - i == 1 ? " interval" : " intervals") + " missing on " + day + " from "
                  + local(r, i) + " to " + local(r, j) + "; " + expected), severity, i, j, false);
          i = j;
        }
      }
    }

    @Override
    public String toString() {
      return "missing-intervals(" + severity + ")";
    }
  }

  /** An interval boundary's local time of day. */
  private static String local(ValidationRun r, int index) {
    java.time.Instant t = index < r.n ? r.start(index) : r.grid.end();
    return t.atZone(r.g.zone).toLocalTime().toString();
  }

  private static final class NegativeValues extends ValidationCheck {
    private final Severity severity;

    NegativeValues(Severity severity) {
      this.severity = severity;
    }

    @Override
    void apply(ValidationRun r) {
      scan(r, r.imp, CheckId.NEGATIVE_IMPORT, "import");
      scan(r, r.exp, CheckId.NEGATIVE_EXPORT, "export");
    }

    private void scan(ValidationRun r, long[] v, CheckId id, String what) {
      int n = r.n;
      int i = 0;
      while (i < n) {
        if (v[i] >= 0 || !r.valid(i)) {
          i++;
          continue;
        }
        int j = i;
        while (j < n && v[j] < 0 && r.valid(j)) {
          j++;
        }
        r.add(Finding.builder().check(id).values(values(v, i, j))
            .message("negative " + what + " in " + span(r, i, j)), severity, i, j, true);
        i = j;
      }
    }

    @Override
    public String toString() {
      return "negative-values(" + severity + ")";
    }
  }

  private static final class ZeroRun extends ValidationCheck {
    private final Duration limit;
    private final Severity severity;

    ZeroRun(Duration limit, Severity severity) {
      this.limit = limit;
      this.severity = severity;
    }

    @Override
    void apply(ValidationRun r) {
      int n = r.n;
      long[] imp = r.imp;
      long[] exp = r.exp;
      int lenSec = r.grid.length().seconds();
      long min = limit.toSeconds() / lenSec + 1; // longer than the limit
      byte[] de = r.ctx.deenergized().isEmpty() ? new byte[n] : r.deenergized();
      int i = 0;
      while (i < n) {
        if (imp[i] != 0 || exp[i] != 0 || de[i] != 0 || !r.valid(i)) {
          i++;
          continue;
        }
        int j = i;
        boolean outage = false;
        while (j < n && imp[j] == 0 && exp[j] == 0 && de[j] == 0 && r.valid(j)) {
          outage |= (r.g.events[j] & MeterEvent.POWER_OUTAGE.bit()) != 0;
          j++;
        }
        if (j - i >= min) {
          Duration run = Duration.ofSeconds((long) (j - i) * lenSec);
          r.add(Finding.builder().check(CheckId.ZERO_RUN)
              .threshold(Quantity.of(BigDecimal.valueOf(limit.toSeconds()).divide(BigDecimal.valueOf(3600), 6,
                  RoundingMode.HALF_UP).stripTrailingZeros(), Unit.HOUR))
              .message("zero usage for " + run + " (" + span(r, i, j) + ") on an energised meter, longer than "
                  + limit + (outage ? ", during a reported power outage" : "")),
              outage ? Severity.INFO : severity, i, j, true);
        }
        i = j;
      }
    }

    @Override
    public String toString() {
      return "zero-run(longer than " + limit + ", " + severity + ")";
    }
  }

  private static final class Limit extends ValidationCheck {
    private final boolean high;
    private final Power limit;
    private final Severity severity;

    Limit(boolean high, Power limit, Severity severity) {
      this.high = high;
      this.limit = limit;
      this.severity = severity;
    }

    @Override
    void apply(ValidationRun r) {
      int ph = r.grid.length().perHour();
      long p = limit.milliwatts();
      // high: v × ph > p  ⇔  v > floor(p / ph); low: v × ph < p  ⇔  v < ceil(p / ph)
      long bound = high ? Math.floorDiv(p, ph) : -Math.floorDiv(-p, ph);
      long[] imp = r.imp;
      int n = r.n;
      int i = 0;
      while (i < n) {
        if (!(high ? imp[i] > bound : imp[i] < bound) || !r.valid(i)) {
          i++;
          continue;
        }
        int j = i;
        while (j < n && (high ? imp[j] > bound : imp[j] < bound) && r.valid(j)) {
          j++;
        }
        r.add(Finding.builder().check(high ? CheckId.HIGH_LIMIT : CheckId.LOW_LIMIT).values(values(imp, i, j))
            .threshold(Quantity.of(limit))
            .message("demand " + (high ? "above" : "below") + " the " + (high ? "high" : "low") + " limit of " + limit
                + " in " + span(r, i, j)), severity, i, j, true);
        i = j;
      }
    }

    @Override
    public String toString() {
      return (high ? "high-limit(" : "low-limit(") + limit + ", " + severity + ")";
    }
  }

  private static final class ReverseFlow extends ValidationCheck {
    private final Severity severity;

    ReverseFlow(Severity severity) {
      this.severity = severity;
    }

    @Override
    void apply(ValidationRun r) {
      if (r.ctx.hasGeneration() || !r.g.anyExport) {
        return;
      }
      long[] exp = r.exp;
      int n = r.n;
      int i = 0;
      while (i < n) {
        if (exp[i] <= 0 || !r.valid(i)) {
          i++;
          continue;
        }
        int j = i;
        while (j < n && exp[j] > 0 && r.valid(j)) {
          j++;
        }
        r.add(Finding.builder().check(CheckId.REVERSE_FLOW).values(values(exp, i, j))
            .message("export on a meter without generation in " + span(r, i, j)), severity, i, j, true);
        i = j;
      }
    }

    @Override
    public String toString() {
      return "reverse-flow(" + severity + ")";
    }
  }

  private static final class SpikePrevious extends ValidationCheck {
    private final long bp;
    private final BigDecimal percent;
    private final Power floor;
    private final Severity severity;

    SpikePrevious(long bp, BigDecimal percent, Power floor, Severity severity) {
      this.bp = bp;
      this.percent = percent;
      this.floor = floor;
      this.severity = severity;
    }

    @Override
    void apply(ValidationRun r) {
      int ph = r.grid.length().perHour();
      long floorMwh = -Math.floorDiv(-floor.milliwatts(), ph);
      long k = BP + bp;
      long[] imp = r.imp;
      int n = r.n;
      int prev = -1;
      for (int i = 0; i < n; i++) {
        if (!r.valid(i)) {
          continue;
        }
        long v = imp[i];
        if (prev >= 0 && v >= floorMwh && ValidationRun.compareProducts(v, BP, imp[prev], k) > 0) {
          long p = imp[prev];
          r.add(Finding.builder().check(CheckId.SPIKE_PREVIOUS).addValue(v).addValue(p)
              .threshold(percentQuantity(percent))
              .message("import of interval " + r.start(i) + " (" + kwh(v) + ") is " + above(v, p)
                  + " above the previous valid interval (" + kwh(p) + " at " + r.start(prev) + "), more than "
                  + pct(percent)), severity, i, i + 1, true);
        }
        if (r.valid(i)) {
          prev = i;
        }
      }
    }

    @Override
    public String toString() {
      return "spike-previous(" + pct(percent) + ", floor " + floor + ", " + severity + ")";
    }
  }

  private static final class SpikeDaily extends ValidationCheck {
    private final long bp;
    private final BigDecimal percent;
    private final Power floor;
    private final Severity severity;

    SpikeDaily(long bp, BigDecimal percent, Power floor, Severity severity) {
      this.bp = bp;
      this.percent = percent;
      this.floor = floor;
      this.severity = severity;
    }

    @Override
    void apply(ValidationRun r) {
      int ph = r.grid.length().perHour();
      long floorMwh = -Math.floorDiv(-floor.milliwatts(), ph);
      long k = BP + bp;
      long[] imp = r.imp;
      GridReadings g = r.g;
      for (int d = 0; d < g.days.length; d++) {
        long m1 = Long.MIN_VALUE;
        long m2 = Long.MIN_VALUE;
        long m3 = Long.MIN_VALUE;
        int at = -1;
        int count = 0;
        for (int i = g.dayStart[d]; i < g.dayStart[d + 1]; i++) {
          if (!r.valid(i)) {
            continue;
          }
          count++;
          long v = imp[i];
          if (v > m1) {
            m3 = m2;
            m2 = m1;
            m1 = v;
            at = i;
          } else if (v > m2) {
            m3 = m2;
            m2 = v;
          } else if (v > m3) {
            m3 = v;
          }
        }
        if (count < 3 || m1 < floorMwh || ValidationRun.compareProducts(m1, BP, m3, k) <= 0) {
          continue;
        }
        r.add(Finding.builder().check(CheckId.SPIKE_DAILY).addValue(m1).addValue(m3)
            .threshold(percentQuantity(percent))
            .message("highest interval of " + g.days[d] + " (" + kwh(m1) + " at " + r.start(at) + ") is "
                + above(m1, m3) + " above the day's third-highest (" + kwh(m3) + "), more than " + pct(percent)),
            severity, at, at + 1, true);
      }
    }

    @Override
    public String toString() {
      return "spike-daily(" + pct(percent) + ", floor " + floor + ", " + severity + ")";
    }
  }

  private static final class UsageHistory extends ValidationCheck {
    private final long highBp;
    private final BigDecimal high;
    private final long lowBp;
    private final BigDecimal low;
    private final Severity severity;

    UsageHistory(long highBp, BigDecimal high, long lowBp, BigDecimal low, Severity severity) {
      this.highBp = highBp;
      this.high = high;
      this.lowBp = lowBp;
      this.low = low;
      this.severity = severity;
    }

    @Override
    void apply(ValidationRun r) {
      if (r.ctx.historicalDailyUse().isEmpty() || r.n == 0) {
        return;
      }
      long hist = r.ctx.historicalDailyUse().get().milliwattHours();
      long sum = 0;
      int count = 0;
      for (int i = 0; i < r.n; i++) {
        if (r.valid(i)) {
          sum += r.imp[i];
          count++;
        }
      }
      if (count == 0) {
        return;
      }
      long adu = BigDecimal.valueOf(sum).multiply(BigDecimal.valueOf(86_400L))
          .divide(BigDecimal.valueOf((long) count * r.grid.length().seconds()), 0, RoundingMode.HALF_UP)
          .longValueExact();
      boolean isHigh = ValidationRun.compareProducts(adu, BP, hist, BP + highBp) > 0;
      boolean isLow = ValidationRun.compareProducts(adu, BP, hist, BP - lowBp) < 0;
      if (!isHigh && !isLow) {
        return;
      }
      String how = hist == 0 ? "above a history of 0"
          : (isHigh ? above(adu, hist) + " above" : below(adu, hist) + " below")
              + " the same period last cycle (" + kwh(hist) + " per day)";
      r.add(Finding.builder().check(isHigh ? CheckId.USAGE_HIGH : CheckId.USAGE_LOW).addValue(adu).addValue(hist)
          .threshold(percentQuantity(isHigh ? high : low))
          .message("average daily use " + kwh(adu) + " over " + count + " valid intervals is " + how + ", more than "
              + pct(isHigh ? high : low)), severity, 0, r.n, false);
    }

    @Override
    public String toString() {
      return "usage-against-history(+" + pct(high) + ", -" + pct(low) + ", " + severity + ")";
    }
  }

  private static final class SumCheck extends ValidationCheck {
    private final long bp;
    private final BigDecimal tolerance;
    private final Severity severity;

    SumCheck(long bp, BigDecimal tolerance, Severity severity) {
      this.bp = bp;
      this.tolerance = tolerance;
      this.severity = severity;
    }

    @Override
    void apply(ValidationRun r) {
      VeeContext ctx = r.ctx;
      if (ctx.registerDifference().isEmpty()) {
        return;
      }
      long expected = ctx.registerDifference().get().milliwattHours();
      int from = VeeContext.boundaryIndex(r.grid, ctx.registerStart().orElseThrow().readAt());
      int to = VeeContext.boundaryIndex(r.grid, ctx.registerEnd().orElseThrow().readAt());
      long sum = 0;
      int invalid = 0;
      for (int i = from; i < to; i++) {
        if (r.valid(i)) {
          sum += r.imp[i];
        } else {
          invalid++;
        }
      }
      Finding.Builder b = Finding.builder().check(CheckId.SUM_CHECK).addValue(sum).addValue(expected)
          .threshold(percentQuantity(tolerance));
      String reg = "the register difference " + kwh(expected) + " (multiplier "
          + ctx.multiplier().stripTrailingZeros().toPlainString() + ")";
      if (invalid > 0) {
        r.add(b.message("sum check over " + (to - from - invalid) + " of " + (to - from) + " intervals: "
            + kwh(sum) + " against " + reg + "; the " + invalid + " missing or rejected intervals are left to"
            + " estimation"), Severity.INFO, from, to, false);
        return;
      }
      long diff = Math.abs(sum - expected);
      boolean fails = expected == 0 ? sum != 0 : ValidationRun.compareProducts(diff, BP, expected, bp) > 0;
      if (fails) {
        r.add(b.message("intervals sum to " + kwh(sum) + ", " + (sum > expected ? "above " : "below ") + reg + " by "
            + kwh(diff) + ", more than the " + pct(tolerance) + " tolerance"), severity, from, to, false);
      }
    }

    @Override
    public String toString() {
      return "sum-check(" + pct(tolerance) + ", " + severity + ")";
    }
  }

  private static final class MeterEvents extends ValidationCheck {
    private final Map<MeterEvent, Severity> severities;

    MeterEvents(Map<MeterEvent, Severity> severities) {
      this.severities = severities;
    }

    @Override
    void apply(ValidationRun r) {
      int[] ev = r.g.events;
      byte[] st = r.state;
      int n = r.n;
      for (Map.Entry<MeterEvent, Severity> e : severities.entrySet()) {
        int bit = e.getKey().bit();
        int i = 0;
        while (i < n) {
          if ((ev[i] & bit) == 0 || st[i] == GridReadings.MISSING) {
            i++;
            continue;
          }
          int j = i;
          while (j < n && (ev[j] & bit) != 0 && st[j] != GridReadings.MISSING) {
            j++;
          }
          r.add(Finding.builder().check(CheckId.of(e.getKey())).values(values(r.imp, i, j))
              .message("meter reported " + e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                  + " in " + span(r, i, j)), e.getValue(), i, j, true);
          i = j;
        }
      }
    }

    @Override
    public String toString() {
      return "meter-events(" + severities + ")";
    }
  }

  private static final class Unusable extends ValidationCheck {
    @Override
    void apply(ValidationRun r) {
      long max = IntervalSeries.DEFAULT_MAX_DEMAND.milliwatts() / r.grid.length().perHour();
      for (int i = 0; i < r.n; i++) {
        long a = r.imp[i];
        long x = r.exp[i];
        if (r.valid(i) && (a < 0 || x < 0 || a > max || x > max)) {
          r.add(Finding.builder().check(CheckId.UNUSABLE_VALUE).addValue(a).addValue(x)
              .message("interval " + r.start(i) + " holds import " + a + " mWh and export " + x
                  + " mWh, outside 0 to the sane maximum of " + max + " mWh that a series can hold: rejected"),
              Severity.FAILURE, i, i + 1, true);
        }
      }
    }

    @Override
    public String toString() {
      return "unusable-values(FAILURE)";
    }
  }
}
