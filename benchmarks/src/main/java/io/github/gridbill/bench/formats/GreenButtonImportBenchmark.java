package io.github.gridbill.bench.formats;

import io.github.gridbill.formats.GreenButtonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
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
 * Green Button import: a generated feed of {@code meters} usage points × {@code intervals} 15-minute readings, read
 * with {@link GreenButtonReader#read(Path, java.util.function.Consumer)} (two passes, one usage point in memory at a
 * time), against a bare single-pass StAX loop over the same file that only parses the values (the floor for any StAX
 * reader). The fork runs with a 256 MB heap for every size: a 4 GB feed fits only if memory does not grow with the
 * file. Intervals/s = meters × intervals ÷ (s/op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class GreenButtonImportBenchmark {

  /** Usage points in the feed. */
  @Param({"10", "100", "1000"})
  public int meters;

  /** 15-minute readings per usage point: 35040 is a year. */
  @Param({"35040"})
  public int intervals;

  Path dir = Path.of(".");
  Path file = Path.of(".");
  final GreenButtonReader reader = GreenButtonReader.create();

  /**
   * Writes the feed.
   *
   * @throws IOException if the temporary file cannot be made
   */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    dir = Files.createTempDirectory("gridbill-bench-gb");
    file = dir.resolve("feed.xml");
    BenchFiles.greenButton(file, meters, intervals);
    System.out.printf("%n[file] %d meters x %d intervals: %d MB%n", meters, intervals, Files.size(file) >> 20);
  }

  /**
   * Deletes the feed.
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
    BenchFiles.reportPeakHeap("green button " + meters + " meters");
  }

  /**
   * Reads the feed into one series per usage point, keeping none.
   *
   * @return the intervals read
   */
  @Benchmark
  public long readFeed() {
    long[] n = new long[1];
    reader.read(file, r -> n[0] += r.series().orElseThrow().size());
    if (n[0] != (long) meters * intervals) {
      throw new IllegalStateException("read " + n[0] + " intervals");
    }
    return n[0];
  }

  /**
   * A bare StAX pass that parses every reading's value and nothing else.
   *
   * @return the sum of the values
   * @throws Exception if the file cannot be parsed
   */
  @Benchmark
  public long bareStaxValues() throws Exception {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    long sum = 0;
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("value")) {
          sum += Long.parseLong(r.getElementText());
        }
      }
      r.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return sum;
  }
}
