package io.github.gridbill.bench.formats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/** Writes the generated input files of the format benchmarks and reports heap peaks. */
final class BenchFiles {
  private BenchFiles() {}

  /** 2024-01-01T05:00:00Z: local midnight in US Eastern standard time. */
  static final long START = 1_704_085_200L;

  /**
   * Writes a Green Button feed: per meter a UsagePoint, a MeterReading, a ReadingType (Wh, delivered, 900 s) and daily
   * IntervalBlocks of 96 readings.
   *
   * @param file the file to write
   * @param meters the number of usage points
   * @param intervals the 15-minute readings per meter
   */
  static void greenButton(Path file, int meters, int intervals) {
    SplittableRandom r = new SplittableRandom(7);
    try (Writer w = new BufferedWriter(java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
          + "<id>urn:uuid:bench</id><title>bench</title>\n");
      for (int m = 0; m < meters; m++) {
        String up = "/espi/1_1/resource/RetailCustomer/" + m + "/UsagePoint/1";
        String mr = up + "/MeterReading/1";
        String rt = "/espi/1_1/resource/ReadingType/" + m;
        w.write("<entry><link rel=\"self\" href=\"" + up + "\"/><link rel=\"related\" href=\"" + up
            + "/MeterReading\"/><title>meter " + m + "</title><content><UsagePoint xmlns=\"http://naesb.org/espi\">"
            + "<ServiceCategory><kind>0</kind></ServiceCategory></UsagePoint></content></entry>\n");
        w.write("<entry><link rel=\"self\" href=\"" + mr + "\"/><link rel=\"up\" href=\"" + up + "/MeterReading\"/>"
            + "<link rel=\"related\" href=\"" + mr + "/IntervalBlock\"/><link rel=\"related\" href=\"" + rt + "\"/>"
            + "<content><MeterReading xmlns=\"http://naesb.org/espi\"/></content></entry>\n");
        w.write("<entry><link rel=\"self\" href=\"" + rt + "\"/><content><ReadingType xmlns=\"http://naesb.org/espi\">"
            + "<accumulationBehaviour>4</accumulationBehaviour><commodity>1</commodity><flowDirection>1"
            + "</flowDirection><intervalLength>900</intervalLength><kind>12</kind><powerOfTenMultiplier>0"
            + "</powerOfTenMultiplier><uom>72</uom></ReadingType></content></entry>\n");
        for (int from = 0; from < intervals; from += 96) {
          int to = Math.min(intervals, from + 96);
          long s = START + 900L * from;
          w.write("<entry><link rel=\"self\" href=\"" + mr + "/IntervalBlock/" + from + "\"/><link rel=\"up\" href=\""
              + mr + "/IntervalBlock\"/><content><IntervalBlock xmlns=\"http://naesb.org/espi\"><interval><duration>"
              + (900L * (to - from)) + "</duration><start>" + s + "</start></interval>");
          StringBuilder b = new StringBuilder(96 * 120);
          for (int i = from; i < to; i++) {
            b.append("<IntervalReading><timePeriod><duration>900</duration><start>").append(START + 900L * i)
                .append("</start></timePeriod><value>").append(r.nextInt(50, 2500))
                .append("</value></IntervalReading>");
          }
          w.write(b.toString());
          w.write("</IntervalBlock></content></entry>\n");
        }
      }
      w.write("</feed>\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a CSV file {@code meter,start,kWh} with rows grouped by meter, ISO instants and three-decimal kWh.
   *
   * @param file the file to write
   * @param meters the number of meters
   * @param intervals the 15-minute rows per meter
   */
  static void csv(Path file, int meters, int intervals) {
    SplittableRandom r = new SplittableRandom(7);
    try (Writer w = new BufferedWriter(java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      w.write("meter,start,kWh\n");
      StringBuilder b = new StringBuilder(64);
      for (int m = 0; m < meters; m++) {
        String id = "M" + m;
        for (int i = 0; i < intervals; i++) {
          b.setLength(0);
          int v = r.nextInt(50, 2500);
          b.append(id).append(',').append(Instant.ofEpochSecond(START + 900L * i)).append(',').append(v / 1000)
              .append('.').append(v % 1000 < 10 ? "00" : v % 1000 < 100 ? "0" : "").append(v % 1000).append('\n');
          w.write(b.toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints and resets the peak usage of the heap pools (MB), so each iteration reports its own peak. */
  static void reportPeakHeap(String what) {
    long sum = 0;
    long old = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        long used = p.getPeakUsage().getUsed();
        sum += used;
        if (p.getName().contains("Old") || p.getName().contains("Tenured")) {
          old = Math.max(old, used);
        }
        p.resetPeakUsage();
      }
    }
    System.out.printf("%n[heap] %s: peak heap pools %d MB (old generation %d MB), max heap %d MB%n", what,
        sum >> 20, old >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }
}
