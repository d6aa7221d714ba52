package io.github.gridbill.formats;

import java.nio.charset.StandardCharsets;

/** Writes small synthetic ESPI feeds for tests. */
final class EspiFeeds {
  private EspiFeeds() {}

  /** One channel of a usage point: flow direction, power of ten, values and the reading length. */
  static final class Chan {
    final int flow;
    final int powerOfTen;
    final long start;
    final int seconds;
    final long[] values;

    Chan(int flow, int powerOfTen, long start, int seconds, long... values) {
      this.flow = flow;
      this.powerOfTen = powerOfTen;
      this.start = start;
      this.seconds = seconds;
      this.values = values;
    }
  }

  static String head() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        + "<id>urn:uuid:feed</id><title>Test</title>\n";
  }

  static String usagePoint(String up, int kind) {
    return "<entry><id>urn:uuid:" + up + "</id><link rel=\"self\" href=\"/UsagePoint/" + up + "\"/>"
        + "<link rel=\"related\" href=\"/UsagePoint/" + up + "/MeterReading\"/><title>" + up + "</title>"
        + "<content><UsagePoint xmlns=\"http://naesb.org/espi\"><ServiceCategory><kind>" + kind
        + "</kind></ServiceCategory></UsagePoint></content></entry>\n";
  }

  static String meterReading(String up, int n, Chan c) {
    String mr = "/UsagePoint/" + up + "/MeterReading/" + n;
    StringBuilder b = new StringBuilder();
    b.append("<entry><link rel=\"self\" href=\"").append(mr).append("\"/><link rel=\"up\" href=\"/UsagePoint/")
        .append(up).append("/MeterReading\"/><link rel=\"related\" href=\"").append(mr)
        .append("/IntervalBlock\"/><link rel=\"related\" href=\"/ReadingType/").append(up).append('-').append(n)
        .append("\"/><content><MeterReading xmlns=\"http://naesb.org/espi\"/></content></entry>\n");
    b.append("<entry><link rel=\"self\" href=\"/ReadingType/").append(up).append('-').append(n)
        .append("\"/><content><ReadingType xmlns=\"http://naesb.org/espi\"><accumulationBehaviour>4"
            + "</accumulationBehaviour><flowDirection>").append(c.flow).append("</flowDirection><intervalLength>")
        .append(c.seconds).append("</intervalLength><powerOfTenMultiplier>").append(c.powerOfTen)
        .append("</powerOfTenMultiplier><uom>72</uom></ReadingType></content></entry>\n");
    return b.toString();
  }

  static String blocks(String up, int n, Chan c, int perBlock) {
    String mr = "/UsagePoint/" + up + "/MeterReading/" + n;
    StringBuilder b = new StringBuilder();
    for (int from = 0; from < c.values.length; from += perBlock) {
      int to = Math.min(c.values.length, from + perBlock);
      b.append("<entry><link rel=\"self\" href=\"").append(mr).append("/IntervalBlock/").append(from)
          .append("\"/><link rel=\"up\" href=\"").append(mr).append("/IntervalBlock\"/><content>"
              + "<IntervalBlock xmlns=\"http://naesb.org/espi\"><interval><duration>")
          .append((long) (to - from) * c.seconds).append("</duration><start>")
          .append(c.start + (long) from * c.seconds).append("</start></interval>");
      for (int i = from; i < to; i++) {
        b.append("<IntervalReading><timePeriod><duration>").append(c.seconds).append("</duration><start>")
            .append(c.start + (long) i * c.seconds).append("</start></timePeriod><value>").append(c.values[i])
            .append("</value></IntervalReading>");
      }
      b.append("</IntervalBlock></content></entry>\n");
    }
    return b.toString();
  }

  static String feed(String up, Chan... channels) {
    StringBuilder b = new StringBuilder(head()).append(usagePoint(up, 0));
    for (int i = 0; i < channels.length; i++) {
      b.append(meterReading(up, i + 1, channels[i]));
    }
    for (int i = 0; i < channels.length; i++) {
      b.append(blocks(up, i + 1, channels[i], 96));
    }
    return b.append("</feed>\n").toString();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
