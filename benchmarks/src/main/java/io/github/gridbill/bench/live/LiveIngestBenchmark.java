package io.github.gridbill.bench.live;

import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.TaxRule;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.bench.rating.BenchInputs;
import io.github.gridbill.rating.RatingPlan;
import io.github.gridbill.rating.live.AccountSetup;
import io.github.gridbill.rating.live.IngestOutcome;
import io.github.gridbill.rating.live.LiveAccount;
import io.github.gridbill.rating.live.LiveRater;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.joda.money.CurrencyUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Live ingest on one thread into {@link Accounts#accounts} accounts of state (default 1,000,000): July 2024 in UTC on
 * 15-minute data (2,976 intervals), a TOU tariff with tiers and demand ("BENCH-LIVE": three TOU periods, two seasons,
 * NERC holidays, two block tiers per period, a TOU demand charge, a daily charge and a tax), the default 4-hour
 * lateness window.
 *
 * <ul>
 *   <li>{@link #roundRobin}: every account gets its next interval's reading, account after account (how readings
 *       arrive from the field every interval); one invocation is one reading per account.</li>
 *   <li>{@link #dayBatches}: a block of 10,000 accounts gets a day of readings each (96, in time order: a head-end's
 *       daily file); one invocation is 960,000 readings.</li>
 *   <li>{@link #bareRoundRobin}: the floor: the same round-robin loop over per-account {@code long[]}s of the same
 *       size, adding each reading into a sum and a maximum of its TOU key and nothing else.</li>
 * </ul>
 *
 * <p>The score to read is the {@code readings} counter, in readings per second. Bytes of state per account are printed
 * at setup twice: by layout ({@link LiveRater#stateBytesPerAccount()}) and measured (the heap after a full GC with the
 * accounts open, minus before, per account: the account object and its id string included).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'bench.live' -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LiveIngestBenchmark {
  static final ZoneId ZONE = ZoneOffset.UTC;
  static final BillingPeriod JULY = BillingPeriod.ofMonth(YearMonth.of(2024, 7), ZONE);
  static final IntervalLength LENGTH = IntervalLength.FIFTEEN_MINUTES;
  static final int BLOCK = 10_000;
  static final int PER_DAY = 96;

  /** Readings ingested, reported by JMH per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    /** Readings in the iteration. */
    public long readings;

    /** Starts the count of an iteration. */
    @Setup(Level.Iteration)
    public void clear() {
      readings = 0;
    }
  }

  /** The accounts, their readings and the cursors of the two arrival patterns. */
  @State(Scope.Benchmark)
  public static class Accounts {
    /** How many accounts of state. */
    @Param({"1000000"})
    public int accounts = 1_000_000;

    LiveRater rater = LiveRater.of(RatingPlan.compile(tariff(), JULY, LENGTH));
    LiveAccount[] open = new LiveAccount[0];
    /** One household's load over the month, twice over, so that account a reads {@code load[t + offset[a]]}. */
    long[] load = new long[0];
    int[] offset = new int[0];
    int n;
    /** Round robin: the interval every account gets next. Day batches: the block and the day. */
    int next;
    int block;
    int day;
    long bytesMeasured;

    /** Opens the accounts and measures their heap. */
    @Setup(Level.Trial)
    public void setup() {
      n = rater.plan().grid().count();
      long[] one = load(rater.plan().grid(), 2024L);
      load = new long[2 * n];
      System.arraycopy(one, 0, load, 0, n);
      System.arraycopy(one, 0, load, n, n);
      offset = new int[accounts];
      for (int a = 0; a < accounts; a++) {
        offset[a] = (int) ((a * 9_973L) % n);
      }
      long before = usedAfterGc();
      reset();
      long after = usedAfterGc();
      bytesMeasured = (after - before) / Math.max(1, accounts);
      System.out.printf("%nlive state: %,d accounts; %d bytes per account by layout (%d longs), %d measured "
          + "(heap delta after a full GC, account object and id included)%n", accounts,
          rater.stateBytesPerAccount(), rater.stateLongsPerAccount(), bytesMeasured);
    }

    void reset() {
      open = new LiveAccount[0];
      LiveAccount[] o = new LiveAccount[accounts];
      AccountSetup setup = AccountSetup.initial();
      for (int a = 0; a < accounts; a++) {
        o[a] = rater.open("ACC-" + a, setup);
      }
      open = o;
      next = 0;
      block = 0;
      day = 0;
    }

    /** Starts a new cycle, outside the measurement, when the round robin nears the cycle's end. */
    @Setup(Level.Iteration)
    public void nearTheEnd() {
      if (next > n - 400 || day > 28) {
        reset();
      }
    }
  }

  /** Per-account arrays of the live state's size for the bare loop, and each interval's TOU key. */
  @State(Scope.Benchmark)
  public static class Bare {
    long[][] state = new long[0][];
    int[] keyOf = new int[0];
    int next;

    /** Allocates the arrays. */
    @Setup(Level.Trial)
    public void setup(Accounts acc) {
      int longs = acc.rater.stateLongsPerAccount();
      state = new long[acc.accounts][longs];
      keyOf = new int[acc.n];
      IntervalGrid g = acc.rater.plan().grid();
      TouSchedule s = schedule();
      for (int i = 0; i < acc.n; i++) {
        keyOf[i] = 2 * s.periodAt(ZonedDateTime.ofInstant(g.intervalStart(i), ZONE).toLocalDateTime());
      }
      acc.open = new LiveAccount[0]; // the bare loop does not need the live accounts
    }
  }

  /**
   * One reading for every account: interval {@code next} of the cycle.
   *
   * @param acc the accounts
   * @param c the counters
   * @return the number of readings accepted
   */
  @Benchmark
  public int roundRobin(Accounts acc, Counters c) {
    if (acc.next == acc.n) {
      acc.reset();
    }
    final LiveAccount[] open = acc.open;
    final long[] load = acc.load;
    final int[] offset = acc.offset;
    final int t = acc.next++;
    int accepted = 0;
    for (int a = 0; a < open.length; a++) {
      if (open[a].ingest(t, load[t + offset[a]], 0) == IngestOutcome.ACCEPTED) {
        accepted++;
      }
    }
    c.readings += open.length;
    return accepted;
  }

  /**
   * A day of readings for each account of the next block of 10,000.
   *
   * @param acc the accounts
   * @param c the counters
   * @return the number of readings accepted
   */
  @Benchmark
  public int dayBatches(Accounts acc, Counters c) {
    final LiveAccount[] open = acc.open;
    int from = acc.block * BLOCK;
    int to = Math.min(open.length, from + BLOCK);
    int t0 = acc.day * PER_DAY;
    final long[] load = acc.load;
    final int[] offset = acc.offset;
    int accepted = 0;
    for (int a = from; a < to; a++) {
      final LiveAccount x = open[a];
      final int o = offset[a];
      for (int t = t0; t < t0 + PER_DAY; t++) {
        if (x.ingest(t, load[t + o], 0) == IngestOutcome.ACCEPTED) {
          accepted++;
        }
      }
    }
    c.readings += (long) (to - from) * PER_DAY;
    if (to >= open.length) {
      acc.block = 0;
      if (++acc.day == JULY.days()) {
        acc.reset();
      }
    } else {
      acc.block++;
    }
    return accepted;
  }

  /**
   * The floor: the round robin over bare per-account arrays, a sum and a maximum per TOU key.
   *
   * @param acc the accounts (for the readings)
   * @param bare the arrays
   * @param c the counters
   * @return a checksum
   */
  @Benchmark
  public long bareRoundRobin(Accounts acc, Bare bare, Counters c) {
    if (bare.next == acc.n) {
      bare.next = 0;
    }
    final long[][] state = bare.state;
    final long[] load = acc.load;
    final int[] offset = acc.offset;
    final int t = bare.next++;
    final int k = bare.keyOf[t];
    long sum = 0;
    for (int a = 0; a < state.length; a++) {
      final long[] s = state[a];
      final long v = load[t + offset[a]];
      s[k] += v;
      if (v > s[k + 1]) {
        s[k + 1] = v;
      }
      sum += v;
    }
    c.readings += state.length;
    return sum;
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // inputs

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  /** The rating benchmarks' schedule: three periods (0 off-peak, 1 shoulder, 2 peak), two seasons, NERC holidays. */
  static TouSchedule schedule() {
    return TouSchedule.builder().from(BenchInputs.schedule()).name("BENCH-LIVE").build();
  }

  /** TOU energy with two block tiers per period, TOU demand, a daily charge and a tax. */
  static Tariff tariff() {
    TouSchedule s = schedule();
    return Tariff.builder().id("BENCH-LIVE").name("Residential TOU with tiers and demand").currency(CurrencyUnit.USD)
        .zone(ZONE)
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2020, 1, 1))
            .addFixedCharge(FixedCharge.of("daily", "Daily service charge", d("0.45"), FixedChargeBasis.PER_DAY))
            .addEnergyCharge(EnergyCharge.builder().id("energy-tou").description("Energy").schedule(s)
                .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(d("100"), d("0.11")), Tier.unbounded(d("0.13")))))
                .addPeriod(PeriodTiers.of(1, List.of(Tier.upTo(d("100"), d("0.21")), Tier.unbounded(d("0.25")))))
                .addPeriod(PeriodTiers.of(2, List.of(Tier.upTo(d("100"), d("0.32")), Tier.unbounded(d("0.38")))))
                .build())
            .addDemandCharge(DemandCharge.builder().id("demand-tou").description("Demand").schedule(s)
                .addPeriod(PeriodTiers.flat(0, d("2.00"))).addPeriod(PeriodTiers.flat(1, d("6.20")))
                .addPeriod(PeriodTiers.flat(2, d("18.50"))).build())
            .addTax(TaxRule.onAll("tax", "Sales tax", d("6.25")))
            .build())
        .build();
  }

  /** A household's load in mWh per interval: a morning and an evening bump with noise, seeded. */
  static long[] load(IntervalGrid grid, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] v = new long[grid.count()];
    double hoursPerInterval = grid.length().minutes() / 60.0;
    for (int i = 0; i < v.length; i++) {
      ZonedDateTime t = ZonedDateTime.ofInstant(grid.intervalStart(i), ZONE);
      double h = t.getHour() + t.getMinute() / 60.0;
      double kw = 0.35 + 0.9 * bump(h, 7.5, 1.5) + 1.8 * bump(h, 19.0, 2.0) + 0.4 * r.nextDouble();
      v[i] = Math.round(kw * hoursPerInterval * 1_000_000.0);
    }
    return v;
  }

  private static double bump(double h, double centre, double width) {
    double x = (h - centre) / width;
    return Math.exp(-x * x);
  }
}
