package io.github.gridbill.rating;

import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects timestamped interval readings as they come from a meter or file and turns them into a validated
 * {@link IntervalSeries} on a billing period's grid.
 *
 * <p>Readings must arrive in time order, each starting on the grid (a multiple of the interval length after the grid
 * start), with no duplicates; {@link #toSeries} refuses, with a {@link MeterDataException} naming the reading's index
 * and timestamp: an unsorted reading, a duplicate, an overlapping one (off the grid), a negative value, a reading
 * outside the period, and gaps unless a {@link GapFill} rule is declared. A builder is not thread-safe; the series it
 * makes is.
 *
 * <p>{@code IntervalReadings.forMeter("M-1", FIFTEEN_MINUTES).add(t0, 512_000).add(t1, 498_000).toSeries(period,
 * GapFill.linear(Duration.ofHours(1)))}.
 */
public final class IntervalReadings {
  private final String meterId;
  private final IntervalLength length;
  private final List<Instant> starts = new ArrayList<>();
  private final List<long[]> values = new ArrayList<>();

  private IntervalReadings(String meterId, IntervalLength length) {
    this.meterId = meterId;
    this.length = length;
  }

  /**
   * A collector for one meter's readings.
   *
   * @param meterId the meter id, not null
   * @param length the interval length, not null
   * @return the collector, never null
   */
  public static IntervalReadings forMeter(String meterId, IntervalLength length) {
    return new IntervalReadings(Objects.requireNonNull(meterId, "meterId"), Objects.requireNonNull(length, "length"));
  }

  /**
   * Adds an import-only reading.
   *
   * @param start the interval start, not null
   * @param importMilliwattHours the imported energy in mWh
   * @return this collector
   */
  public IntervalReadings add(Instant start, long importMilliwattHours) {
    return add(start, importMilliwattHours, 0);
  }

  /**
   * Adds a reading with import and export.
   *
   * @param start the interval start, not null
   * @param importMilliwattHours the imported energy in mWh
   * @param exportMilliwattHours the exported energy in mWh
   * @return this collector
   */
  public IntervalReadings add(Instant start, long importMilliwattHours, long exportMilliwattHours) {
    starts.add(Objects.requireNonNull(start, "start"));
    values.add(new long[] {importMilliwattHours, exportMilliwattHours});
    return this;
  }

  /**
   * The number of readings collected.
   *
   * @return the count
   */
  public int size() {
    return starts.size();
  }

  /**
   * Validates the readings and lays them on the period's grid, filling gaps by the declared rule.
   *
   * @param period the billing period, not null
   * @param gaps the gap rule, not null
   * @return the series, never null
   * @throws MeterDataException for an unsorted, duplicate, off-grid (overlapping), negative or out-of-period reading,
   *     or a gap the rule does not fill
   */
  public IntervalSeries toSeries(BillingPeriod period, GapFill gaps) {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(gaps, "gaps");
    IntervalGrid grid = IntervalGrid.forPeriod(period, length);
    int n = grid.count();
    long[] imp = new long[n];
    long[] exp = new long[n];
    boolean anyExport = false;
    boolean[] seen = new boolean[n];
    @org.jspecify.annotations.Nullable Instant prev = null;
    for (int r = 0; r < starts.size(); r++) {
      Instant t = starts.get(r);
      long[] v = values.get(r);
      if (prev != null && t.isBefore(prev)) {
        throw new MeterDataException("readings", r, t, t, "must be in time order, but come after " + prev);
      }
      if (prev != null && t.equals(prev)) {
        throw new MeterDataException("readings", r, t, t, "must not repeat an interval (duplicate reading)");
      }
      long offset = Duration.between(grid.start(), t).toSeconds();
      if (offset % length.seconds() != 0) {
        throw new MeterDataException("readings", r, t, t, "must start on the " + length.minutes()
            + "-minute grid from " + grid.start() + " (it overlaps its neighbours)");
      }
      int i = grid.indexOf(t);
      if (i < 0) {
        throw new MeterDataException("readings", r, t, t, "must fall inside the billing period " + period);
      }
      if (v[0] < 0) {
        throw new MeterDataException("import", r, t, v[0] + " mWh", "must not be negative");
      }
      if (v[1] < 0) {
        throw new MeterDataException("export", r, t, v[1] + " mWh", "must not be negative");
      }
      imp[i] = v[0];
      exp[i] = v[1];
      anyExport |= v[1] != 0;
      seen[i] = true;
      prev = t;
    }
    byte[] quality = new byte[n];
    byte[] methods = new byte[n];
    boolean anyGap = false;
    int i = 0;
    while (i < n) {
      if (seen[i]) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && !seen[j]) {
        j++;
      }
      anyGap = true;
      fill(gaps, grid, imp, exp, quality, methods, i, j);
      i = j;
    }
    IntervalSeries.Builder b = IntervalSeries.builder(meterId, grid).imports(imp);
    if (anyExport) {
      b.exports(exp);
    }
    if (anyGap) {
      b.quality(quality).methods(methods);
    }
    return b.build();
  }

  private void fill(GapFill gaps, IntervalGrid grid, long[] imp, long[] exp, byte[] q, byte[] m, int from, int to) {
    Duration gap = length.duration().multipliedBy(to - from);
    switch (gaps.kind()) {
      case NONE:
        throw new MeterDataException("readings", from, grid.intervalStart(from), gap,
            "must have no gaps (" + (to - from) + " intervals missing; declare a GapFill rule to estimate them)");
      case ZERO:
        for (int k = from; k < to; k++) {
          q[k] = ReadingQuality.ESTIMATED.code();
          m[k] = EstimationMethod.ZERO_DEENERGISED.code();
        }
        return;
      case LINEAR:
        if (from > 0 && to < imp.length && gap.compareTo(gaps.maxGap()) <= 0) {
          interpolate(imp, from, to);
          interpolate(exp, from, to);
          for (int k = from; k < to; k++) {
            q[k] = ReadingQuality.ESTIMATED.code();
            m[k] = EstimationMethod.LINEAR_INTERPOLATION.code();
          }
          return;
        }
        markMissing(q, from, to);
        return;
      default:
        markMissing(q, from, to);
    }
  }

  private static void markMissing(byte[] q, int from, int to) {
    for (int k = from; k < to; k++) {
      q[k] = ReadingQuality.MISSING.code();
    }
  }

  /** Straight line between v[from-1] and v[to]: each filled value is the line's value, rounded half-up to mWh. */
  private static void interpolate(long[] v, int from, int to) {
    long a = v[from - 1];
    long b = v[to];
    int steps = to - from + 1;
    for (int k = from; k < to; k++) {
      long num = a * steps + (b - a) * (k - from + 1);
      v[k] = Math.floorDiv(2 * num + steps, 2L * steps);
    }
  }
}
