package io.github.gridbill.examples;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.formats.CsvIntervalReader;
import io.github.gridbill.formats.CsvMapping;
import io.github.gridbill.formats.GreenButtonImport;
import io.github.gridbill.formats.GreenButtonReader;
import io.github.gridbill.formats.UsagePointResult;
import io.github.gridbill.formats.ValueColumn;
import io.github.gridbill.formats.ValueRole;
import io.github.gridbill.formats.ValueUnit;
import io.github.gridbill.rating.IntervalSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The meter-file flags of a {@code gridbill} subcommand and the reading of the file through
 * {@code integrations/billing-formats}, with the same flags, checks and messages as {@code gridbill rate}: Green
 * Button (NAESB ESPI XML) or CSV with a declared column mapping.
 *
 * <p>Bad flags throw a picocli {@code ParameterException} (exit 2 with one line and the usage); a file the readers
 * refuse throws their typed {@link io.github.gridbill.core.BillingException} (exit 1 with one line).
 */
final class MeterFileOptions {

  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  @SuppressWarnings("NullAway.Init")
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--meter", required = true, paramLabel = "FILE", description = "The interval data file.")
  @SuppressWarnings("NullAway.Init")
  Path meterFile;

  @Option(names = "--meter-format", required = true, paramLabel = "FORMAT",
      description = "greenbutton (NAESB ESPI XML) or csv.")
  @SuppressWarnings("NullAway.Init")
  String meterFormat;

  @Option(names = "--usage-point", paramLabel = "ID",
      description = "greenbutton: the usage point to read (default: the first with interval electricity data).")
  @Nullable String usagePoint;

  @Option(names = "--columns", paramLabel = "ROLE=COLUMN[,...]",
      description = "csv: value columns by role: import, export, net, load, gen (load and gen: the meter sees"
          + " load - gen), for example load=load_kw,gen=gen_kw.")
  @Nullable String columns;

  @Option(names = "--unit", paramLabel = "UNIT",
      description = "csv: unit of the values: kW, kWh, W or Wh (average power or energy per interval; default kWh).")
  @Nullable String unit;

  @Option(names = "--timestamp-column", paramLabel = "NAME",
      description = "csv: the column with each interval's start: ISO instants (2018-01-01T05:00:00Z) or local"
          + " date-times in --zone (2018-01-01T00:00).")
  @Nullable String timestampColumn;

  @Option(names = "--start", paramLabel = "DATETIME",
      description = "csv without timestamps: the local start of the first row in --zone; row k is interval k.")
  @Nullable LocalDateTime start;

  @Option(names = "--interval", paramLabel = "DURATION",
      description = "csv: the interval length, PT1M, PT5M, PT10M, PT15M, PT30M or PT1H.")
  @Nullable String interval;

  @Option(names = "--meter-id", paramLabel = "ID",
      description = "csv: the meter id (default: the file name without extension).")
  @Nullable String meterId;

  private CommandLine.ParameterException bad(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /**
   * The format, after checking every meter flag against it (before any file is read).
   *
   * @param zone the zone of local csv times
   * @return the csv mapping for csv, or null for Green Button
   */
  @Nullable CsvMapping check(ZoneId zone) {
    String mf = oneOf("--meter-format", meterFormat, "greenbutton", "csv");
    checkReadable("--meter", meterFile);
    if (!mf.equals("greenbutton") && usagePoint != null) {
      throw bad("--usage-point applies to --meter-format greenbutton only");
    }
    if (!mf.equals("csv")) {
      String[] csvOnly = {"--columns", "--unit", "--timestamp-column", "--start", "--interval", "--meter-id"};
      @Nullable Object[] given = {columns, unit, timestampColumn, start, interval, meterId};
      for (int i = 0; i < csvOnly.length; i++) {
        if (given[i] != null) {
          throw bad(csvOnly[i] + " applies to --meter-format csv only");
        }
      }
      return null;
    }
    return csvMapping(zone);
  }

  /**
   * Reads the meter's series.
   *
   * @param mapping the csv mapping from {@link #check}, or null for Green Button
   * @return the series, never null
   */
  IntervalSeries read(@Nullable CsvMapping mapping) {
    return read(meterFile, "--meter", mapping);
  }

  /**
   * Reads another file of the same meter with the same flags, for example {@code gridbill vee --history}: the csv
   * mapping (columns, unit, meter id from {@code --meter}'s name or {@code --meter-id}) or the Green Button usage
   * point are those of the meter file.
   *
   * @param file the file, not null
   * @param flag the file's flag, named in errors, for example {@code "--history"}
   * @param mapping the csv mapping from {@link #check}, or null for Green Button
   * @return the series, never null
   */
  IntervalSeries read(Path file, String flag, @Nullable CsvMapping mapping) {
    return mapping == null ? greenButton(file, flag) : csv(file, flag, mapping);
  }

  /**
   * Checks that a file flag names a readable file.
   *
   * @param flag the flag, for example {@code "--meter"}
   * @param file the file
   */
  void checkReadable(String flag, Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw bad(flag + " must be a readable file: " + file);
    }
  }

