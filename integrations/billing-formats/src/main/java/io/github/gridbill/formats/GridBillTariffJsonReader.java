package io.github.gridbill.formats;

import io.github.gridbill.core.BillingException;
import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.tariff.BaselineAdjustment;
import io.github.gridbill.core.tariff.BaselineMethod;
import io.github.gridbill.core.tariff.BaselineRule;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.DayProfile;
import io.github.gridbill.core.tariff.DemandBasis;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.Escalation;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.ExportRateKind;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.KwhBankTransfer;
import io.github.gridbill.core.tariff.MinimumCharge;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.PriceSeries;
import io.github.gridbill.core.tariff.Ratchet;
import io.github.gridbill.core.tariff.RatchetReference;
import io.github.gridbill.core.tariff.RatingConventions;
import io.github.gridbill.core.tariff.ReductionBasis;
import io.github.gridbill.core.tariff.Rider;
import io.github.gridbill.core.tariff.RiderKind;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.TaxCalculation;
import io.github.gridbill.core.tariff.TaxRule;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TierMode;
import io.github.gridbill.core.tariff.TierUnit;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.tariff.TrueUpBasis;
import io.github.gridbill.core.tariff.TrueUpSettlement;
import io.github.gridbill.core.tariff.WeekendBaseline;
import io.github.gridbill.core.tariff.WeekendMatching;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.HolidayCalendar;
import io.github.gridbill.core.time.HolidayObservance;
import io.github.gridbill.core.time.HolidayRule;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.core.time.Season;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads GridBill tariff JSON ({@code "format": "gridbill-tariff/1"}, documented in
 * {@code integrations/billing-formats/GRIDBILL-TARIFF-JSON.md}) into a {@link Tariff}.
 *
 * <p>The reader is strict: every field must have its documented JSON type (decimals as strings such as
 * {@code "0.10"}, counts and indices as integers), unknown fields, {@code null}s and duplicate keys are refused, and
 * every model rule ({@link io.github.gridbill.core.ValidationException} of the tariff model) is reported with the JSON
 * path of the object that breaks it. Each problem is a {@link DataFormatException} naming the source, the JSON path,
 * the field, the value and the rule, for example {@code "tariff.json at
 * $.versions[0].energyCharges[0].periods[0].tiers[1].rate: rate must be a decimal string such as \"0.10\": 0.1"}.
 * Fields with a default in the model may be left out. The result is a whole tariff or an exception: nothing is
 * half-read.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class GridBillTariffJsonReader {

  private final String source;

  private GridBillTariffJsonReader(String source) {
    this.source = source;
  }

  /**
   * Reads a tariff file.
   *
   * @param file the JSON file, not null
   * @return the tariff, never null
   * @throws DataFormatException if the file is not GridBill tariff JSON or breaks a rule of the tariff model
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Tariff read(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.getFileName().toString(), in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a tariff from JSON text.
   *
   * @param sourceName the name used in errors, for example {@code "tariff.json"}, not null
   * @param json the JSON text, not null
   * @return the tariff, never null
   * @throws DataFormatException if the text is not GridBill tariff JSON or breaks a rule of the tariff model
   */
  public static Tariff read(String sourceName, String json) {
    Objects.requireNonNull(json, "json");
    return read(sourceName, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Reads a tariff from a JSON stream (read to its end, not closed).
   *
   * @param sourceName the name used in errors, not null
   * @param in the stream, not null
   * @return the tariff, never null
   * @throws DataFormatException if the stream is not GridBill tariff JSON or breaks a rule of the tariff model
   */
  public static Tariff read(String sourceName, InputStream in) {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(in, "in");
    JsonNode root = UrdbReader.parse(sourceName, in);
    GridBillTariffJsonReader r = new GridBillTariffJsonReader(sourceName);
    if (root == null || root.isMissingNode() || !root.isObject()) {
      throw new DataFormatException(sourceName, "$", "json", root == null ? null : root.getNodeType(),
          "must be a GridBill tariff object");
    }
    return r.tariff(new Obj(r, root, "$"));
  }

  // ---------------------------------------------------------------- model

  private Tariff tariff(Obj o) {
    String format = o.str("format");
    if (!format.equals(GridBillTariffJsonWriter.FORMAT)) {
      throw o.error("format", format, "must be \"" + GridBillTariffJsonWriter.FORMAT + "\"");
    }
    Tariff.Builder b = Tariff.builder()
        .id(o.str("id"))
        .name(o.str("name"))
        .currency(o.parsed("currency", CurrencyUnit::of, "must be an ISO 4217 currency code such as \"USD\""))
        .zone(o.parsed("zone", ZoneId::of, "must be a time-zone id such as \"America/New_York\" or \"UTC\""));
    o.optStr("utility").ifPresent(b::utility);
    o.optStr("sector").ifPresent(b::sector);
    for (Obj v : o.objects("versions", true)) {
      b.addVersion(version(v));
    }
    o.done();
    return o.build(b::build);
  }

  private TariffVersion version(Obj o) {
    TariffVersion.Builder b = TariffVersion.builder().effectiveFrom(o.date("effectiveFrom"));
    o.optDate("effectiveUntil").ifPresent(b::effectiveUntil);
    o.optEnum("roundingMode", RoundingMode.class).ifPresent(b::roundingMode);
    o.optObject("conventions").ifPresent(c -> b.conventions(conventions(c)));
    for (Obj c : o.objects("fixedCharges", false)) {
      FixedCharge.Builder f = FixedCharge.builder().id(c.str("id")).description(c.str("description"))
          .amount(c.dec("amount")).basis(c.enumValue("basis", FixedChargeBasis.class));
      c.done();
      b.addFixedCharge(c.build(f::build));
    }
    for (Obj c : o.objects("energyCharges", false)) {
      b.addEnergyCharge(energy(c));
    }
    for (Obj c : o.objects("demandCharges", false)) {
      b.addDemandCharge(demand(c));
    }
    o.optObject("ratchet").ifPresent(r -> b.ratchet(ratchet(r)));
    o.optObject("netMetering").ifPresent(n -> b.netMetering(netMetering(n)));
    o.optObject("minimumCharge").ifPresent(m -> b.minimumCharge(minimum(m)));
    for (Obj c : o.objects("riders", false)) {
      Rider.Builder r = Rider.builder().id(c.str("id")).description(c.str("description"))
          .kind(c.enumValue("kind", RiderKind.class)).rate(c.dec("rate"));
      c.optStrings("appliesTo").ifPresent(r::appliesTo);
      c.done();
      b.addRider(c.build(r::build));
    }
    for (Obj c : o.objects("taxes", false)) {
      TaxRule.Builder t = TaxRule.builder().id(c.str("id")).description(c.str("description"))
          .percent(c.dec("percent"));
      c.optStrings("appliesTo").ifPresent(t::appliesTo);
      c.optEnum("calculation", TaxCalculation.class).ifPresent(t::calculation);
      c.done();
      b.addTax(c.build(t::build));
    }
    for (Obj c : o.objects("demandResponsePrograms", false)) {
      b.addDemandResponseProgram(program(c));
    }
    o.done();
    return o.build(b::build);
  }

  private RatingConventions conventions(Obj o) {
    RatingConventions.Builder b = RatingConventions.builder();
    o.optBool("calendarMonthBills").ifPresent(b::calendarMonthBills);
    o.optEnum("perKwTierDemand", DemandBasis.class).ifPresent(b::perKwTierDemand);
    o.optBool("uniformTierBoundsAcrossPeriods").ifPresent(b::uniformTierBoundsAcrossPeriods);
    o.optEnum("kwhBankTransfer", KwhBankTransfer.class).ifPresent(b::kwhBankTransfer);
    o.optInts("bankTransferHours").ifPresent(b::bankTransferHours);
    o.optEnum("trueUpBasis", TrueUpBasis.class).ifPresent(b::trueUpBasis);
    o.optObject("escalation").ifPresent(e -> {
      Escalation esc = e.build(() -> Escalation.of(e.integer("baseYear"), e.dec("annualFactor")));
      e.done();
      b.escalation(esc);
    });
    o.done();
    return o.build(b::build);
  }

  private EnergyCharge energy(Obj o) {
    EnergyCharge.Builder b = EnergyCharge.builder().id(o.str("id")).description(o.str("description"));
    o.optObject("schedule").ifPresent(s -> b.schedule(schedule(s)));
    b.periods(periods(o));
    o.optEnum("mode", TierMode.class).ifPresent(b::mode);
    o.optEnum("counter", TierCounter.class).ifPresent(b::counter);
    o.optEnum("allocation", TierAllocation.class).ifPresent(b::allocation);
    o.optObject("priceSeries").ifPresent(p -> b.priceSeries(series(p)));
    o.done();
    return o.build(b::build);
  }

  private DemandCharge demand(Obj o) {
    DemandCharge.Builder b = DemandCharge.builder().id(o.str("id")).description(o.str("description"));
    o.optObject("schedule").ifPresent(s -> b.schedule(schedule(s)));
    b.periods(periods(o));
    o.optEnum("basis", DemandBasis.class).ifPresent(b::basis);
    o.optEnum("mode", TierMode.class).ifPresent(b::mode);
    o.done();
    return o.build(b::build);
  }

  private List<PeriodTiers> periods(Obj charge) {
    List<PeriodTiers> out = new ArrayList<>();
    for (Obj p : charge.objects("periods", true)) {
      int period = p.integer("period");
      List<Tier> tiers = new ArrayList<>();
      for (Obj t : p.objects("tiers", true)) {
        Tier.Builder tb = Tier.builder().rate(t.dec("rate"));
        t.optDec("upTo").ifPresent(tb::upTo);
        t.optEnum("unit", TierUnit.class).ifPresent(tb::unit);
        t.optDec("sellRate").ifPresent(tb::sellRate);
        t.done();
        tiers.add(t.build(tb::build));
      }
      p.done();
      out.add(p.build(() -> PeriodTiers.of(period, tiers)));
    }
    return out;
  }

  private TouSchedule schedule(Obj o) {
    TouSchedule.Builder b = TouSchedule.builder().name(o.str("name")).periodNames(o.strings("periodNames"));
    for (Obj s : o.objects("seasons", true)) {
      String name = s.str("name");
      MonthDay start = s.monthDay("startInclusive");
      MonthDay end = s.monthDay("endInclusive");
      s.done();
      b.addSeason(s.build(() -> Season.of(name, start, end)));
    }
    o.optObject("calendar").ifPresent(c -> b.calendar(calendar(c)));
    for (Obj p : o.objects("profiles", true)) {
      String season = p.str("season");
      DayType type = p.enumValue("dayType", DayType.class);
      List<Integer> slots = p.ints("slots");
      p.done();
      b.addProfile(p.build(() -> DayProfile.of(season, type, slots)));
    }
    o.done();
    return o.build(b::build);
  }

  private DayCalendar calendar(Obj o) {
    List<String> names = o.strings("weekendDays");
    Set<DayOfWeek> weekend = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      weekend.add(o.enumAt("weekendDays", i, names.get(i), DayOfWeek.class));
    }
    Obj h = o.object("holidays");
    HolidayCalendar.Builder hb = HolidayCalendar.builder().name(h.str("name"));
    List<String> dates = h.strings("dates");
    for (int i = 0; i < dates.size(); i++) {
      String d = dates.get(i);
      hb.addDate(h.parsedAt("dates", i, d, LocalDate::parse, "must be an ISO date such as \"2024-12-25\""));
    }
    for (Obj r : h.objects("rules", false)) {
      HolidayRule.Builder rb = HolidayRule.builder().name(r.str("name")).month(r.enumValue("month", Month.class));
      r.optInt("dayOfMonth").ifPresent(rb::dayOfMonth);
      r.optEnum("dayOfWeek", DayOfWeek.class).ifPresent(rb::dayOfWeek);
      r.optInt("occurrence").ifPresent(rb::occurrence);
      r.optEnum("observance", HolidayObservance.class).ifPresent(rb::observance);
      r.done();
      hb.addRule(r.build(rb::build));
    }
    h.done();
    HolidayCalendar holidays = h.build(hb::build);
    o.done();
    return o.build(() -> DayCalendar.of(weekend, holidays));
  }

  private PriceSeries series(Obj o) {
    PriceSeries.Builder b = PriceSeries.builder()
        .start(o.parsed("start", Instant::parse, "must be an ISO instant such as \"2024-01-01T05:00:00Z\""))
        .intervalLength(o.parsed("intervalLength", s -> IntervalLength.of(Duration.parse(s)),
            "must be an ISO duration of 1, 5, 10, 15, 30 or 60 minutes such as \"PT15M\""))
        .prices(o.decs("prices"));
    o.done();
    return o.build(b::build);
  }

  private Ratchet ratchet(Obj o) {
    Ratchet.Builder b = Ratchet.builder()
        .percentByMonth(o.decs("percentByMonth"))
        .includeCurrentPeakByMonth(o.bools("includeCurrentPeakByMonth"))
        .lookbackMonths(o.integer("lookbackMonths"));
    o.optDec("minimumKw").ifPresent(b::minimumKw);
    o.optEnum("reference", RatchetReference.class).ifPresent(b::reference);
    o.optInts("demandPeriods").ifPresent(b::demandPeriods);
    o.optStr("demandCharge").ifPresent(b::demandCharge);
    o.done();
    return o.build(b::build);
  }

  private NetMeteringRule netMetering(Obj o) {
    NetMeteringRule.Builder b = NetMeteringRule.builder().mode(o.enumValue("mode", NetMeteringMode.class));
    o.optEnum("carry", CreditCarry.class).ifPresent(b::carry);
    o.optObject("exportRate").ifPresent(e -> b.exportRate(exportRate(e)));
    o.optEnum("trueUpMonth", Month.class).ifPresent(b::trueUpMonth);
    o.optDec("surplusRate").ifPresent(b::surplusRate);
    o.optEnum("trueUpSettlement", TrueUpSettlement.class).ifPresent(b::trueUpSettlement);
    o.optBool("creditsOffsetSameBill").ifPresent(b::creditsOffsetSameBill);
    o.done();
    return o.build(b::build);
  }

  private ExportRate exportRate(Obj o) {
    ExportRate.Builder b = ExportRate.builder().kind(o.enumValue("kind", ExportRateKind.class));
    o.optDec("flatRate").ifPresent(b::flatRate);
    o.optObject("schedule").ifPresent(s -> b.schedule(schedule(s)));
    o.optDecs("periodRates").ifPresent(b::periodRates);
    o.optObject("series").ifPresent(s -> b.series(series(s)));
    o.done();
    return o.build(b::build);
  }

  private MinimumCharge minimum(Obj o) {
    MinimumCharge.Builder b = MinimumCharge.builder();
    o.optStr("id").ifPresent(b::id);
    o.optStr("description").ifPresent(b::description);
    o.optDec("monthly").ifPresent(b::monthly);
    o.optDec("annual").ifPresent(b::annual);
    o.optEnum("annualSettlementMonth", Month.class).ifPresent(b::annualSettlementMonth);
    o.done();
    return o.build(b::build);
  }

  private DemandResponseProgram program(Obj o) {
    DemandResponseProgram.Builder b = DemandResponseProgram.builder().id(o.str("id"))
        .description(o.str("description")).incentiveRate(o.dec("incentiveRate"));
    o.optObject("baseline").ifPresent(x -> {
      BaselineRule.Builder rb = BaselineRule.builder();
      x.optEnum("method", BaselineMethod.class).ifPresent(rb::method);
      x.optInt("days").ifPresent(rb::days);
      x.optInt("window").ifPresent(rb::window);
      x.optInt("maxLookbackDays").ifPresent(rb::maxLookbackDays);
      x.optDec("lowUsagePercent").ifPresent(rb::lowUsagePercent);
      x.optEnum("adjustment", BaselineAdjustment.class).ifPresent(rb::adjustment);
      x.optInt("adjustmentHours").ifPresent(rb::adjustmentHours);
      x.optInt("adjustmentGapHours").ifPresent(rb::adjustmentGapHours);
      x.optDec("adjustmentCapPercent").ifPresent(rb::adjustmentCapPercent);
      x.optObject("weekend").ifPresent(w -> {
        WeekendBaseline.Builder wb = WeekendBaseline.builder();
        w.optEnum("method", BaselineMethod.class).ifPresent(wb::method);
        w.optInt("days").ifPresent(wb::days);
        w.optInt("window").ifPresent(wb::window);
        w.optEnum("matching", WeekendMatching.class).ifPresent(wb::matching);
        w.optEnum("holidayLikeDay", DayOfWeek.class).ifPresent(wb::holidayLikeDay);
        w.done();
        rb.weekend(w.build(wb::build));
      });
      x.optObject("calendar").ifPresent(c -> rb.calendar(calendar(c)));
      x.done();
      b.baseline(x.build(rb::build));
    });
    o.optEnum("reductionBasis", ReductionBasis.class).ifPresent(b::reductionBasis);
    o.optStrings("excludedDays").ifPresent(days -> {
      for (int i = 0; i < days.size(); i++) {
        LocalDate day = o.parsedAt("excludedDays", i, days.get(i), LocalDate::parse,
            "must be an ISO date such as \"2024-07-04\"");
        b.addExcludedDays(day);
      }
    });
    for (Obj e : o.objects("events", false)) {
      String id = e.str("id");
      LocalDateTime start = e.localDateTime("startInclusive");
      LocalDateTime end = e.localDateTime("endExclusive");
      e.done();
      b.addEvent(e.build(() -> DemandResponseEvent.of(id, start, end)));
    }
    o.done();
    return o.build(b::build);
  }

  // ---------------------------------------------------------------- a JSON object being read

  /** One JSON object at a path: typed getters that name the path on error, and a check that no field is unknown. */
  private static final class Obj {
    private final GridBillTariffJsonReader reader;
    private final JsonNode node;
    private final String path;
    private final Set<String> used = new HashSet<>();

    Obj(GridBillTariffJsonReader reader, JsonNode node, String path) {
      this.reader = reader;
      this.node = node;
      this.path = path;
    }

    DataFormatException error(String field, @Nullable Object value, String reason) {
      return new DataFormatException(reader.source, path + "." + field, field, value, reason);
    }

    private DataFormatException errorAt(String field, int index, @Nullable Object value, String reason) {
      return new DataFormatException(reader.source, path + "." + field + "[" + index + "]", field + "[" + index + "]",
          value, reason);
    }

    /** Builds a model object; a rule of the model it breaks is reported at this object's path. */
    <T> T build(Supplier<T> builder) {
      try {
        return builder.get();
      } catch (DataFormatException e) {
        throw e;
      } catch (BillingException e) {
        throw new DataFormatException(reader.source, path, e.field(), e.value(), e.reason(), e);
      }
    }

    void done() {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!used.contains(e.getKey())) {
          throw new DataFormatException(reader.source, path + "." + e.getKey(), e.getKey(), shorten(e.getValue()),
              "is not a field of this object (misspelt, or from another format?)");
        }
      }
    }

    private Optional<JsonNode> opt(String field) {
      used.add(field);
      JsonNode v = node.get(field);
      if (v == null) {
        return Optional.empty();
      }
      if (v.isNull()) {
        throw error(field, null, "must not be null (leave the field out instead)");
      }
      return Optional.of(v);
    }

    private JsonNode req(String field) {
      return opt(field).orElseThrow(() -> error(field, null, "must be present"));
    }

    String str(String field) {
      return text(field, req(field));
    }

    Optional<String> optStr(String field) {
      return opt(field).map(v -> text(field, v));
    }

    private String text(String field, JsonNode v) {
      if (!v.isString()) {
        throw error(field, shorten(v), "must be a string");
      }
      return v.stringValue();
    }

    BigDecimal dec(String field) {
      return decimal(field, req(field));
    }

    Optional<BigDecimal> optDec(String field) {
      return opt(field).map(v -> decimal(field, v));
    }

    private BigDecimal decimal(String field, JsonNode v) {
      if (!v.isString()) {
        throw error(field, shorten(v), "must be a decimal string such as \"0.10\"");
      }
      return parseDecimal(v.stringValue()).orElseThrow(() -> error(field, quote(v.stringValue()),
          "must be a decimal string such as \"0.10\""));
    }

    int integer(String field) {
      return intValue(field, req(field));
    }

    Optional<Integer> optInt(String field) {
      return opt(field).map(v -> intValue(field, v));
    }

    private int intValue(String field, JsonNode v) {
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw error(field, shorten(v), "must be a whole number");
      }
      return v.intValue();
    }

    Optional<Boolean> optBool(String field) {
      return opt(field).map(v -> {
        if (!v.isBoolean()) {
          throw error(field, shorten(v), "must be true or false");
        }
        return v.booleanValue();
      });
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
      return named(field, str(field), type, null);
    }

    <E extends Enum<E>> Optional<E> optEnum(String field, Class<E> type) {
      return optStr(field).map(s -> named(field, s, type, null));
    }

    <E extends Enum<E>> E enumAt(String field, int index, String value, Class<E> type) {
      return named(field, value, type, index);
    }

    private <E extends Enum<E>> E named(String field, String value, Class<E> type, @Nullable Integer index) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(value)) {
          return e;
        }
      }
      String reason = "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
          .collect(Collectors.joining(", "));
      throw index == null ? error(field, quote(value), reason) : errorAt(field, index, quote(value), reason);
    }

    <T> T parsed(String field, Function<String, T> parser, String reason) {
      String s = str(field);
      try {
        return parser.apply(s);
      } catch (DateTimeException | IllegalArgumentException | ArithmeticException e) {
        throw error(field, quote(s), reason);
      } catch (BillingException e) {
        throw error(field, quote(s), reason + " (" + e.reason() + ")");
      }
    }

    <T> T parsedAt(String field, int index, String s, Function<String, T> parser, String reason) {
      try {
        return parser.apply(s);
      } catch (DateTimeException | IllegalArgumentException e) {
        throw errorAt(field, index, quote(s), reason);
      }
    }

    LocalDate date(String field) {
      return parsed(field, LocalDate::parse, "must be an ISO date such as \"2024-01-01\"");
    }

    Optional<LocalDate> optDate(String field) {
      used.add(field);
      return node.has(field) ? Optional.of(date(field)) : Optional.empty();
    }

    MonthDay monthDay(String field) {
      return parsed(field, MonthDay::parse, "must be an ISO month-day such as \"--06-01\"");
    }

    LocalDateTime localDateTime(String field) {
      return parsed(field, LocalDateTime::parse, "must be an ISO local date-time such as \"2024-07-15T14:00\"");
    }

    Obj object(String field) {
      JsonNode v = req(field);
      if (!v.isObject()) {
        throw error(field, shorten(v), "must be an object");
      }
      return new Obj(reader, v, path + "." + field);
    }

    Optional<Obj> optObject(String field) {
      used.add(field);
      return node.has(field) ? Optional.of(object(field)) : Optional.empty();
    }

    /** The objects of an array field; absent is an empty list unless required. */
    List<Obj> objects(String field, boolean required) {
      Optional<JsonNode> a = required ? Optional.of(req(field)) : opt(field);
      List<Obj> out = new ArrayList<>();
      if (a.isEmpty()) {
        return out;
      }
      JsonNode arr = array(field, a.get());
      for (int i = 0; i < arr.size(); i++) {
        JsonNode x = arr.get(i);
        if (!x.isObject()) {
          throw errorAt(field, i, shorten(x), "must be an object");
        }
        out.add(new Obj(reader, x, path + "." + field + "[" + i + "]"));
      }
      return out;
    }

    private JsonNode array(String field, JsonNode v) {
      if (!v.isArray()) {
        throw error(field, shorten(v), "must be an array");
      }
      return v;
    }

    List<String> strings(String field) {
      return stringList(field, req(field));
    }

    Optional<List<String>> optStrings(String field) {
      return opt(field).map(v -> stringList(field, v));
    }

    private List<String> stringList(String field, JsonNode v) {
      JsonNode arr = array(field, v);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        JsonNode x = arr.get(i);
        if (!x.isString()) {
          throw errorAt(field, i, shorten(x), "must be a string");
        }
        out.add(x.stringValue());
      }
      return out;
    }

    List<BigDecimal> decs(String field) {
      return decList(field, req(field));
    }

    Optional<List<BigDecimal>> optDecs(String field) {
      return opt(field).map(v -> decList(field, v));
    }

    private List<BigDecimal> decList(String field, JsonNode v) {
      JsonNode arr = array(field, v);
      List<BigDecimal> out = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        JsonNode x = arr.get(i);
        Optional<BigDecimal> d = x.isString() ? parseDecimal(x.stringValue()) : Optional.empty();
        if (d.isEmpty()) {
          throw errorAt(field, i, x.isString() ? quote(x.stringValue()) : shorten(x),
              "must be a decimal string such as \"0.10\"");
        }
        out.add(d.get());
      }
      return out;
    }

    List<Integer> ints(String field) {
      return intList(field, req(field));
    }

    Optional<List<Integer>> optInts(String field) {
      return opt(field).map(v -> intList(field, v));
    }

    private List<Integer> intList(String field, JsonNode v) {
      JsonNode arr = array(field, v);
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        JsonNode x = arr.get(i);
        if (!x.isIntegralNumber() || !x.canConvertToInt()) {
          throw errorAt(field, i, shorten(x), "must be a whole number");
        }
        out.add(x.intValue());
      }
      return out;
    }

    List<Boolean> bools(String field) {
      JsonNode arr = array(field, req(field));
      List<Boolean> out = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        JsonNode x = arr.get(i);
        if (!x.isBoolean()) {
          throw errorAt(field, i, shorten(x), "must be true or false");
        }
        out.add(x.booleanValue());
      }
      return out;
    }
  }

  private static Optional<BigDecimal> parseDecimal(String s) {
    if (s.isEmpty() || s.length() > 100 || !s.equals(s.strip())) {
      return Optional.empty();
    }
    try {
      BigDecimal d = new BigDecimal(s);
      // a huge exponent ("1E+999999999") is valid BigDecimal text but no sane rate or bound
      if (Math.abs((long) d.scale()) > 1000) {
        return Optional.empty();
      }
      return Optional.of(d);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String quote(String s) {
    return "\"" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "\"";
  }

  private static String shorten(JsonNode v) {
    String s = v.toString();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
