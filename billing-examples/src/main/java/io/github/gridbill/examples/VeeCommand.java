package io.github.gridbill.examples;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.formats.CsvMapping;
import io.github.gridbill.rating.IntervalRange;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
import io.github.gridbill.rating.RegisterRead;
import io.github.gridbill.rating.vee.AemoFlags;
import io.github.gridbill.rating.vee.EstimationPlan;
import io.github.gridbill.rating.vee.EstimationRecord;
import io.github.gridbill.rating.vee.EstimationStep;
import io.github.gridbill.rating.vee.Finding;
import io.github.gridbill.rating.vee.RawReading;
import io.github.gridbill.rating.vee.Vee;
import io.github.gridbill.rating.vee.VeeContext;
import io.github.gridbill.rating.vee.VeeResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code gridbill vee}: validates one meter's interval data with the standard VEE chain and estimates what is missing
 * or rejected with the standard plan, then prints the findings and the estimated intervals with their methods, as
 * text or JSON.
 *
 * <p>The file is read as {@code gridbill rate} reads it (Green Button or CSV, the same flags); every interval it holds
 * becomes a raw reading for VEE (an interval the file itself marks as estimated is taken as a reading, and its
 * quality code is not carried), and the file's data before the window serves as history for like days.
 *
 * <p>Two optional files tell VEE more about the meter ({@link VeeContext}). {@code --register-reads FILE} is a CSV of
 * register reads ({@link RegisterReadsFile}: {@code timestamp,reading} in kWh); the first and the last read within
 * the window, which must be interval boundaries, bound the sum check (the intervals between them against the register
 * difference times {@code --multiplier}, with roll-over past {@code --register-digits}) and register scaling of the
 * estimates. {@code --history FILE} is an earlier file of the same meter (for example the same period last cycle),
 * in the format of {@code --meter} and read with the same flags, ending at or before the window's start: its average
 * daily use is the baseline of the usage-against-history check ({@link VeeContext#averageDailyUse}), and when the
 * meter file has no data of its own before the window, its days serve as like days.
 *
 * <p>Findings are output, not errors: the command exits 0 whatever it finds. Bad arguments exit 2 with one line and
 * the usage; a file or window the library refuses exits 1 with one line naming the file, line and field.
 */
@Command(name = "vee", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Validates a meter's interval data, estimates what is missing or rejected, and prints the findings"
        + " and the estimated intervals with their methods.",
    footer = {"", "Register reads (--register-reads): a CSV with one read per line, timestamp,reading; an optional"
        + " header line timestamp,reading; timestamps ISO instants (2024-06-03T00:00:00Z) or local date-times in --zone"
        + " (2024-06-03T00:00), rising; readings the register's kWh. The first and the last read within the window"
        + " (which must be interval boundaries) bound the sum check and the register scaling of estimates.",
        "", "Example:", "  gridbill vee --meter feed.xml --meter-format greenbutton --zone America/Los_Angeles"
        + " --output json",
        "  gridbill vee --meter june.csv --meter-format csv --columns import=kwh --timestamp-column time"
        + " --interval PT15M --register-reads june-reads.csv --history may.csv",
        "Exit codes: 0 findings printed (whatever they are), 1 a file or window the library refuses, 2 bad arguments."})
final class VeeCommand implements Callable<Integer> {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @CommandLine.Spec
  @SuppressWarnings("NullAway.Init")
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  MeterFileOptions meter = new MeterFileOptions();

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "The zone of the meter's local days (per-day checks, like days, DST days) and of local csv times"
          + " (default ${DEFAULT-VALUE}).")
  String zone = "UTC";

  @Option(names = "--from", paramLabel = "DATE",
      description = "The first day to validate, from local midnight in --zone (default: the start of the data).")
  @Nullable LocalDate from;

  @Option(names = "--to", paramLabel = "DATE",
      description = "The day after the last day to validate, exclusive (default: the end of the data).")
  @Nullable LocalDate to;

  @Option(names = "--max-gap", paramLabel = "DURATION", defaultValue = "PT1H",
      description = "The longest gap filled by linear interpolation (default ${DEFAULT-VALUE}).")
  String maxGap = "PT1H";

  @Option(names = "--generation",
      description = "The site has generation, so export is expected (without it, export is reverse flow).")
  boolean generation;

  @Option(names = "--register-reads", paramLabel = "FILE",
      description = "Register reads of the meter for the sum check and register scaling: a CSV of"
          + " timestamp,reading (kWh), see below.")
  @Nullable Path registerReads;

  @Option(names = "--register-digits", paramLabel = "N",
      description = "With --register-reads: the register's whole-kWh digits, 1 to 12, for roll-over (default 6).")
  @Nullable Integer registerDigits;

  @Option(names = "--multiplier", paramLabel = "FACTOR",
      description = "With --register-reads: the meter multiplier applied to the register difference (default 1).")
  @Nullable String multiplier;

  @Option(names = "--history", paramLabel = "FILE",
      description = "An earlier file of the same meter (for example the same period last cycle), in the format of"
          + " --meter and read with the same flags, ending at or before the window: the baseline of the"
          + " usage-against-history check, and like days when --meter has no data before the window.")
  @Nullable Path history;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default ${DEFAULT-VALUE}).")
  String output = "text";

  private CommandLine.ParameterException bad(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  @Override
  public Integer call() {
    // every argument is checked before the file is read
    ZoneId z = meter.zone(zone);
    String out = meter.oneOf("--output", output, "text", "json");
    if (from != null && to != null && !to.isAfter(from)) {
      throw bad("--to must be after --from " + from + ": " + to);
    }
    Duration gap;
    try {
      gap = Duration.parse(maxGap);
    } catch (DateTimeParseException e) {
      throw bad("--max-gap must be a positive duration such as PT1H: " + maxGap);
    }
    if (gap.isNegative() || gap.isZero()) {
      throw bad("--max-gap must be a positive duration such as PT1H: " + maxGap);
    }
    if (registerReads == null && (registerDigits != null || multiplier != null)) {
      throw bad((registerDigits != null ? "--register-digits" : "--multiplier") + " applies with --register-reads"
          + " only");
    }
    int digits = registerDigits == null ? VeeContext.DEFAULT_REGISTER_DIGITS : registerDigits;
    BigDecimal mult = parseMultiplier();
    if (digits < 1 || digits > 12) {
      throw bad("--register-digits must be 1 to 12: " + digits);
    }
    CsvMapping mapping = meter.check(z);
    if (registerReads != null) {
      meter.checkReadable("--register-reads", registerReads);
    }
    if (history != null) {
      meter.checkReadable("--history", history);
      if (meter.start != null) {
        throw bad("--history needs the files' own timestamps (--timestamp-column), not --start");
      }
    }

    IntervalSeries series = meter.read(mapping);
    IntervalGrid window = window(series.grid(), z);
    // every file is read and checked before VEE runs
    VeeContext.Builder ctx = VeeContext.builder().hasGeneration(generation);
    if (registerReads != null) {
      List<RegisterRead> span = readRegisterReads(registerReads, z, digits).span(window, series.meterId());
      ctx.registerStart(span.get(0)).registerEnd(span.get(1)).registerDigits(digits).multiplier(mult);
    }
    Optional<IntervalSeries> before = history(series, window);
    Optional<IntervalSeries> previous = Optional.empty();
    if (history != null) {
      IntervalSeries h = readHistory(history, mapping, series, window);
      previous = Optional.of(h);
      ctx.historicalDailyUse(VeeContext.averageDailyUse(h));
      if (before.isEmpty()) {
        before = previous;
      }
    }
    before.ifPresent(ctx::history);
    VeeContext context = ctx.build();

    List<RawReading> readings = new ArrayList<>();
    Duration len = series.grid().length().duration();
    for (int i = 0; i < series.size(); i++) {
      Instant t = series.grid().intervalStart(i);
      if (series.quality(i) != ReadingQuality.MISSING && !t.isBefore(window.start()) && t.isBefore(window.end())) {
        readings.add(RawReading.of(t, len, series.importAt(i), series.exportAt(i), java.util.Set.of()));
      }
    }
    Vee vee = Vee.builder(z).plan(EstimationPlan.of(List.of(EstimationStep.zeroWhenDeenergized(),
        EstimationStep.linearInterpolation(gap), EstimationStep.likeDay(), EstimationStep.averageOfLikeDays(),
        EstimationStep.registerScaling()))).build();
    VeeResult r = vee.run(series.meterId(), readings, window, context);

    PrintWriter o = spec.commandLine().getOut();
    Inputs in = new Inputs(context, previous, fileName(registerReads), fileName(history));
    if (out.equals("json")) {
      o.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(r, z, readings.size(), in)));
    } else {
      text(r, z, readings.size(), in, o);
    }
    o.flush();
    return 0;
  }

  /** The --multiplier: a positive decimal, 1 when not given. */
  private BigDecimal parseMultiplier() {
    if (multiplier == null) {
      return BigDecimal.ONE;
    }
    BigDecimal m;
    try {
      m = new BigDecimal(multiplier);
    } catch (NumberFormatException e) {
      throw bad("--multiplier must be a positive number such as 40: " + multiplier);
    }
    if (m.signum() <= 0) {
      throw bad("--multiplier must be a positive number such as 40: " + multiplier);
    }
    return m;
  }

  private RegisterReadsFile readRegisterReads(Path file, ZoneId z, int digits) {
    try {
      return RegisterReadsFile.read(file, z, digits);
    } catch (UncheckedIOException e) {
      throw bad("--register-reads could not be read: " + file + " (" + MeterFileOptions.why(e) + ")");
    }
  }

  /** The --history file: same interval length as the meter's, ending at or before the window, not all missing. */
  private IntervalSeries readHistory(Path file, @Nullable CsvMapping mapping, IntervalSeries series,
      IntervalGrid window) {
    IntervalSeries h = meter.read(file, "--history", mapping);
    String name = String.valueOf(file.getFileName());
    if (h.grid().length() != series.grid().length()) {
      throw new ValidationException("--history", name + " with " + h.grid().length().minutes() + "-minute intervals",
          "must have the interval length of --meter, " + series.grid().length().minutes() + " minutes");
    }
    if (h.grid().end().isAfter(window.start())) {
      throw new ValidationException("--history", name + " ending " + h.grid().end(),
          "must end at or before the start of the window " + window.start());
    }
    if (h.count(ReadingQuality.MISSING) == h.size()) {
      throw new ValidationException("--history", name, "must hold at least one interval that is not missing");
    }
    return h;
  }

  private static Optional<String> fileName(@Nullable Path file) {
    return file == null ? Optional.empty() : Optional.of(String.valueOf(file.getFileName()));
  }

  /** What the optional files added, for the output. */
  private record Inputs(VeeContext context, Optional<IntervalSeries> history, Optional<String> registerFile,
      Optional<String> historyFile) {}

  /** The window: from local midnight of --from to local midnight of --to, each defaulting to the data's ends. */
  private IntervalGrid window(IntervalGrid data, ZoneId z) {
    Instant start = from == null ? data.start() : from.atStartOfDay(z).toInstant();
    Instant end = to == null ? data.end() : to.atStartOfDay(z).toInstant();
    if (!end.isAfter(start)) {
      throw new ValidationException("--from", start, "must be before the end of the window " + end);
    }
    return IntervalGrid.between(start, end, data.length());
  }

  /** The file's data before the window, for like days, when it lies on the window's grid. */
  private static Optional<IntervalSeries> history(IntervalSeries series, IntervalGrid window) {
    IntervalGrid g = series.grid();
    if (!window.start().isAfter(g.start()) || window.start().isAfter(g.end())) {
      return Optional.empty();
    }
    try {
      return Optional.of(series.slice(IntervalGrid.between(g.start(), window.start(), g.length())));
    } catch (ValidationException e) {
      return Optional.empty(); // not on the window's grid: no history
    }
  }

  // ---------------------------------------------------------------- output

  private static ObjectNode json(VeeResult r, ZoneId zone, int readingCount, Inputs in) {
    IntervalSeries s = r.series();
    ObjectNode root = NODES.objectNode();
    root.put("meter", s.meterId());
    root.put("from", s.grid().start().toString());
    root.put("to", s.grid().end().toString());
    root.put("zone", zone.getId());
    root.put("intervalMinutes", s.grid().length().minutes());
    root.put("intervals", s.size());
    root.put("readings", readingCount);
    VeeContext c = in.context();
    Optional<Energy> diff = c.registerDifference();
    if (in.registerFile().isPresent() && diff.isPresent()) {
      ObjectNode reg = root.putObject("registerReads");
      reg.put("file", in.registerFile().get());
      reg.put("from", c.registerStart().orElseThrow().readAt().toString());
      reg.put("fromKwh", c.registerStart().orElseThrow().kwh().toPlainString());
      reg.put("to", c.registerEnd().orElseThrow().readAt().toString());
      reg.put("toKwh", c.registerEnd().orElseThrow().kwh().toPlainString());
      reg.put("multiplier", c.multiplier().toPlainString());
      reg.put("differenceMwh", diff.get().milliwattHours());
    }
    Optional<Energy> daily = c.historicalDailyUse();
    if (in.historyFile().isPresent() && in.history().isPresent() && daily.isPresent()) {
      ObjectNode hist = root.putObject("history");
      hist.put("file", in.historyFile().get());
      hist.put("from", in.history().get().grid().start().toString());
      hist.put("to", in.history().get().grid().end().toString());
      hist.put("averageDailyUseMwh", daily.get().milliwattHours());
    }
    ObjectNode q = root.putObject("quality");
    for (ReadingQuality rq : ReadingQuality.values()) {
      q.put(rq.name().toLowerCase(java.util.Locale.ROOT), s.count(rq));
    }
    root.put("complete", r.isComplete());
    ArrayNode fs = root.putArray("findings");
    for (Finding f : r.findings()) {
      ObjectNode fo = fs.addObject();
      fo.put("check", f.check().code());
      fo.put("severity", f.severity().name());
      range(fo, f.range());
      if (!f.readingPositions().isEmpty()) {
        ArrayNode rp = fo.putArray("readings");
        f.readingPositions().forEach(rp::add);
      }
      ArrayNode v = fo.putArray("values");
      f.values().forEach(v::add);
      f.threshold().ifPresent(t -> fo.put("threshold", t.toString()));
      fo.put("rejects", f.rejects());
      fo.put("message", f.message());
    }
    ArrayNode es = root.putArray("estimated");
    for (EstimationRecord e : r.estimations()) {
      ObjectNode eo = es.addObject();
      range(eo, Optional.of(e.range()));
      eo.put("quality", e.quality().name());
      eo.put("method", e.method().name());
      eo.put("aemoQuality", AemoFlags.quality(e.quality()));
      Optional<Integer> am = AemoFlags.method(e.method());
      if (am.isPresent()) {
        eo.put("aemoMethod", am.get().intValue());
      }
      eo.put("basis", e.basis());
    }
    return root;
  }

  private static void range(ObjectNode o, Optional<IntervalRange> range) {
    if (range.isEmpty()) {
      o.putNull("from");
      o.putNull("to");
      return;
    }
    IntervalRange ir = range.get();
    o.put("from", ir.startInclusive().toString());
    o.put("to", ir.endExclusive().toString());
    o.put("firstIndex", ir.firstIndex());
    o.put("count", ir.count());
  }

  private static void text(VeeResult r, ZoneId zone, int readingCount, Inputs in, PrintWriter o) {
    IntervalSeries s = r.series();
    o.println("VEE of meter " + s.meterId() + ": [" + s.grid().start() + ", " + s.grid().end() + "), " + s.size()
        + " intervals of " + s.grid().length().minutes() + " minutes, days in " + zone.getId());
    o.println(readingCount + " readings; " + s.count(ReadingQuality.ACTUAL) + " actual, "
        + s.count(ReadingQuality.ESTIMATED) + " estimated, " + s.count(ReadingQuality.SUBSTITUTED) + " substituted, "
        + s.count(ReadingQuality.MISSING) + " missing" + (r.isComplete() ? "" : " (cannot be rated until estimated)"));
    VeeContext c = in.context();
    Optional<Energy> diff = c.registerDifference();
    if (in.registerFile().isPresent() && diff.isPresent()) {
      RegisterRead a = c.registerStart().orElseThrow();
      RegisterRead b = c.registerEnd().orElseThrow();
      o.println("Register reads (" + in.registerFile().get() + "): " + a.kwh().toPlainString() + " kWh at "
          + a.readAt() + ", " + b.kwh().toPlainString() + " kWh at " + b.readAt() + "; difference " + kwh(diff.get())
          + " (multiplier " + c.multiplier().stripTrailingZeros().toPlainString() + ")");
    }
    Optional<Energy> daily = c.historicalDailyUse();
    if (in.historyFile().isPresent() && in.history().isPresent() && daily.isPresent()) {
      IntervalGrid g = in.history().get().grid();
      o.println("History (" + in.historyFile().get() + "): [" + g.start() + ", " + g.end() + "), average"
          + " daily use " + kwh(daily.get()));
    }
    o.println();
    o.println("Findings (" + r.findings().size() + "):");
    for (Finding f : r.findings()) {
      o.println("  " + pad(f.severity().name(), 8) + pad(f.check().code(), 22) + f.message()
          + (f.rejects() ? " [rejected]" : ""));
    }
    o.println();
    o.println("Estimated intervals (" + r.estimations().size() + " runs):");
    for (EstimationRecord e : r.estimations()) {
      IntervalRange ir = e.range();
      o.println("  [" + ir.startInclusive() + ", " + ir.endExclusive() + ") " + ir.count() + " × " + e.quality()
          + " by " + e.method() + AemoFlags.method(e.method()).map(m -> " (AEMO " + AemoFlags.quality(e.quality())
              + m + ")").orElse("") + ": " + e.basis());
    }
  }

  private static String kwh(Energy e) {
    return BigDecimal.valueOf(e.milliwattHours(), 6).setScale(3, RoundingMode.HALF_UP).toPlainString() + " kWh";
  }

  private static String pad(String s, int n) {
    return s.length() >= n ? s + " " : s + " ".repeat(n - s.length());
  }
}