  String oneOf(String flag, String value, String... allowed) {
    String v = value.toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(v)) {
        return a;
      }
    }
    throw bad(flag + " must be " + String.join(", ", allowed) + ": " + value);
  }

  ZoneId zone(String zone) {
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw bad("--zone must be a time-zone id such as UTC or America/New_York: " + zone);
    }
  }

  private CsvMapping csvMapping(ZoneId z) {
    if (columns == null) {
      throw bad("--columns is required for --meter-format csv, for example --columns import=kWh");
    }
    if (interval == null) {
      throw bad("--interval is required for --meter-format csv, for example --interval PT15M");
    }
    if ((timestampColumn == null) == (start == null)) {
      throw bad(timestampColumn == null
          ? "--meter-format csv needs --timestamp-column NAME or a fixed grid --start DATETIME"
          : "--timestamp-column and --start exclude each other");
    }
    IntervalLength length;
    try {
      length = IntervalLength.of(Duration.parse(interval));
    } catch (DateTimeParseException | ValidationException e) {
      throw bad("--interval must be PT1M, PT5M, PT10M, PT15M, PT30M or PT1H: " + interval);
    }
    ValueUnit u = valueUnit();
    String fileName = meterFile.getFileName().toString();
    String id = meterId != null ? meterId : fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.'))
        : fileName;
    CsvMapping.Builder m = CsvMapping.builder().fixedMeterId(id).intervalLength(length);
    for (Map.Entry<ValueRole, String> c : parseColumns().entrySet()) {
      m.addValue(ValueColumn.of(c.getValue(), c.getKey(), u));
    }
    if (timestampColumn != null) {
      m.timestampColumn(timestampColumn);
      if (!firstTimestampIsInstant(timestampColumn)) {
        m.localZone(z);
      }
    } else if (start != null) {
      m.gridStart(start.atZone(z).toInstant());
    }
    try {
      return m.build();
    } catch (ValidationException e) {
      throw bad("--columns: " + e.getMessage());
    }
  }

  private ValueUnit valueUnit() {
    String u = unit == null ? "kWh" : unit;
    switch (u.toLowerCase(Locale.ROOT)) {
      case "kw":
        return ValueUnit.KW;
      case "kwh":
        return ValueUnit.KWH;
      case "w":
        return ValueUnit.W;
      case "wh":
        return ValueUnit.WH;
      default:
        throw bad("--unit must be kW, kWh, W or Wh: " + u);
    }
  }

  private Map<ValueRole, String> parseColumns() {
    Map<ValueRole, String> out = new LinkedHashMap<>();
    for (String part : String.valueOf(columns).split(",", -1)) {
      int eq = part.indexOf('=');
      if (eq <= 0 || eq == part.length() - 1) {
        throw bad("--columns must be ROLE=COLUMN pairs separated by commas, for example load=load_kw,gen=gen_kw: "
            + columns);
      }
      String role = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      ValueRole r;
      switch (role) {
        case "import":
          r = ValueRole.IMPORT;
          break;
        case "export":
          r = ValueRole.EXPORT;
          break;
        case "net":
          r = ValueRole.NET;
          break;
        case "load":
          r = ValueRole.LOAD;
          break;
        case "gen":
        case "generation":
          r = ValueRole.GENERATION;
          break;
        default:
          throw bad("--columns role must be import, export, net, load or gen: " + part.substring(0, eq));
      }
      if (out.put(r, part.substring(eq + 1)) != null) {
        throw bad("--columns must not repeat a role: " + role);
      }
    }
    return out;
  }

  /** Whether the first data row's timestamp is an ISO instant (Z or an offset) rather than a local date-time. */
  private boolean firstTimestampIsInstant(String column) {
    try (BufferedReader r = Files.newBufferedReader(meterFile, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      String row = r.readLine();
      while (row != null && row.isBlank()) {
        row = r.readLine();
      }
      if (header == null || row == null) {
        return false;
      }
      String[] names = header.replace("\uFEFF", "").split(",", -1);
      String[] cells = row.split(",", -1);
      for (int i = 0; i < names.length && i < cells.length; i++) {
        if (unquote(names[i]).equals(column)) {
          try {
            OffsetDateTime.parse(unquote(cells[i]));
            return true;
          } catch (DateTimeParseException e) {
            return false;
          }
        }
      }
      return false;
    } catch (IOException e) {
      throw bad("--meter must be a readable file: " + meterFile + " (" + e.getMessage() + ")");
    }
  }

  private static String unquote(String s) {
    String t = s.trim();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
  }

  private IntervalSeries greenButton(Path file, String flag) {
    GreenButtonImport gb;
    try {
      gb = GreenButtonReader.create().readAll(file);
    } catch (UncheckedIOException e) {
      throw bad(flag + " could not be read: " + file + " (" + why(e) + ")");
    }
    List<String> seen = new ArrayList<>();
    for (UsagePointResult r : gb.usagePoints()) {
      seen.add(r.usagePoint() + (r.isConverted() ? "" : " (" + r.reasons() + ")"));
      if (usagePoint != null && r.usagePoint().equals(usagePoint)) {
        return r.series().orElseThrow(() -> new ValidationException("--usage-point", usagePoint,
            "must be interval electricity data, but " + gb.source() + " says " + r.reasons()));
      }
      if (usagePoint == null && r.series().isPresent()) {
        return r.series().get();
      }
    }
    if (usagePoint != null) {
      throw bad("--usage-point must name a usage point of " + gb.source() + " " + seen + ": " + usagePoint);
    }
    throw new ValidationException(flag.substring(2), gb.source(),
        "must hold a usage point with interval electricity data, but has " + seen);
  }

  private IntervalSeries csv(Path file, String flag, CsvMapping mapping) {
    List<IntervalSeries> all;
    try {
      all = CsvIntervalReader.of(mapping).readAll(file);
    } catch (UncheckedIOException e) {
      throw bad(flag + " could not be read: " + file + " (" + why(e) + ")");
    }
    if (all.isEmpty()) {
      throw new ValidationException(flag.substring(2), file.getFileName(), "must hold at least one row of interval"
          + " data");
    }
    return all.get(0);
  }

  static String why(UncheckedIOException e) {
    IOException cause = e.getCause();
    return String.valueOf(cause == null ? e.getMessage() : cause.getMessage());
  }
}
