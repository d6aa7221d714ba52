package io.github.gridbill.examples;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.formats.CsvMapping;
import io.github.gridbill.rating.IntervalRange;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
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
 * quality code is not carried), and the file's data before the window serves as history for like days. Findings are
 * output, not errors: the command exits 0 whatever it finds. Bad arguments exit 2 with one line and the usage; a file
 * or window the library refuses exits 1 with one line.
 */
@Command(name = "vee", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Validates a meter's interval data, estimates what is missing or rejected, and prints the findings"
        + " and the estimated intervals with their methods.",
    footer = {"", "Example:", "  gridbill vee --meter feed.xml --meter-format greenbutton --zone America/Los_Angeles"
        + " --output json",
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
    CsvMapping mapping = meter.check(z);

    IntervalSeries series = meter.read(mapping);
    IntervalGrid window = window(series.grid(), z);
    List<RawReading> readings = new ArrayList<>();
    Duration len = series.grid().length().duration();
    for (int i = 0; i < series.size(); i++) {
      Instant t = series.grid().intervalStart(i);
      if (series.quality(i) != ReadingQuality.MISSING && !t.isBefore(window.start()) && t.isBefore(window.end())) {
        readings.add(RawReading.of(t, len, series.importAt(i), series.exportAt(i), java.util.Set.of()));
      }
    }
    VeeContext.Builder ctx = VeeContext.builder().hasGeneration(generation);
    history(series, window).ifPresent(ctx::history);
    Vee vee = Vee.builder(z).plan(EstimationPlan.of(List.of(EstimationStep.zeroWhenDeenergized(),
        EstimationStep.linearInterpolation(gap), EstimationStep.likeDay(), EstimationStep.averageOfLikeDays(),
        EstimationStep.registerScaling()))).build();
    VeeResult r = vee.run(series.meterId(), readings, window, ctx.build());

    PrintWriter o = spec.commandLine().getOut();
    if (out.equals("json")) {
      o.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(r, z, readings.size())));
    } else {
      text(r, z, readings.size(), o);
    }
    o.flush();
    return 0;
  }

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

  static ObjectNode json(VeeResult r, ZoneId zone, int readingCount) {
    IntervalSeries s = r.series();
    ObjectNode root = NODES.objectNode();
    root.put("meter", s.meterId());
    root.put("from", s.grid().start().toString());
    root.put("to", s.grid().end().toString());
    root.put("zone", zone.getId());
    root.put("intervalMinutes", s.grid().length().minutes());
    root.put("intervals", s.size());
    root.put("readings", readingCount);
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

  private static void text(VeeResult r, ZoneId zone, int readingCount, PrintWriter o) {
    IntervalSeries s = r.series();
    o.println("VEE of meter " + s.meterId() + ": [" + s.grid().start() + ", " + s.grid().end() + "), " + s.size()
        + " intervals of " + s.grid().length().minutes() + " minutes, days in " + zone.getId());
    o.println(readingCount + " readings; " + s.count(ReadingQuality.ACTUAL) + " actual, "
        + s.count(ReadingQuality.ESTIMATED) + " estimated, " + s.count(ReadingQuality.SUBSTITUTED) + " substituted, "
        + s.count(ReadingQuality.MISSING) + " missing" + (r.isComplete() ? "" : " (cannot be rated until estimated)"));
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

  private static String pad(String s, int n) {
    return s.length() >= n ? s + " " : s + " ".repeat(n - s.length());
  }
}
