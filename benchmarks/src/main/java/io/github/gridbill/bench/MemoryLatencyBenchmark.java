package io.github.gridbill.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's cost of a dependent memory load, for reading the other figures: a random cyclic permutation of
 * {@code kib} KiB of {@code int}s, followed {@value #LOADS} steps (each load's address is the previous load's value,
 * so nothing overlaps). At 64 KiB it is a cache hit; at 256 MiB nearly every step misses every cache and the TLB, as a
 * look-up in a large ledger's state of 100,000 customers does. Score: ns per load.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MemoryLatencyBenchmark {
  static final int LOADS = 1 << 20;

  /** The table's size in KiB. */
  @Param({"64", "262144"})
  public int kib = 64;

  int[] next = new int[0];
  int at;

  /** Builds one random cycle through the whole table (Sattolo's algorithm, seed 20241205). */
  @Setup(Level.Trial)
  public void build() {
    int n = kib * 256;
    int[] t = new int[n];
    for (int i = 0; i < n; i++) {
      t[i] = i;
    }
    SplittableRandom r = new SplittableRandom(20241205L);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i);
      int x = t[i];
      t[i] = t[j];
      t[j] = x;
    }
    next = t;
  }

  /**
   * Follows the cycle for {@value #LOADS} loads.
   *
   * @return where it stopped (so the loads are not dead code)
   */
  @Benchmark
  @OperationsPerInvocation(LOADS)
  public int dependentLoads() {
    int[] t = next;
    int p = at;
    for (int i = 0; i < LOADS; i++) {
      p = t[p];
    }
    at = p;
    return p;
  }
}
