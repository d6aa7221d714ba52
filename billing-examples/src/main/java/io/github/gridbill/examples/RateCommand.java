package io.github.gridbill.examples;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.formats.CsvMapping;
import io.github.gridbill.formats.GridBillTariffJsonReader;
import io.github.gridbill.formats.NotCarried;
import io.github.gridbill.formats.SscImport;
import io.github.gridbill.formats.SscReader;
import io.github.gridbill.formats.UrdbImport;
import io.github.gridbill.formats.UrdbReader;
import io.github.gridbill.rating.Bill;
import io.github.gridbill.rating.BillLine;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.RatingPlan;
import io.github.gridbill.rating.live.AccountSetup;
import io.github.gridbill.rating.live.BillToDate;
import io.github.gridbill.rating.live.LikeDayHistory;
import io.github.gridbill.rating.live.LiveAccount;
import io.github.gridbill.rating.live.LiveRater;
import io.github.gridbill.rating.live.Projection;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code gridbill rate}: rates every calendar-month billing period from {@code --from} to {@code --to} of one meter's
 * interval data against a tariff file, carrying the billing state (banks, minimums, ratchet history) from bill to
 * bill, and prints the bills as text (each bill's explanation), JSON or CSV.
 *
 * <p>With {@code --as-of INSTANT} only the readings of intervals that end by the instant are used: the periods that
 * end by it are billed as usual, and the period it falls in is the bill to date (a live account fed those readings),
 * with its total projected to the period's end: like days (the same local time a month earlier, from the meter data
 * before the period) when the data has any, else the run rate.
 *
 * <p>Bad arguments (a missing or unknown flag or value, an unreadable file) exit with code 2, a one-line
 * {@code gridbill: ...} error and the usage; a typed {@link io.github.gridbill.core.BillingException} while reading or
 * rating (a malformed file, a period outside the tariff's effective dates or the meter data) exits with code 1 and one
 * line naming the field and location. Nothing is printed to standard output unless every bill was rated.
 */
@Command(name = "rate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Rates a meter's interval data against a tariff, one bill per calendar month.",
    footer = {"", "Example:",
        "  gridbill rate --tariff rs-1.json --tariff-format urdb --tariff-effective-from 2011-01-01",
        "    --meter feed.xml --meter-format greenbutton --zone America/New_York --output json",
        "Exit codes: 0 bills printed, 1 a file or period the library refuses, 2 bad arguments."})
final class RateCommand implements Callable<Integer> {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @CommandLine.Spec
  @SuppressWarnings("NullAway.Init")
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--tariff", required = true, paramLabel = "FILE", description = "The tariff file.")
  @SuppressWarnings("NullAway.Init")
  Path tariffFile;

  @Option(names = "--tariff-format", required = true, paramLabel = "FORMAT",
      description = "urdb (an OpenEI URDB rate item), ssc (SAM/ssc utilityrate5 inputs) or gridbill (GridBill tariff"
          + " JSON).")
  @SuppressWarnings("NullAway.Init")
  String tariffFormat;

  @Option(names = "--tariff-effective-from", paramLabel = "DATE",
      description = "urdb only: rate the item as in force from DATE with no end, overriding its own start and end"
          + " dates (without it, rating outside them is an error).")
  @Nullable LocalDate tariffEffectiveFrom;

  @CommandLine.Mixin
  MeterFileOptions meter = new MeterFileOptions();

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "The zone of a URDB tariff (URDB states none) and of local csv times (default ${DEFAULT-VALUE})."
          + " ssc and gridbill tariffs carry their own zone.")
  String zone = "UTC";

  @Option(names = "--from", paramLabel = "DATE",
      description = "The first day to bill (default: the first calendar month the meter data covers fully).")
  @Nullable LocalDate from;

  @Option(names = "--to", paramLabel = "DATE",
      description = "The day after the last day to bill, exclusive (default: the end of the last calendar month the"
          + " meter data covers fully).")
  @Nullable LocalDate to;

  @Option(names = "--as-of", paramLabel = "INSTANT",
      description = "Use only readings before INSTANT (2011-06-15T12:00:00Z, or with an offset): the period it falls"
          + " in is the bill to date, with a projected total for the period's end (json: \"projected\")."
          + " Without --to, billing runs to the end of that period.")
  @Nullable String asOf;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (each bill explained), json or csv (default ${DEFAULT-VALUE}).")
  String output = "text";

  /** What the tariff file gave. */
  private static final class LoadedTariff {
    final Tariff tariff;
    final BillingState initialState;
    final List<String> warnings;

    LoadedTariff(Tariff tariff, BillingState initialState, List<String> warnings) {
      this.tariff = tariff;
      this.initialState = initialState;
      this.warnings = warnings;
    }
  }

  @Override
  public Integer call() {
    // every argument is checked before any file is read
    ZoneId z = meter.zone(zone);
    String tf = meter.oneOf("--tariff-format", tariffFormat, "urdb", "ssc", "gridbill");
    String out = meter.oneOf("--output", output, "text", "json", "csv");
    if (tariffEffectiveFrom != null && !tf.equals("urdb")) {
      throw bad("--tariff-effective-from applies to --tariff-format urdb only, not " + tf);
    }
    if (from != null && to != null && !to.isAfter(from)) {
      throw bad("--to must be after --from " + from + ": " + to);
    }
    @Nullable Instant cut = asOf == null ? null : instant("--as-of", asOf);
    readable("--tariff", tariffFile);
    @Nullable CsvMapping mapping = meter.check(z);

    LoadedTariff lt = loadTariff(tf, z);
    IntervalSeries series = meter.read(mapping);
    List<BillingPeriod> periods = periods(lt.tariff, series.grid(), cut);

    List<Bill> bills = new ArrayList<>();
    @Nullable OpenPeriod open = null;
    BillingState state = lt.initialState;
    Rater rater = Rater.create();
    for (BillingPeriod p : periods) {
      RatedBill rb;
      try {
        RatingPlan plan = RatingPlan.compile(lt.tariff, p, series.grid().length());
        if (cut != null && p.endInstant().isAfter(cut)) {
          open = billToDate(plan, series, state, cut);
          bills.add(open.billToDate.bill());
          break;
        }
        rb = rater.rate(plan, series, state);
      } catch (ValidationException e) {
        throw withHint(e, tf, lt.tariff);
      }
      bills.add(rb.bill());
      state = rb.nextState();
    }

    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    switch (out) {
      case "json":
        o.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(bills, lt.warnings,
            open == null ? null : open.projection)));
        break;
      case "csv":
        lt.warnings.forEach(w -> err.println("gridbill: warning: " + w));
        csv(bills, o);
        break;
      default:
        lt.warnings.forEach(w -> err.println("gridbill: warning: " + w));
        text(bills, open, o);
        break;
    }
    o.flush();
    err.flush();
    return 0;
  }

  // ---------------------------------------------------------------- arguments

  private CommandLine.ParameterException bad(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private Instant instant(String flag, String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw bad(flag + " must be an ISO instant such as 2011-06-15T12:00:00Z or 2011-06-15T08:00-04:00: " + value);
    }
  }

  private void readable(String flag, Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw bad(flag + " must be a readable file: " + file);
    }
  }

  // ---------------------------------------------------------------- reading

  private LoadedTariff loadTariff(String format, ZoneId z) {
    try {
      switch (format) {
        case "urdb": {
          UrdbImport imp = UrdbReader.forZone(z).read(tariffFile);
          Tariff t = tariffEffectiveFrom == null ? imp.tariff() : imp.tariffEffectiveFrom(tariffEffectiveFrom);
          List<String> warnings = new ArrayList<>();
          for (NotCarried n : imp.notCarried()) {
            warnings.add(oneLine(imp.source() + ": not carried: " + n));
          }
          return new LoadedTariff(t, BillingState.initial(), List.copyOf(warnings));
        }
        case "ssc": {
          SscImport imp = SscReader.read(tariffFile);
          return new LoadedTariff(imp.tariff(), imp.initialState(), List.of());
        }
        default:
          return new LoadedTariff(GridBillTariffJsonReader.read(tariffFile), BillingState.initial(), List.of());
      }
    } catch (UncheckedIOException e) {
      throw bad("--tariff could not be read: " + tariffFile + " (" + MeterFileOptions.why(e) + ")");
    }
  }

  /** The period --as-of falls in, rated live: its bill to date and projection. */
  private static final class OpenPeriod {
    final BillToDate billToDate;
    final Projection projection;

    OpenPeriod(BillToDate billToDate, Projection projection) {
      this.billToDate = billToDate;
      this.projection = projection;
    }
  }

  /**
   * A live account for the period, fed the readings of the intervals that end by the cut; like days from the meter
   * data before the period (the same local time a month earlier) when there is any.
   */
  private static OpenPeriod billToDate(RatingPlan plan, IntervalSeries series, BillingState state, Instant cut) {
    IntervalGrid g = series.grid();
    AccountSetup.Builder setup = AccountSetup.builder().billingState(state).generation(series.hasExports());
    Instant start = plan.period().startInstant();
    long len = g.length().seconds();
    if (g.start().isBefore(start)) {
      int before = (int) (Duration.between(g.start(), start).toSeconds() / len);
      setup.likeDayHistory(LikeDayHistory.of(series.slice(IntervalGrid.of(g.start(), g.length(),
          Math.min(before, series.size()))), Period.ofMonths(1)));
    }
    LiveAccount a = LiveRater.of(plan).open(series.meterId(), setup.build());
    Instant from = g.start().isAfter(start) ? g.start() : start;
    Instant to = g.end().isBefore(cut) ? g.end() : cut;
    if (to.isAfter(from)) {
      int count = (int) (Duration.between(from, to).toSeconds() / len);
      a.ingestAll(series.slice(IntervalGrid.of(from, g.length(), count)));
    }
    return new OpenPeriod(a.billToDate(), a.project());
  }

  /**
   * Calendar months (in the tariff's zone) from --from to --to; by default those the meter data covers fully, or, with
   * --as-of, up to the end of the month it falls in; periods that start at or after --as-of are left out.
   */
  private List<BillingPeriod> periods(Tariff tariff, IntervalGrid grid, @Nullable Instant cut) {
    ZoneId z = tariff.zone();
    LocalDate first = from;
    if (first == null) {
      first = grid.start().atZone(z).toLocalDate().withDayOfMonth(1);
      if (first.atStartOfDay(z).toInstant().isBefore(grid.start())) {
        first = first.plusMonths(1);
      }
    }
    if (cut != null && !cut.isAfter(first.atStartOfDay(z).toInstant())) {
      throw bad("--as-of must be after the start of the first period to bill, " + first.atStartOfDay(z).toInstant()
          + ": " + asOf);
    }
    LocalDate end = to;
    if (end == null) {
      end = cut != null ? cut.atZone(z).toLocalDate().withDayOfMonth(1).plusMonths(1)
          : grid.end().atZone(z).toLocalDate().withDayOfMonth(1);
    }
    if (!end.isAfter(first)) {
      throw new ValidationException("meter", grid,
          "must cover a whole calendar month in the tariff's zone " + z + " (or give --from and --to)");
    }
    List<BillingPeriod> out = new ArrayList<>();
    for (LocalDate d = first; d.isBefore(end); ) {
      LocalDate next = d.withDayOfMonth(1).plusMonths(1);
      if (next.isAfter(end)) {
        next = end;
      }
      BillingPeriod p = BillingPeriod.of(d, next, z);
      if (cut != null && !p.startInstant().isBefore(cut)) {
        break;
      }
      out.add(p);
      d = next;
    }
    return out;
  }

  /** A period outside a URDB item's dates gets a hint at the explicit override. */
  private static ValidationException withHint(ValidationException e, String format, Tariff tariff) {
    if (!format.equals("urdb") || !e.field().equals("period") || !e.reason().startsWith("must be covered")) {
      return e;
    }
    TariffVersion v = tariff.versions().get(0);
    return new ValidationException(e.field(), e.value(), e.reason() + " (the URDB item is in force from "
        + v.effectiveFrom() + v.effectiveUntil().map(u -> " until " + u).orElse("")
        + "; --tariff-effective-from DATE rates it outside those dates)", e);
  }

  // ---------------------------------------------------------------- output

  private static void text(List<Bill> bills, @Nullable OpenPeriod open, PrintWriter o) {
    Money total = Money.zero(bills.get(0).currency());
    for (Bill b : bills) {
      o.println(b.explain());
      total = total.plus(b.total());
    }
    if (open != null) {
      BillToDate btd = open.billToDate;
      o.println("The last bill is the bill to date as of " + btd.asOf() + " (" + btd.intervalsReceived() + " of "
          + btd.intervalsInCycle() + " intervals, " + btd.daysElapsed() + " days elapsed, " + btd.daysLeft()
          + " left); projected at the period's end (" + open.projection.method() + "): "
          + open.projection.total());
    }
    o.println(bills.size() + (bills.size() == 1 ? " bill" : " bills") + ", total " + total);
  }

  static ObjectNode json(List<Bill> bills, List<String> warnings) {
    return json(bills, warnings, null);
  }

  /** The bills as JSON; with a projection, the last bill (the bill to date) gains {@code "projected"}. */
  static ObjectNode json(List<Bill> bills, List<String> warnings, @Nullable Projection projected) {
    ObjectNode root = NODES.objectNode();
    ArrayNode arr = root.putArray("bills");
    for (int k = 0; k < bills.size(); k++) {
      Bill b = bills.get(k);
      ObjectNode bo = arr.addObject();
      bo.put("periodStart", b.period().startInclusive().toString());
      bo.put("periodEnd", b.period().endExclusive().toString());
      bo.put("currency", b.currency().getCode());
      bo.put("total", b.total().getAmount().toPlainString());
      ArrayNode lines = bo.putArray("lines");
      for (BillLine l : b.lines()) {
        ObjectNode lo = lines.addObject();
        lo.put("component", l.componentId());
        lo.put("description", l.description());
        Optional<Quantity> q = l.quantity();
        if (q.isPresent()) {
          lo.put("quantity", plain(q.get().value()));
          lo.put("unit", q.get().unit().symbol());
        } else {
          lo.putNull("quantity");
          lo.putNull("unit");
        }
        if (l.rate().isPresent()) {
          lo.put("rate", plain(l.rate().get()));
        } else {
          lo.putNull("rate");
        }
        lo.put("amount", l.amount().getAmount().toPlainString());
        l.tier().ifPresent(t -> lo.put("tier", t));
        l.touPeriod().ifPresent(p -> lo.put("period", p));
      }
      if (projected != null && k == bills.size() - 1) {
        ObjectNode po = bo.putObject("projected");
        po.put("total", projected.total().getAmount().toPlainString());
        po.put("method", projected.method().name());
      }
    }
    if (!warnings.isEmpty()) {
      ArrayNode w = root.putArray("warnings");
      warnings.forEach(w::add);
    }
    return root;
  }

  private static void csv(List<Bill> bills, PrintWriter o) {
    o.println("periodStart,periodEnd,component,description,quantity,unit,rate,amount,currency");
    for (Bill b : bills) {
      for (BillLine l : b.lines()) {
        List<String> cells = List.of(b.period().startInclusive().toString(), b.period().endExclusive().toString(),
            l.componentId(), l.description(), l.quantity().map(q -> plain(q.value())).orElse(""),
            l.quantity().map(q -> q.unit().symbol()).orElse(""), l.rate().map(RateCommand::plain).orElse(""),
            l.amount().getAmount().toPlainString(), b.currency().getCode());
        StringBuilder sb = new StringBuilder();
        for (String c : cells) {
          if (sb.length() > 0) {
            sb.append(',');
          }
          sb.append(csvCell(c));
        }
        o.println(sb);
      }
    }
  }

  private static String csvCell(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  /** A decimal without trailing zeros and without an exponent: 449.960800 → 449.9608, 1E+2 → 100. */
  static String plain(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  static String oneLine(String s) {
    return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }
}
