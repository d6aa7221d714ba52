package io.github.gridbill.bench.vee;

import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.RegisterRead;
import io.github.gridbill.rating.vee.GridReadings;
import io.github.gridbill.rating.vee.MeterEvent;
import io.github.gridbill.rating.vee.RawReading;
import io.github.gridbill.rating.vee.ValidationChain;
import io.github.gridbill.rating.vee.ValidationResult;
import io.github.gridbill.rating.vee.Vee;
import io.github.gridbill.rating.vee.VeeContext;
import io.github.gridbill.rating.vee.VeeResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
 * The standard VEE validation chain over a month of 15-minute data for one meter: July 2024 in
 * {@code America/Toronto} (31 days, 2,976 quarter-hours), a household load shape with noise, register reads for the
 * sum check and a history for the usage check. {@code data=clean} has nothing to find; {@code data=anomalies} has
 * what a real month has: two gaps, a duplicate, a reading off the grid within the clock tolerance, a spike, a
 * negative value, a power outage flag and an overflow, so the chain also builds findings.
 *
 * <ul>
 *   <li>{@link #validate()}: the ten checks of {@link ValidationChain#standard()} over readings already on the grid:
 *       the figure against the target of 50 million intervals per second.</li>
 *   <li>{@link #normalizeAndValidate()}: raw readings laid on the grid (duplicates, clock tolerance, day boundaries in
 *       the zone), then the checks.</li>
 *   <li>{@link #fullVee()}: normalise, validate and estimate (the standard plan), giving the series to rate.</li>
 *   <li>{@link #bareLoop()}: the floor, a bare {@code long[]} sum over the same month's imports.</li>
 * </ul>
 *
 * <p>Scores are ns per month; intervals/s = intervals × 1e9 / score (2,976 intervals at {@code days=31}). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar 'ValidationChainBenchmark'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class ValidationChainBenchmark {

  /** The zone of the meter's days. */
  static final ZoneId ZONE = ZoneId.of("America/Toronto");
  /** The first day: 2024-07-01. */
  static final Instant START = java.time.LocalDate.of(2024, 7, 1).atStartOfDay(ZONE).toInstant();

  /** Days of data: 31 for the month; the smoke test uses fewer. */
  @Param({"31"})
  public int days = 31;

  /** clean (nothing to find) or anomalies (a month's usual findings). */
  @Param({"clean", "anomalies"})
  public String data = "clean";

  ValidationChain chain = ValidationChain.standard();
  Vee vee = Vee.standard(ZONE);
  IntervalGrid grid = IntervalGrid.of(START, IntervalLength.FIFTEEN_MINUTES, 0);
  List<RawReading> raw = List.of();
  GridReadings readings = GridReadings.normalize("M-1", List.of(), grid, ZONE,
      io.github.gridbill.rating.vee.NormalizationRules.defaults());
  VeeContext context = VeeContext.empty();
  long[] imports = new long[0];

  /** Builds the month's readings, lays them on the grid once, and the context. */
  @Setup
  public void setup() {
    int n = days * 96;
    grid = IntervalGrid.of(START, IntervalLength.FIFTEEN_MINUTES, n);
    Random rnd = new Random(20240701L);
    imports = new long[n];
    List<RawReading> r = new ArrayList<>(n + 4);
    boolean anomalies = data.equals("anomalies");
    long total = 0;
    for (int i = 0; i < n; i++) {
      int quarter = i % 96;
      double shape = 0.35 + 0.25 * Math.sin((quarter - 30) * Math.PI / 48) + (quarter > 68 && quarter < 88 ? 0.4 : 0);
      long v = Math.max(20_000, Math.round((shape + rnd.nextGaussian() * 0.05) * 250_000));
      Instant t = grid.intervalStart(i);
      Set<MeterEvent> ev = Set.of();
      if (anomalies) {
        if (i == 500 || i == 501 || i == 1700) {
          continue; // two gaps
        }
        if (i == 900) {
          v = 4_000_000; // a 16 kW spike
        }
        if (i == 1200) {
          v = -5_000;
        }
        if (i == 2000) {
          t = t.plusSeconds(20); // within the clock tolerance
        }
        if (i == 2100) {
          ev = Set.of(MeterEvent.POWER_OUTAGE);
        }
        if (i == 2500) {
          ev = Set.of(MeterEvent.OVERFLOW);
        }
      }
      imports[i] = v;
      total += Math.max(v, 0);
      r.add(RawReading.of(t, Duration.ofMinutes(15), v, 0, ev));
      if (anomalies && i == 1000) {
        r.add(RawReading.of(t, Duration.ofMinutes(15), v, 0, ev)); // an identical duplicate
      }
    }
    raw = List.copyOf(r);
    readings = chain.normalize("M-1", raw, grid, ZONE);
    context = VeeContext.builder()
        .registerStart(RegisterRead.of("M-1", grid.start(), BigDecimal.valueOf(12_000)))
        .registerEnd(RegisterRead.of("M-1", grid.end(), BigDecimal.valueOf(12_000).add(BigDecimal.valueOf(total, 6))))
        .historicalDailyUse(Energy.ofMilliwattHours(total / days)).build();
  }

  /**
   * The standard chain over readings on the grid.
   *
   * @return the result
   */
  @Benchmark
  public ValidationResult validate() {
    return chain.validate(readings, context);
  }

  /**
   * Raw readings laid on the grid, then the standard chain.
   *
   * @return the result
   */
  @Benchmark
  public ValidationResult normalizeAndValidate() {
    return chain.validate(chain.normalize("M-1", raw, grid, ZONE), context);
  }

  /**
   * Normalise, validate and estimate.
   *
   * @return the result
   */
  @Benchmark
  public VeeResult fullVee() {
    return vee.run("M-1", raw, grid, context);
  }

  /**
   * The floor: a bare sum over the month's imports.
   *
   * @return the sum
   */
  @Benchmark
  public long bareLoop() {
    long s = 0;
    for (long v : imports) {
      s += v;
    }
    return s;
  }
}
