package io.github.gridbill.bench.rating;

import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.RatingPlan;
import io.github.gridbill.rating.reference.ReferenceRater;
import io.github.gridbill.rating.run.AccountJob;
import io.github.gridbill.rating.run.BillRun;
import io.github.gridbill.rating.run.BillRunResult;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One month's bill, single-threaded: July 2024 in UTC (31 days, no DST; 2,976 quarter-hours at 15 minutes) for a
 * household with solar on {@link BenchInputs#tariff()}: TOU with 3 periods and 2 seasons and NERC holidays, block
 * tiers per period, TOU demand, net billing with per-period export rates, a daily charge and a tax.
 *
 * <ul>
 *   <li>{@link #rate()}: the engine with a precompiled plan (the bill-run path): ns per bill. Bills/s =
 *       1e9 / score; intervals/s = intervals × 1e9 / score (2,976 at 15 minutes, 8,928 at 5, 744 at 60).</li>
 *   <li>{@link #compileAndRate()}: the same bill compiling its plan first (what a caller without a plan cache
 *       pays).</li>
 *   <li>{@link #billRunInline()}: the same bill through the second engine path, a {@link BillRun} of one account on
 *       the calling thread with a warm plan cache (the per-account overhead of a bill run).</li>
 *   <li>{@link #referenceRate()}: the same bill by the tests' per-interval {@code BigDecimal} reference rater (no
 *       compilation): the engine's speed-up is its score ÷ {@link #rate()}'s.</li>
 *   <li>{@link #bareImportSum()}: the ceiling, a bare {@code long[]} sum over the same import data.</li>
 *   <li>{@link #bareImportExportSum()}: a bare sum over both channels the bill reads (import and export).</li>
 *   <li>{@link #bareNetSums()}: a bare loop doing the hot loop's arithmetic for net billing (import, export, net
 *       import, net export, peak) with no TOU look-up: the floor of the per-interval work.</li>
 *   <li>{@link #bareRunSums()}: the sums of import, export and net import split into the month's runs of intervals
 *       in one TOU period, as a rater pricing energy by period must split them, and nothing else (no peak, no lines):
 *       the floor of the hot loop's shape.</li>
 * </ul>
 *
 * <p>Allocation per bill: run {@code rate} with {@code -prof gc} at the three grids; {@code gc.alloc.rate.norm}
 * (bytes per bill) should not grow with the number of intervals, since the hot loop works per run of intervals and
 * allocates per TOU period and line, not per interval:
 * {@code java -jar benchmarks/target/benchmarks.jar 'RatingBenchmark.rate$' -p intervalMinutes=5,15,60 -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
// the rating path needs about 4 s to be JIT-compiled (smoke runs with 1 s of warmup measure it cold)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class RatingBenchmark {

  /** The meter interval length in minutes; 15 is the headline, 5 and 60 show allocation does not scale. */
  @Param({"15", "5", "60"})
  public int intervalMinutes = 15;

  Tariff tariff = BenchInputs.tariff();
  BillingPeriod period = BillingPeriod.ofMonth(YearMonth.of(2024, 7), BenchInputs.ZONE);
  IntervalLength length = IntervalLength.FIFTEEN_MINUTES;
  Rater rater = Rater.create();
  RatingPlan plan = RatingPlan.compile(tariff, period, length);
  IntervalSeries series = IntervalSeries.ofImports("M", IntervalGrid.forPeriod(period, length),
      new long[IntervalGrid.forPeriod(period, length).count()]);
  long[] imports = new long[0];
  long[] exports = new long[0];
  /** The month's runs of intervals in one TOU period: [runStart[r], runEnd[r]). */
  int[] runStart = new int[0];
  int[] runEnd = new int[0];
  long[] runSums = new long[0];
  BillRun inline = BillRun.builder().executor(Runnable::run).maxInFlight(1).build();
  List<AccountJob> oneJob = List.of();

  /** Builds the tariff, compiles the plan and generates the month's data for the interval length. */
  @Setup
  public void setup() {
    length = BenchInputs.length(intervalMinutes);
    IntervalGrid grid = IntervalGrid.forPeriod(period, length);
    series = BenchInputs.household("M-1", grid, 20240701L);
    plan = RatingPlan.compile(tariff, period, length);
    imports = series.importsCopy();
    exports = series.exportsCopy().orElseThrow();
    splitIntoRuns(grid);
    inline = BillRun.builder().executor(Runnable::run).maxInFlight(1).build();
    oneJob = List.of(AccountJob.of("ACC-1", tariff, period, series, BillingState.initial()));
    inline.run(oneJob); // compiles the run's plan once, outside the measurement
  }

  private void splitIntoRuns(IntervalGrid grid) {
    TouSchedule schedule = BenchInputs.schedule();
    int n = grid.count();
    int[] starts = new int[n];
    int[] ends = new int[n];
    int runs = 0;
    int last = -1;
    for (int i = 0; i < n; i++) {
      int p = schedule.periodAt(LocalDateTime.ofInstant(
          grid.start().plusSeconds((long) i * grid.length().seconds()), BenchInputs.ZONE));
      if (p != last) {
        starts[runs++] = i;
        last = p;
      }
      ends[runs - 1] = i + 1;
    }
    runStart = Arrays.copyOf(starts, runs);
    runEnd = Arrays.copyOf(ends, runs);
    runSums = new long[3 * runs];
  }

  /**
   * Rates the month with the precompiled plan.
   *
   * @return the bill
   */
  @Benchmark
  public RatedBill rate() {
    return rater.rate(plan, series, BillingState.initial());
  }

  /**
   * Compiles the plan, then rates.
   *
   * @return the bill
   */
  @Benchmark
  public RatedBill compileAndRate() {
    return rater.rate(RatingPlan.compile(tariff, period, length), series, BillingState.initial());
  }

  /**
   * Rates the month as a one-account bill run on the calling thread.
   *
   * @return the run's result
   */
  @Benchmark
  public BillRunResult billRunInline() {
    return inline.run(oneJob);
  }

  /**
   * Rates the month with the reference rater of the tests.
   *
   * @return the reference bill
   */
  @Benchmark
  public ReferenceRater.Result referenceRate() {
    return ReferenceRater.rate(tariff, period, length, imports, exports, ReferenceRater.State.initial());
  }

  /**
   * The ceiling: a bare sum over the imports.
   *
   * @return the sum
   */
  @Benchmark
  public long bareImportSum() {
    long s = 0;
    for (long v : imports) {
      s += v;
    }
    return s;
  }

  /**
   * A bare sum over both channels of the bill, import and export.
   *
   * @return a combination of the two sums
   */
  @Benchmark
  public long bareImportExportSum() {
    final long[] imp = imports;
    final long[] exp = exports;
    long si = 0;
    long se = 0;
    for (int i = 0; i < imp.length; i++) {
      si += imp[i];
      se += exp[i];
    }
    return si ^ (se << 1);
  }

  /**
   * The floor of the hot loop's work for net billing, without TOU look-ups: the engine's arithmetic (sums of import,
   * export and net import, the peak and where it is) in one loop over the month instead of one per run.
   *
   * @return a combination of the sums, so that none is dead code
   */
  @Benchmark
  public long bareNetSums() {
    final long[] imp = imports;
    final long[] exp = exports;
    long si = 0;
    long se = 0;
    long sn = 0;
    long max = 0;
    int maxAt = -1;
    for (int i = 0; i < imp.length; i++) {
      final long a = imp[i];
      final long b = exp[i];
      si += a;
      se += b;
      final long d = a - b;
      sn += d & ~(d >> 63); // max(d, 0), as the engine computes it
      if (a > max) {
        max = a;
        maxAt = i;
      }
    }
    final long sx = sn - (si - se);
    return si ^ (se << 1) ^ (sn << 2) ^ (sx << 3) ^ max ^ maxAt;
  }

  /**
   * The floor of the hot loop's shape: the sums of import, export and net import per run of intervals in one TOU
   * period, stored per run as the engine stores them, with no peak, no tiers and nothing per bill. The runs are
   * short (the month's {@code runStart.length} runs, 28 quarter-hours on average), so the loops do not vectorise as
   * the single-array sums do.
   *
   * @return a combination of the sums, so that none is dead code
   */
  @Benchmark
  public long bareRunSums() {
    final long[] imp = imports;
    final long[] exp = exports;
    final int[] rs = runStart;
    final int[] re = runEnd;
    final long[] out = runSums;
    long h = 0;
    for (int r = 0; r < rs.length; r++) {
      long si = 0;
      long se = 0;
      long sn = 0;
      for (int i = rs[r]; i < re[r]; i++) {
        final long a = imp[i];
        final long b = exp[i];
        si += a;
        se += b;
        final long d = a - b;
        sn += d & ~(d >> 63);
      }
      out[3 * r] = si;
      out[3 * r + 1] = se;
      out[3 * r + 2] = sn;
      h += si ^ (se << 1) ^ (sn << 2);
    }
    return h;
  }
}
