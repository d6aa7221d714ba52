package io.github.gridbill.bench.rating;

import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.RatingPlan;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A year of 15-minute data for one account (2023 in UTC: 365 × 96 = 35,040 intervals) rated month by month on
 * {@link BenchInputs#tariff()} with the 12 plans compiled in setup, each bill's state handed to the next.
 *
 * <p>{@link #rateYear()} is µs per 12 bills (target: at most 250 µs); {@link #bareYearSum()} is the bare
 * {@code long[]} sum over the same 35,040 import values, the ceiling.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
// the rating path needs about 4 s to be JIT-compiled (smoke runs with 1 s of warmup measure it cold)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class YearBenchmark {
  static final int YEAR = 2023;

  Rater rater = Rater.create();
  RatingPlan[] plans = new RatingPlan[0];
  IntervalSeries year = IntervalSeries.ofImports("M", IntervalGrid.forPeriod(
      BillingPeriod.ofMonth(YearMonth.of(YEAR, 1), BenchInputs.ZONE), IntervalLength.FIFTEEN_MINUTES), new long[2976]);
  long[] imports = new long[0];

  /** Compiles the twelve monthly plans and generates the year's data. */
  @Setup
  public void setup() {
    Tariff t = BenchInputs.tariff();
    plans = new RatingPlan[12];
    for (int m = 0; m < 12; m++) {
      plans[m] = RatingPlan.compile(t, BillingPeriod.ofMonth(YearMonth.of(YEAR, m + 1), BenchInputs.ZONE),
          IntervalLength.FIFTEEN_MINUTES);
    }
    BillingPeriod whole = BillingPeriod.of(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR + 1, 1, 1), BenchInputs.ZONE);
    year = BenchInputs.household("M-1", IntervalGrid.forPeriod(whole, IntervalLength.FIFTEEN_MINUTES), 2023L);
    imports = year.importsCopy();
  }

  /**
   * Rates the twelve months in order, chaining the billing state.
   *
   * @return the December bill and the state after it
   */
  @Benchmark
  public RatedBill rateYear() {
    RatedBill last = rater.rate(plans[0], year, BillingState.initial());
    for (int m = 1; m < plans.length; m++) {
      last = rater.rate(plans[m], year, last.nextState());
    }
    return last;
  }

  /**
   * The ceiling: a bare sum over the year's imports.
   *
   * @return the sum
   */
  @Benchmark
  public long bareYearSum() {
    long s = 0;
    for (long v : imports) {
      s += v;
    }
    return s;
  }
}
