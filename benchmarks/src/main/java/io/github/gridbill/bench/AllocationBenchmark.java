package io.github.gridbill.bench;

import io.github.gridbill.core.money.Monies;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.joda.money.Money;
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

/** Allocation of an amount by ratios (largest remainder), the core of payment allocation and proration. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AllocationBenchmark {

  @Param({"3", "12", "100"})
  public int parts;

  List<BigDecimal> ratios = List.of();
  Money amount = Money.parse("USD 0.00");

  /** Random ratios with four decimals and a random amount, seeded. */
  @Setup
  public void setup() {
    SplittableRandom r = new SplittableRandom(42);
    List<BigDecimal> rs = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      rs.add(BigDecimal.valueOf(r.nextInt(1, 100_000), 4));
    }
    ratios = rs;
    amount = Money.ofMinor(org.joda.money.CurrencyUnit.USD, r.nextLong(1, 10_000_000));
  }

  /**
   * Allocates the amount over the ratios.
   *
   * @return the parts
   */
  @Benchmark
  public List<Money> allocate() {
    return Monies.allocate(amount, ratios);
  }
}
