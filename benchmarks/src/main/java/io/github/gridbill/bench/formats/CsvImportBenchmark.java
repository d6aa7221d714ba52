package io.github.gridbill.bench.formats;

import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.formats.CsvIntervalReader;
import io.github.gridbill.formats.CsvMapping;
import io.github.gridbill.formats.ValueColumn;
import io.github.gridbill.formats.ValueRole;
import io.github.gridbill.formats.ValueUnit;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CSV import: a generated file {@code meter,start,kWh} of {@code meters} meters × {@code intervals} 15-minute rows,
 * read with {@link CsvIntervalReader#read(Path, java.util.function.Consumer)} (two passes, one meter in memory at a
 * time), against a bare loop that reads the same file line by line and splits on commas (the floor for any CSV
 * reader). The fork runs with a 256 MB heap for every size. Intervals/s = meters × intervals ÷ (s/op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class CsvImportBenchmark {

  /** Meters in the file. */
  @Param({"10", "100", "1000"})
  public int meters;

  /** 15-minute rows per meter: 35040 is a year. */
  @Param({"35040"})
  public int intervals;

  Path dir = Path.of(".");
  Path file = Path.of(".");
  final CsvIntervalReader reader = CsvIntervalReader.of(CsvMapping.builder().meterIdColumn("meter")
      .timestampColumn("start").intervalLength(IntervalLength.FIFTEEN_MINUTES)
      .addValue(ValueColumn.of("kWh", ValueRole.IMPORT, ValueUnit.KWH)).build());

  /**
   * Writes the file.
   *
   * @throws IOException if the temporary file cannot be made
   */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    dir = Files.createTempDirectory("gridbill-bench-csv");
    file = dir.resolve("usage.csv");
    BenchFiles.csv(file, meters, intervals);
    System.out.printf("%n[file] %d meters x %d intervals: %d MB%n", meters, intervals, Files.size(file) >> 20);
  }

  /**
   * Deletes the file.
   *
   * @throws IOException if it cannot be deleted
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  /** Prints the iteration's peak heap. */
  @TearDown(Level.Iteration)
  public void heap() {
    BenchFiles.reportPeakHeap("csv " + meters + " meters");
  }

  /**
   * Reads the file into one series per meter, keeping none.
   *
   * @return the intervals read
   */
  @Benchmark
  public long readCsv() {
    long[] n = new long[1];
    reader.read(file, s -> n[0] += s.size());
    if (n[0] != (long) meters * intervals) {
      throw new IllegalStateException("read " + n[0] + " intervals");
    }
    return n[0];
  }

  /**
   * A bare pass: read lines, split on commas, count the cells.
   *
   * @return the number of cells
   * @throws IOException if the file cannot be read
   */
  @Benchmark
  public long bareLineSplit() throws IOException {
    long cells = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        int from = 0;
        int comma;
        while ((comma = line.indexOf(',', from)) >= 0) {
          cells++;
          from = comma + 1;
        }
        cells++;
      }
    }
    return cells;
  }
}
