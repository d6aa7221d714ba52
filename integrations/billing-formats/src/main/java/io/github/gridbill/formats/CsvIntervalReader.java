package io.github.gridbill.formats;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads CSV interval data with a declared {@link CsvMapping} into one {@link IntervalSeries} per meter, streaming.
 *
 * <p>The first row is the header; columns are found by name. Each row is one interval of one meter: its start comes
 * from the timestamp column (ISO instants, or local date-times in the mapping's zone) or from the meter's row number
 * on a fixed grid. Values are converted to milliwatt-hours exactly and rounded once with the mapping's rounding mode
 * (at most 0.5 mWh of error per value with a HALF_* mode). A meter's series spans its first to last interval; intervals
 * without a row are MISSING. A row whose value cells are all blank is MISSING.
 *
 * <p>Errors name the file, the line, the column and the value ({@link DataFormatException}; {@link LocalTimeException}
 * for an ambiguous or skipped local time at a DST change). {@link #read(Path, Consumer)} reads the file twice: pass one
 * validates every row keeping per-meter counters only, pass two fills one meter's arrays at a time and hands the series
 * over when its last row is read. A malformed file therefore throws before any series is handed over, and memory is
 * that of the meters open at once (one, when rows are grouped by meter), not of the file. This class is immutable and
 * thread-safe.
 */
public final class CsvIntervalReader {

  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(CsvReadFeature.SKIP_EMPTY_LINES)
      .build();
  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

  /** Opens the file afresh for each pass. */
  interface Opener {
    InputStream open() throws IOException;
  }

  private final CsvMapping mapping;
  private final @Nullable DateTimeFormatter pattern;
  private final ObjectReader reader;
  private final long lengthSeconds;
  private final long maxPerInterval;
  private final boolean exportChannel;

  private CsvIntervalReader(CsvMapping mapping) {
    this.mapping = mapping;
    this.pattern = mapping.timestampPattern().map(p -> DateTimeFormatter.ofPattern(p, Locale.ROOT)).orElse(null);
    this.reader = CSV.readerFor(String[].class).with(CsvSchema.emptySchema().withColumnSeparator(mapping.separator()));
    this.lengthSeconds = mapping.intervalLength().seconds();
    this.maxPerInterval = IntervalSeries.DEFAULT_MAX_DEMAND.milliwatts() / mapping.intervalLength().perHour();
    this.exportChannel = mapping.values().stream().anyMatch(v -> v.role() != ValueRole.IMPORT
        && v.role() != ValueRole.LOAD);
  }

  /**
   * A reader for a mapping.
   *
   * @param mapping the column mapping, not null
   * @return the reader, never null
   */
  public static CsvIntervalReader of(CsvMapping mapping) {
    return new CsvIntervalReader(Objects.requireNonNull(mapping, "mapping"));
  }

  /**
   * Streams a file: validates every row, then hands over one meter's series at a time, in the order meters complete.
   *
   * @param file the CSV file (UTF-8), not null
   * @param sink receives each meter's series, not null
   * @throws DataFormatException if a row is malformed (before anything is handed over)
   * @throws UncheckedIOException if the file cannot be read
   */
  public void read(Path file, Consumer<IntervalSeries> sink) {
    Objects.requireNonNull(file, "file");
    read(file.getFileName().toString(), () -> Files.newInputStream(file), sink);
  }

  /**
   * Reads a file into a list of series, one per meter.
   *
   * @param file the CSV file (UTF-8), not null
   * @return the series in the order meters complete, never null
   * @throws DataFormatException if a row is malformed
   * @throws UncheckedIOException if the file cannot be read
   */
  public List<IntervalSeries> readAll(Path file) {
    List<IntervalSeries> out = new ArrayList<>();
    read(file, out::add);
    return List.copyOf(out);
  }

  /**
   * Reads CSV text into a list of series, one per meter.
   *
   * @param sourceName the name used in errors, for example {@code "usage.csv"}, not null
   * @param content the CSV text, not null
   * @return the series in the order meters complete, never null
   * @throws DataFormatException if a row is malformed
   */
  public List<IntervalSeries> readAll(String sourceName, String content) {
    byte[] bytes = Objects.requireNonNull(content, "content").getBytes(StandardCharsets.UTF_8);
    List<IntervalSeries> out = new ArrayList<>();
    read(sourceName, () -> new ByteArrayInputStream(bytes), out::add);
    return List.copyOf(out);
  }

  void read(String source, Opener opener, Consumer<IntervalSeries> sink) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sink, "sink");
    Map<String, Meter> meters = new LinkedHashMap<>();
    scan(source, opener, (row, line) -> index(source, meters, row, line));
    Map<String, Integer> seen = new HashMap<>();
    scan(source, opener, (row, line) -> fill(source, meters, seen, row, line, sink));
    for (Meter m : meters.values()) {
      if (m.filled != m.count) {
        throw new DataFormatException(source, "file", "rows", m.filled + " of " + m.count,
            "must be the same in both passes (the file changed while it was read)");
      }
    }
  }

  // ------------------------------------------------------------------ rows

  /** Per-meter counters of pass one, arrays of pass two. */
  private static final class Meter {
    final String id;
    long anchor = Long.MIN_VALUE;
    long minIndex = Long.MAX_VALUE;
    long maxIndex = Long.MIN_VALUE;
    long count;
    int rows;
    final RunSet runs = new RunSet();
    long filled;
    long @Nullable [] imports;
    long @Nullable [] exports;
    byte @Nullable [] quality;

    Meter(String id) {
      this.id = id;
    }

    /** Adds interval {@code i}; false if it is already there. */
    boolean insert(long i) {
      return runs.add(i, i + 1);
    }
  }

  /** One parsed row. */
  private static final class Row {
    String meter = "";
    long start;
    long imports;
    long exports;
    byte quality;
  }

  private interface RowSink {
    void row(Row row, int line);
  }

  private void scan(String source, Opener opener, RowSink sink) {
    try (InputStream in = opener.open(); JsonParser p = reader.createParser(in)) {
      Map<String, Integer> header = null;
      int[] cols = null;
      List<String> cells = new ArrayList<>();
      Row row = new Row();
      JsonToken t;
      int line = 0;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_ARRAY) {
          cells.clear();
        } else if (t == JsonToken.END_ARRAY) {
          if (header == null) {
            header = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
              header.putIfAbsent(cells.get(i).trim(), i);
            }
            cols = columns(source, header, line);
          } else {
            parse(source, Objects.requireNonNull(cols), cells, line, row);
            sink.row(row, line);
          }
        } else if (t.isScalarValue()) {
          if (cells.isEmpty()) {
            line = p.currentTokenLocation().getLineNr(); // the row's first cell: its physical line, from 1
          }
          cells.add(p.getString());
        }
      }
      if (header == null) {
        throw new DataFormatException(source, "line 1", "header", null, "must be present");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "file" : "line " + e.getLocation().getLineNr();
      throw new DataFormatException(source, where, "csv", null, "must be well-formed CSV (" + e.getOriginalMessage()
          + ")", e);
    }
  }

  /** Column indices: meter, timestamp, quality, then each value column; -1 when not used. */
  private int[] columns(String source, Map<String, Integer> header, int line) {
    int[] c = new int[3 + mapping.values().size()];
    c[0] = mapping.meterIdColumn().map(n -> column(source, header, n, line)).orElse(-1);
    c[1] = mapping.timestampColumn().map(n -> column(source, header, n, line)).orElse(-1);
    c[2] = mapping.qualityColumn().map(n -> column(source, header, n, line)).orElse(-1);
    for (int i = 0; i < mapping.values().size(); i++) {
      c[3 + i] = column(source, header, mapping.values().get(i).column(), line);
    }
    return c;
  }

  private static int column(String source, Map<String, Integer> header, String name, int line) {
    Integer i = header.get(name);
    if (i == null) {
      throw new DataFormatException(source, "line " + line, "header", "\"" + name + "\"",
          "must name a column of the header " + header.keySet());
    }
    return i;
  }

  private static String cell(String source, List<String> cells, int col, int line, String name) {
    if (col >= cells.size()) {
      throw new DataFormatException(source, "line " + line, name, cells.size() + " cells",
          "must be present (the row is too short)");
    }
    return cells.get(col).trim();
  }

  private void parse(String source, int[] cols, List<String> cells, int line, Row row) {
    String where = "line " + line;
    if (cols[0] >= 0) {
      String id = cell(source, cells, cols[0], line, mapping.meterIdColumn().orElse(""));
      if (id.isEmpty()) {
        throw new DataFormatException(source, where, mapping.meterIdColumn().orElse(""), "\"\"", "must not be blank");
      }
      row.meter = id;
    } else {
      row.meter = mapping.fixedMeterId().orElse("");
    }
    if (cols[1] >= 0) {
      String name = mapping.timestampColumn().orElse("");
      long s = instant(source, where, name, cell(source, cells, cols[1], line, name));
      row.start = mapping.timestampPosition() == TimestampPosition.INTERVAL_END ? s - lengthSeconds : s;
    }
    byte q = ReadingQuality.ACTUAL.code();
    if (cols[2] >= 0) {
      String name = mapping.qualityColumn().orElse("");
      q = quality(source, where, name, cell(source, cells, cols[2], line, name)).code();
    }
    if (!fastValues(cols, cells, row) && !slowValues(source, cols, cells, line, row)) {
      // all value cells blank: a MISSING interval
      if (q != ReadingQuality.ACTUAL.code() && q != ReadingQuality.MISSING.code()) {
        throw new DataFormatException(source, where, mapping.qualityColumn().orElse("quality"),
            ReadingQuality.ofCode(q), "must be MISSING or blank when the values are blank");
      }
      row.imports = 0;
      row.exports = 0;
      row.quality = ReadingQuality.MISSING.code();
      return;
    }
    if (q == ReadingQuality.MISSING.code() && (row.imports != 0 || row.exports != 0)) {
      throw new DataFormatException(source, where, mapping.qualityColumn().orElse("quality"), "MISSING",
          "must come with blank or zero values, but the row holds " + row.imports + " / " + row.exports + " mWh");
    }
    long worst = Math.max(row.imports, row.exports);
    if (worst > maxPerInterval) {
      throw new DataFormatException(source, where, "values", worst + " mWh", "must not exceed the sane maximum of "
          + maxPerInterval + " mWh per interval (" + IntervalSeries.DEFAULT_MAX_DEMAND + ")");
    }
    row.quality = q;
  }

  /**
   * The common case without BigDecimal: every value present, a plain decimal of at most 18 digits, not negative unless
   * NET, and a whole number of mWh. Returns false (row untouched) otherwise; the exact path then decides.
   */
  private boolean fastValues(int[] cols, List<String> cells, Row row) {
    int minutes = mapping.intervalLength().minutes();
    long imp = 0;
    long exp = 0;
    long net = 0;
    boolean hasNet = false;
    for (int i = 0; i < mapping.values().size(); i++) {
      ValueColumn vc = mapping.values().get(i);
      int col = cols[3 + i];
      if (col >= cells.size()) {
        return false;
      }
      long x60 = sixtyTimesMilliwattHours(cells.get(col), vc.unit(), minutes, vc.role() == ValueRole.NET);
      if (x60 == Long.MIN_VALUE || x60 % 60 != 0) {
        return false;
      }
      long mwh = x60 / 60;
      switch (vc.role()) {
        case IMPORT:
          imp = mwh;
          break;
        case EXPORT:
          exp = mwh;
          break;
        case GENERATION:
          hasNet = true;
          net -= mwh;
          break;
        default:
          hasNet = true;
          net += mwh;
      }
    }
    if (hasNet) {
      row.imports = Math.max(net, 0);
      row.exports = Math.max(-net, 0);
    } else {
      row.imports = imp;
      row.exports = exp;
    }
    return true;
  }

  private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
      100_000_000L, 1_000_000_000L};

  /** 60 × mWh of a plain decimal text, or Long.MIN_VALUE when the fast path does not apply. */
  private static long sixtyTimesMilliwattHours(String text, ValueUnit unit, int minutes, boolean signed) {
    int n = text.length();
    int i = 0;
    while (i < n && text.charAt(i) == ' ') {
      i++;
    }
    while (n > i && text.charAt(n - 1) == ' ') {
      n--;
    }
    boolean negative = false;
    if (i < n && text.charAt(i) == '-') {
      if (!signed) {
        return Long.MIN_VALUE;
      }
      negative = true;
      i++;
    }
    long unscaled = 0;
    int digits = 0;
    int scale = -1;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits > 18) {
          return Long.MIN_VALUE;
        }
        unscaled = unscaled * 10 + (c - '0');
        if (scale >= 0) {
          scale++;
        }
      } else if (c == '.' && scale < 0) {
        scale = 0;
      } else {
        return Long.MIN_VALUE;
      }
    }
    if (digits == 0) {
      return Long.MIN_VALUE;
    }
    int k = (unit == ValueUnit.WH || unit == ValueUnit.W) ? 3 : 6;
    int sc = Math.max(scale, 0);
    if (sc > k) {
      return Long.MIN_VALUE;
    }
    try {
      long milli = Math.multiplyExact(unscaled, POW10[k - sc]);
      long x60 = Math.multiplyExact(milli, unit.isPower() ? minutes : 60);
      return negative ? -x60 : x60;
    } catch (ArithmeticException e) {
      return Long.MIN_VALUE;
    }
  }

  /** The exact path: BigDecimal, one rounding. Returns false if every value cell is blank. */
  private boolean slowValues(String source, int[] cols, List<String> cells, int line, Row row) {
    String where = "line " + line;
    int minutes = mapping.intervalLength().minutes();
    BigDecimal imp60 = BigDecimal.ZERO;
    BigDecimal exp60 = BigDecimal.ZERO;
    BigDecimal net60 = null;
    int blanks = 0;
    for (int i = 0; i < mapping.values().size(); i++) {
      ValueColumn vc = mapping.values().get(i);
      String text = cell(source, cells, cols[3 + i], line, vc.column());
      if (text.isEmpty()) {
        blanks++;
        continue;
      }
      BigDecimal v;
      try {
        v = new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new DataFormatException(source, where, vc.column(), "\"" + text + "\"", "must be a decimal number", e);
      }
      if (v.signum() < 0 && vc.role() != ValueRole.NET) {
        throw new DataFormatException(source, where, vc.column(), text, "must not be negative for "
            + vc.role().name().toLowerCase(Locale.ROOT) + " (use a NET column for signed values)");
      }
      BigDecimal x60 = vc.unit().sixtyTimesMilliwattHours(v, minutes);
      switch (vc.role()) {
        case IMPORT:
          imp60 = x60;
          break;
        case EXPORT:
          exp60 = x60;
          break;
        case NET:
        case LOAD:
          net60 = net60 == null ? x60 : net60.add(x60);
          break;
        case GENERATION:
          net60 = net60 == null ? x60.negate() : net60.subtract(x60);
          break;
        default:
          throw new IllegalStateException("role " + vc.role());
      }
    }
    if (blanks > 0 && blanks < mapping.values().size()) {
      throw new DataFormatException(source, where, "values", blanks + " blank of " + mapping.values().size(),
          "must be all present or all blank (MISSING)");
    }
    if (blanks > 0) {
      return false;
    }
    if (net60 != null) {
      long n = round(source, where, net60);
      row.imports = Math.max(n, 0);
      row.exports = Math.max(-n, 0);
    } else {
      row.imports = round(source, where, imp60);
      row.exports = round(source, where, exp60);
    }
    return true;
  }

  private long round(String source, String where, BigDecimal sixtyTimes) {
    try {
      return sixtyTimes.divide(SIXTY, 0, mapping.roundingMode()).longValueExact();
    } catch (ArithmeticException e) {
      throw new DataFormatException(source, where, "values", sixtyTimes.divide(SIXTY, 3, mapping.roundingMode())
          + " mWh", "must round with " + mapping.roundingMode() + " and fit a long (" + e.getMessage() + ")", e);
    }
  }

  private ReadingQuality quality(String source, String where, String column, String text) {
    if (text.isEmpty()) {
      return ReadingQuality.ACTUAL;
    }
    ReadingQuality q = mapping.qualityCodes().get(text);
    if (q != null) {
      return q;
    }
    for (ReadingQuality r : ReadingQuality.values()) {
      if (r.name().equalsIgnoreCase(text)) {
        return r;
      }
    }
    throw new DataFormatException(source, where, column, "\"" + text + "\"", "must be a quality code "
        + mapping.qualityCodes().keySet() + " or a ReadingQuality name");
  }

  private long instant(String source, String where, String column, String text) {
    ZoneId zone = mapping.localZone().orElse(null);
    if (zone == null) {
      long fast = fastUtc(text);
      if (fast != Long.MIN_VALUE) {
        return fast;
      }
      try {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from).getEpochSecond();
      } catch (DateTimeException e) {
        throw new DataFormatException(source, where, column, "\"" + text + "\"",
            "must be an ISO instant with an offset, for example 2024-03-10T07:15:00Z", e);
      }
    }
    LocalDateTime ldt = pattern == null ? fastLocal(text) : null;
    try {
      if (ldt == null) {
        ldt = pattern == null ? LocalDateTime.parse(text) : LocalDateTime.parse(text, pattern);
      }
    } catch (DateTimeParseException e) {
      throw new DataFormatException(source, where, column, "\"" + text + "\"", "must be a local date-time"
          + mapping.timestampPattern().map(p -> " of pattern " + p).orElse(" such as 2024-03-10T02:15"), e);
    }
    ZoneRules rules = zone.getRules();
    List<ZoneOffset> offsets = rules.getValidOffsets(ldt);
    if (offsets.size() == 1) {
      return ldt.toEpochSecond(offsets.get(0));
    }
    ZoneOffsetTransition tr = rules.getTransition(ldt);
    if (offsets.isEmpty()) {
      if (mapping.nonexistentTime() == NonexistentTimeRule.SHIFT_FORWARD) {
        return ZonedDateTime.ofLocal(ldt, zone, null).toEpochSecond();
      }
      throw new LocalTimeException(source, where, column, ldt, zone, LocalTimeException.Problem.NONEXISTENT,
          "does not exist in " + zone + " (clocks jump from " + tr.getDateTimeBefore() + " to "
              + tr.getDateTimeAfter() + "); declare a NonexistentTimeRule");
    }
    switch (mapping.ambiguousTime()) {
      case EARLIER_OFFSET:
        return ZonedDateTime.ofLocal(ldt, zone, null).withEarlierOffsetAtOverlap().toEpochSecond();
      case LATER_OFFSET:
        return ZonedDateTime.ofLocal(ldt, zone, null).withLaterOffsetAtOverlap().toEpochSecond();
      default:
        throw new LocalTimeException(source, where, column, ldt, zone, LocalTimeException.Problem.AMBIGUOUS,
            "is ambiguous in " + zone + " (it occurs at " + offsets.get(0) + " and " + offsets.get(1)
                + "); declare an AmbiguousTimeRule");
    }
  }

  /** {@code yyyy-MM-ddTHH:mm:ssZ} without a formatter, or Long.MIN_VALUE. */
  private static long fastUtc(String t) {
    if (t.length() != 20 || t.charAt(19) != 'Z') {
      return Long.MIN_VALUE;
    }
    LocalDateTime ldt = fastLocal(t.substring(0, 19));
    return ldt == null ? Long.MIN_VALUE : ldt.toEpochSecond(ZoneOffset.UTC);
  }

  /** {@code yyyy-MM-ddTHH:mm} or {@code yyyy-MM-ddTHH:mm:ss} without a formatter, or null. */
  private static @Nullable LocalDateTime fastLocal(String t) {
    int n = t.length();
    if ((n != 16 && n != 19) || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
        || t.charAt(13) != ':' || (n == 19 && t.charAt(16) != ':')) {
      return null;
    }
    int y = digits(t, 0, 4);
    int mo = digits(t, 5, 2);
    int d = digits(t, 8, 2);
    int h = digits(t, 11, 2);
    int mi = digits(t, 14, 2);
    int s = n == 19 ? digits(t, 17, 2) : 0;
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) {
      return null;
    }
    try {
      return LocalDateTime.of(y, mo, d, h, mi, s);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String t, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  // ------------------------------------------------------------------ passes

  private void index(String source, Map<String, Meter> meters, Row row, int line) {
    Meter m = meters.computeIfAbsent(row.meter, Meter::new);
    long idx;
    if (mapping.gridStart().isPresent()) {
      m.anchor = mapping.gridStart().get().getEpochSecond();
      idx = m.rows++;
    } else {
      if (m.anchor == Long.MIN_VALUE) {
        m.anchor = row.start;
      }
      long d = row.start - m.anchor;
      if (Math.floorMod(d, lengthSeconds) != 0) {
        throw new DataFormatException(source, "line " + line, mapping.timestampColumn().orElse(""),
            Instant.ofEpochSecond(row.start), "must be on the " + mapping.intervalLength().minutes()
                + "-minute grid of the meter's first row (" + Instant.ofEpochSecond(m.anchor) + ")");
      }
      idx = Math.floorDiv(d, lengthSeconds);
    }
    if (!m.insert(idx)) {
      throw new DataFormatException(source, "line " + line, mapping.timestampColumn().orElse("row"),
          Instant.ofEpochSecond(m.anchor + idx * lengthSeconds), "must not repeat an interval of meter " + m.id);
    }
    m.minIndex = Math.min(m.minIndex, idx);
    m.maxIndex = Math.max(m.maxIndex, idx);
    m.count++;
    if (m.maxIndex - m.minIndex + 1 > IntervalSeries.MAX_INTERVALS) {
      throw new DataFormatException(source, "line " + line, "rows", m.id, "must span at most "
          + IntervalSeries.MAX_INTERVALS + " intervals per meter, but this row makes them span "
          + (m.maxIndex - m.minIndex + 1));
    }
  }

  private void fill(String source, Map<String, Meter> meters, Map<String, Integer> rowsSeen, Row row, int line,
      Consumer<IntervalSeries> sink) {
    Meter m = meters.get(row.meter);
    if (m == null) {
      throw new DataFormatException(source, "line " + line, "rows", row.meter,
          "must be the same in both passes (the file changed while it was read)");
    }
    long idx;
    if (mapping.gridStart().isPresent()) {
      idx = rowsSeen.merge(row.meter, 1, Integer::sum) - 1L;
    } else {
      idx = Math.floorDiv(row.start - m.anchor, lengthSeconds);
    }
    int n = (int) (m.maxIndex - m.minIndex + 1);
    if (m.imports == null) {
      m.imports = new long[n];
      m.exports = exportChannel ? new long[n] : null;
      m.quality = new byte[n];
      Arrays.fill(m.quality, ReadingQuality.MISSING.code());
    }
    int k = (int) (idx - m.minIndex);
    if (k < 0 || k >= n) {
      throw new DataFormatException(source, "line " + line, "rows", row.meter,
          "must be the same in both passes (the file changed while it was read)");
    }
    m.imports[k] = row.imports;
    long[] e = m.exports;
    if (e != null) {
      e[k] = row.exports;
    }
    Objects.requireNonNull(m.quality)[k] = row.quality;
    m.filled++;
    if (m.filled == m.count) {
      IntervalGrid grid = IntervalGrid.of(Instant.ofEpochSecond(m.anchor + m.minIndex * lengthSeconds),
          mapping.intervalLength(), n);
      IntervalSeries.Builder b = IntervalSeries.builder(m.id, grid).imports(m.imports);
      if (e != null) {
        b.exports(e);
      }
      byte[] q = m.quality;
      boolean allActual = true;
      for (byte x : q) {
        allActual &= x == 0;
      }
      if (!allActual) {
        b.quality(q);
      }
      IntervalSeries s = b.build();
      m.imports = null;
      m.exports = null;
      m.quality = null;
      sink.accept(s);
    }
  }
}
