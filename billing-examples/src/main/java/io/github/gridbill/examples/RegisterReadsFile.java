package io.github.gridbill.examples;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.rating.RegisterRead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The register reads of {@code gridbill vee --register-reads}: a small CSV of cumulative register values, one read per
 * line, {@code timestamp,reading}.
 *
 * <pre>
 * timestamp,reading
 * 2024-06-03T00:00:00Z,10250.5
 * 2024-06-08T00:00:00Z,10310.5
 * </pre>
 *
 * <p>The header line is optional (a first line whose first field is {@code timestamp}); blank lines are skipped.
 * Timestamps are ISO instants or offset date-times ({@code 2024-06-03T00:00:00Z}, {@code 2024-06-03T02:00+02:00})
 * or local date-times in the meter's zone ({@code 2024-06-03T00:00}); a local time the zone skips moves forward, a
 * repeated one is the earlier. Readings are decimal kWh on the register's dial, not negative, below
 * {@code 10^digits}, and the timestamps rise strictly from line to line (a smaller reading than the one before is a
 * roll-over). Errors are {@link DataFormatException}s naming the file, the line, the field and the value; nothing is
 * used from a file with an error.
 */
final class RegisterReadsFile {

  /** One read and the line it came from. */
  record Read(int line, Instant at, BigDecimal kwh) {}

  private final String source;
  private final List<Read> reads;

  private RegisterReadsFile(String source, List<Read> reads) {
    this.source = source;
    this.reads = reads;
  }

  /**
   * Reads a file.
   *
   * @param file the file (UTF-8), not null
   * @param zone the zone of local date-times, not null
   * @param digits the whole-kWh digits of the register, 1 to 12
   * @return the reads, at least two, in time order
   * @throws DataFormatException if a line is malformed or the file holds fewer than two reads
   * @throws UncheckedIOException if the file cannot be read
   */
  static RegisterReadsFile read(Path file, ZoneId zone, int digits) {
    Objects.requireNonNull(file, "file");
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parse(file.getFileName().toString(), lines, zone, digits);
  }

  /**
   * Parses the lines of a file.
   *
   * @param source the name used in errors, for example {@code "reads.csv"}, not null
   * @param lines the lines, not null
   * @param zone the zone of local date-times, not null
   * @param digits the whole-kWh digits of the register, 1 to 12
   * @return the reads, at least two, in time order
   * @throws DataFormatException if a line is malformed or the file holds fewer than two reads
   */
  static RegisterReadsFile parse(String source, List<String> lines, ZoneId zone, int digits) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(zone, "zone");
    BigDecimal wrap = BigDecimal.TEN.pow(digits);
    List<Read> out = new ArrayList<>();
    boolean first = true;
    for (int i = 0; i < lines.size(); i++) {
      String text = i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i);
      if (text.isBlank()) {
        continue;
      }
      String where = "line " + (i + 1);
      String[] cells = text.split(",", -1);
      if (cells.length != 2) {
        throw new DataFormatException(source, where, "line", cells.length + " fields",
            "must have two fields, timestamp,reading");
      }
      String ts = unquote(cells[0]);
      String value = unquote(cells[1]);
      boolean header = first && ts.toLowerCase(Locale.ROOT).equals("timestamp");
      first = false;
      if (header) {
        continue;
      }
      Instant at = instant(source, where, ts, zone);
      BigDecimal kwh;
      try {
        kwh = new BigDecimal(value);
      } catch (NumberFormatException e) {
        throw new DataFormatException(source, where, "reading", "\"" + value + "\"", "must be a decimal number of kWh",
            e);
      }
      if (kwh.signum() < 0) {
        throw new DataFormatException(source, where, "reading", value, "must not be negative");
      }
      if (kwh.compareTo(wrap) >= 0) {
        throw new DataFormatException(source, where, "reading", value, "must fit the " + digits
            + "-digit register (--register-digits), below " + wrap.toPlainString() + " kWh");
      }
      if (!out.isEmpty() && !at.isAfter(out.get(out.size() - 1).at())) {
        Read prev = out.get(out.size() - 1);
        throw new DataFormatException(source, where, "timestamp", at, "must be after the read on line " + prev.line()
            + " at " + prev.at());
      }
      out.add(new Read(i + 1, at, kwh));
    }
    if (out.size() < 2) {
      throw new DataFormatException(source, "file", "reads", out.size(), "must be at least two, timestamp,reading"
          + " per line");
    }
    return new RegisterReadsFile(source, List.copyOf(out));
  }

  private static Instant instant(String source, String where, String ts, ZoneId zone) {
    try {
      return OffsetDateTime.parse(ts).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(ts).atZone(zone).toInstant();
      } catch (DateTimeParseException e2) {
        throw new DataFormatException(source, where, "timestamp", "\"" + ts + "\"", "must be an ISO instant such as"
            + " 2024-06-03T00:00:00Z or a local date-time in " + zone.getId() + " such as 2024-06-03T00:00", e2);
      }
    }
  }

  private static String unquote(String s) {
    String t = s.trim();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1).trim() : t;
  }

  /** The name used in errors. */
  String source() {
    return source;
  }

  /** Every read of the file, in time order. */
  List<Read> reads() {
    return reads;
  }

  /**
   * The first and the last read within a window, its end included: the span of the sum check and register scaling.
   *
   * @param window the window validated, not null
   * @param meterId the meter, not null
   * @return the start and end reads, never null
   * @throws DataFormatException if the window holds fewer than two reads, or one of the two is not an interval
   *     boundary of the window
   */
  List<RegisterRead> span(IntervalGrid window, String meterId) {
    List<Read> in = new ArrayList<>();
    for (Read r : reads) {
      if (!r.at().isBefore(window.start()) && !r.at().isAfter(window.end())) {
        in.add(r);
      }
    }
    if (in.size() < 2) {
      throw new DataFormatException(source, "file", "reads within the window [" + window.start() + ", "
          + window.end() + "]", in.size(), "must be at least two");
    }
    List<RegisterRead> out = new ArrayList<>(2);
    for (Read r : List.of(in.get(0), in.get(in.size() - 1))) {
      if (!isBoundary(window, r.at())) {
        throw new DataFormatException(source, "line " + r.line(), "timestamp", r.at(), "must be an interval boundary"
            + " of the window's " + window.length().minutes() + "-minute grid from " + window.start());
      }
      out.add(RegisterRead.of(meterId, r.at(), r.kwh()));
    }
    return List.copyOf(out);
  }

  private static boolean isBoundary(IntervalGrid grid, Instant t) {
    if (t.equals(grid.end())) {
      return true;
    }
    int i = grid.indexOf(t);
    return i >= 0 && grid.intervalStart(i).equals(t);
  }
}
