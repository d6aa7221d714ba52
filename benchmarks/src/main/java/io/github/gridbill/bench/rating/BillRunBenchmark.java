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
import io.github.gridbill.rating.run.AccountJob;
import io.github.gridbill.rating.run.AccountResult;
import io.github.gridbill.rating.run.BillRun;
import io.github.gridbill.rating.run.BillRunResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A bill run of 100,000 account-months (July 2024, 15-minute data, {@link BenchInputs#tariff()}) on 2 worker
 * threads, results streamed in input order to a counting consumer: the score is accounts per second
 * ({@code @OperationsPerInvocation(100000)}).
 *
 * <ul>
 *   <li>{@link #billRun}: {@link BillRun#runStreaming} with parallelism {@code threads} (2; 1 for the overhead
 *       against the plain loop), default chunk size and in-flight bound; the calling thread feeds jobs and delivers
 *       results.</li>
 *   <li>{@link #sequentialLoop}: the fair comparison, the same 100,000 bills rated by a plain loop on one thread
 *       with a precompiled plan, nothing else (it ignores {@code threads}; read either row).</li>
 * </ul>
 *
 * <p>Meter data is not loaded: every job's supplier returns one of 64 distinct pre-generated households, so the
 * figure is rating plus run overhead. The fork's heap is capped at 256 MB, far below what 100,000 bills would need if
 * they were held (streaming keeps at most the in-flight bound); after each iteration the peak heap in use (sampled
 * every 5 ms with {@link MemoryMXBean}; it includes young-generation garbage awaiting collection) and the peak of the
 * old generation pool (what survives collections, so what the run retains) are printed. For allocation, add
 * {@code -prof gc}. Run: {@code java -jar benchmarks/target/benchmarks.jar BillRunBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BillRunBenchmark.ACCOUNTS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BillRunBenchmark {
  /** Account-months per invocation. */
  public static final int ACCOUNTS = 100_000;
  static final int DISTINCT_SERIES = 64;

  /** Worker threads of the bill run: 2 is the headline; 1 shows the run's overhead against the plain loop. */
  @Param({"2", "1"})
  public int threads = 2;

  /** Account-months per invocation; only tests lower it. */
  int accounts = ACCOUNTS;
  Tariff tariff = BenchInputs.tariff();
  BillingPeriod period = BillingPeriod.ofMonth(YearMonth.of(2024, 7), BenchInputs.ZONE);
  List<IntervalSeries> pool = List.of();
  BillRun run = BillRun.builder().parallelism(2).build();
  Rater rater = Rater.create();
  RatingPlan plan = RatingPlan.compile(tariff, period, IntervalLength.FIFTEEN_MINUTES);
  HeapSampler sampler = new HeapSampler();

  /** Generates the households and builds the run. */
  @Setup(Level.Trial)
  public void setup() {
    IntervalGrid grid = IntervalGrid.forPeriod(period, IntervalLength.FIFTEEN_MINUTES);
    List<IntervalSeries> p = new ArrayList<>(DISTINCT_SERIES);
    for (int i = 0; i < DISTINCT_SERIES; i++) {
      p.add(BenchInputs.household("M-" + i, grid, 1000L + i));
    }
    pool = List.copyOf(p);
    run = BillRun.builder().parallelism(threads).build();
    plan = RatingPlan.compile(tariff, period, IntervalLength.FIFTEEN_MINUTES);
  }

  /** Starts sampling the heap. */
  @Setup(Level.Iteration)
  public void startSampling() {
    sampler = new HeapSampler();
    sampler.start();
  }

  /** Stops sampling and prints the peaks. */
  @TearDown(Level.Iteration)
  public void stopSampling() {
    sampler.stopAndPrint();
  }

  Stream<AccountJob> jobs() {
    return IntStream.range(0, accounts).mapToObj(i -> AccountJob.of("ACC-" + i, tariff, period,
        pool.get(i % DISTINCT_SERIES), BillingState.initial()));
  }

  /** Counts results and sums bill totals on the delivering thread. */
  static final class Counter implements Consumer<AccountResult> {
    long rated;
    long failed;
    long totalMinor;

    @Override
    public void accept(AccountResult r) {
      if (r.isRated()) {
        rated++;
        totalMinor += r.ratedBill().orElseThrow().bill().total().getAmountMinorLong();
      } else {
        failed++;
      }
    }
  }

  /**
   * Streams the accounts through a bill run of {@code threads} workers.
   *
   * @param bh consumes the summary
   * @return the consumer's counts, so that nothing is dead code
   */
  @Benchmark
  public long billRun(Blackhole bh) {
    Counter c = new Counter();
    BillRunResult r = run.runStreaming(jobs(), c);
    bh.consume(r);
    return c.rated ^ (c.failed << 20) ^ c.totalMinor;
  }

  /**
   * Rates the same accounts in a plain loop on one thread.
   *
   * @return the number of bills and their total, combined
   */
  @Benchmark
  public long sequentialLoop() {
    long n = 0;
    long totalMinor = 0;
    for (int i = 0; i < accounts; i++) {
      RatedBill b = rater.rate(plan, pool.get(i % DISTINCT_SERIES), BillingState.initial());
      n++;
      totalMinor += b.bill().total().getAmountMinorLong();
    }
    return n ^ totalMinor;
  }

  /** Samples heap use every 5 ms on a daemon thread and reads the old generation's peak. */
  static final class HeapSampler extends Thread {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile boolean running = true;
    private volatile long peakUsed;

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP) {
          p.resetPeakUsage();
        }
      }
    }

    @Override
    public void run() {
      while (running) {
        long used = memory.getHeapMemoryUsage().getUsed();
        if (used > peakUsed) {
          peakUsed = used;
        }
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long peakUsedBytes() {
      return peakUsed;
    }

    void stopAndPrint() {
      running = false;
      interrupt();
      try {
        join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      long old = 0;
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        String n = p.getName();
        if (p.getType() == MemoryType.HEAP && (n.contains("Old") || n.contains("Tenured"))) {
          old += p.getPeakUsage().getUsed();
        }
      }
      System.out.printf(
          "%n  [heap] peak used (sampled every 5 ms): %.1f MB; old generation peak: %.1f MB; max: %.1f MB%n",
          peakUsed / 1048576.0, old / 1048576.0, memory.getHeapMemoryUsage().getMax() / 1048576.0);
    }
  }
}
