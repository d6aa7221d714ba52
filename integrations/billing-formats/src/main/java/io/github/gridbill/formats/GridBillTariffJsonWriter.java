package io.github.gridbill.formats;

import io.github.gridbill.core.tariff.BaselineRule;
import io.github.gridbill.core.tariff.DayProfile;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.Escalation;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.MinimumCharge;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.PriceSeries;
import io.github.gridbill.core.tariff.Ratchet;
import io.github.gridbill.core.tariff.RatingConventions;
import io.github.gridbill.core.tariff.Rider;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.TaxRule;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.HolidayCalendar;
import io.github.gridbill.core.time.HolidayRule;
import io.github.gridbill.core.time.Season;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a GridBill {@link Tariff} as GridBill tariff JSON ({@code "format": "gridbill-tariff/1"}), the faithful JSON
 * form of the tariff model documented in {@code integrations/billing-formats/GRIDBILL-TARIFF-JSON.md}.
 *
 * <p>Every component, schedule, calendar and convention is written, defaults included, so the file states everything
 * that rates a bill: {@link GridBillTariffJsonReader} reads it back to an equal tariff
 * ({@code read(write(t)).equals(t)} for every valid tariff). Money, rates and other decimals are JSON strings that keep
 * their exact value and scale ({@code "7.57"}, {@code "0.08721"}; an exponent only for a negative scale,
 * {@code "1E+3"}); dates and times are ISO ({@code "2024-01-01"}, {@code "--06-01"}, {@code "2024-07-15T14:00"},
 * {@code "PT15M"}); enums are their Java names. Sets are written sorted, so equal tariffs give equal text.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class GridBillTariffJsonWriter {

  /** The value of the top-level {@code "format"} field of the files this class writes. */
  public static final String FORMAT = "gridbill-tariff/1";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GridBillTariffJsonWriter() {}

  /**
   * Writes a tariff as pretty-printed GridBill tariff JSON (two-space indents, arrays of numbers on one line, a final
   * newline).
   *
   * @param tariff the tariff, not null
   * @return the JSON text, never null
   */
  public static String write(Tariff tariff) {
    Objects.requireNonNull(tariff, "tariff");
    StringBuilder sb = new StringBuilder();
    print(toJson(tariff), 0, sb);
    return sb.append('\n').toString();
  }

  /**
   * Writes a tariff to a file (UTF-8), replacing it.
   *
   * @param tariff the tariff, not null
   * @param file the file, not null
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(Tariff tariff, Path file) {
    Objects.requireNonNull(file, "file");
    String json = write(tariff);
    try {
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The tariff as a JSON tree (the same content {@link #write(Tariff)} prints).
   *
   * @param tariff the tariff, not null
   * @return the tree, never null
   */
  public static ObjectNode toJson(Tariff tariff) {
    Objects.requireNonNull(tariff, "tariff");
    ObjectNode o = NODES.objectNode();
    o.put("format", FORMAT);
    o.put("id", tariff.id());
    o.put("name", tariff.name());
    tariff.utility().ifPresent(u -> o.put("utility", u));
    tariff.sector().ifPresent(s -> o.put("sector", s));
    o.put("currency", tariff.currency().getCode());
    o.put("zone", tariff.zone().getId());
    ArrayNode versions = o.putArray("versions");
    for (TariffVersion v : tariff.versions()) {
      versions.add(version(v));
    }
    return o;
  }

  private static ObjectNode version(TariffVersion v) {
    ObjectNode o = NODES.objectNode();
    o.put("effectiveFrom", v.effectiveFrom().toString());
    v.effectiveUntil().ifPresent(u -> o.put("effectiveUntil", u.toString()));
    o.put("roundingMode", v.roundingMode().name());
    o.set("conventions", conventions(v.conventions()));
    ArrayNode fixed = o.putArray("fixedCharges");
    for (FixedCharge f : v.fixedCharges()) {
      ObjectNode c = fixed.addObject();
      c.put("id", f.id());
      c.put("description", f.description());
      c.put("amount", dec(f.amount()));
      c.put("basis", f.basis().name());
    }
    ArrayNode energy = o.putArray("energyCharges");
    for (EnergyCharge e : v.energyCharges()) {
      ObjectNode c = energy.addObject();
      c.put("id", e.id());
      c.put("description", e.description());
      e.schedule().ifPresent(s -> c.set("schedule", schedule(s)));
      c.set("periods", periods(e.periods()));
      c.put("mode", e.mode().name());
      c.put("counter", e.counter().name());
      c.put("allocation", e.allocation().name());
      e.priceSeries().ifPresent(p -> c.set("priceSeries", series(p)));
    }
    ArrayNode demand = o.putArray("demandCharges");
    for (DemandCharge d : v.demandCharges()) {
      ObjectNode c = demand.addObject();
      c.put("id", d.id());
      c.put("description", d.description());
      d.schedule().ifPresent(s -> c.set("schedule", schedule(s)));
      c.set("periods", periods(d.periods()));
      c.put("basis", d.basis().name());
      c.put("mode", d.mode().name());
    }
    v.ratchet().ifPresent(r -> o.set("ratchet", ratchet(r)));
    v.netMetering().ifPresent(n -> o.set("netMetering", netMetering(n)));
    v.minimumCharge().ifPresent(m -> o.set("minimumCharge", minimum(m)));
    ArrayNode riders = o.putArray("riders");
    for (Rider r : v.riders()) {
      ObjectNode c = riders.addObject();
      c.put("id", r.id());
      c.put("description", r.description());
      c.put("kind", r.kind().name());
      c.put("rate", dec(r.rate()));
      c.set("appliesTo", sortedStrings(r.appliesTo()));
    }
    ArrayNode taxes = o.putArray("taxes");
    for (TaxRule t : v.taxes()) {
      ObjectNode c = taxes.addObject();
      c.put("id", t.id());
      c.put("description", t.description());
      c.put("percent", dec(t.percent()));
      c.set("appliesTo", sortedStrings(t.appliesTo()));
      c.put("calculation", t.calculation().name());
    }
    ArrayNode programs = o.putArray("demandResponsePrograms");
    for (DemandResponseProgram p : v.demandResponsePrograms()) {
      programs.add(program(p));
    }
    return o;
  }

  private static ObjectNode conventions(RatingConventions c) {
    ObjectNode o = NODES.objectNode();
    o.put("calendarMonthBills", c.calendarMonthBills());
    o.put("perKwTierDemand", c.perKwTierDemand().name());
    o.put("uniformTierBoundsAcrossPeriods", c.uniformTierBoundsAcrossPeriods());
    o.put("kwhBankTransfer", c.kwhBankTransfer().name());
    ArrayNode hours = o.putArray("bankTransferHours");
    c.bankTransferHours().forEach(hours::add);
    o.put("trueUpBasis", c.trueUpBasis().name());
    c.escalation().ifPresent(e -> o.set("escalation", escalation(e)));
    return o;
  }

  private static ObjectNode escalation(Escalation e) {
    ObjectNode o = NODES.objectNode();
    o.put("baseYear", e.baseYear());
    o.put("annualFactor", dec(e.annualFactor()));
    return o;
  }

  private static ArrayNode periods(List<PeriodTiers> periods) {
    ArrayNode a = NODES.arrayNode();
    for (PeriodTiers p : periods) {
      ObjectNode o = a.addObject();
      o.put("period", p.period());
      ArrayNode tiers = o.putArray("tiers");
      for (Tier t : p.tiers()) {
        ObjectNode to = tiers.addObject();
        t.upTo().ifPresent(u -> to.put("upTo", dec(u)));
        to.put("unit", t.unit().name());
        to.put("rate", dec(t.rate()));
        t.sellRate().ifPresent(s -> to.put("sellRate", dec(s)));
      }
    }
    return a;
  }

  private static ObjectNode schedule(TouSchedule s) {
    ObjectNode o = NODES.objectNode();
    o.put("name", s.name());
    ArrayNode names = o.putArray("periodNames");
    s.periodNames().forEach(names::add);
    ArrayNode seasons = o.putArray("seasons");
    for (Season season : s.seasons()) {
      ObjectNode so = seasons.addObject();
      so.put("name", season.name());
      so.put("startInclusive", season.startInclusive().toString());
      so.put("endInclusive", season.endInclusive().toString());
    }
    o.set("calendar", calendar(s.calendar()));
    ArrayNode profiles = o.putArray("profiles");
    for (DayProfile p : s.profiles()) {
      ObjectNode po = profiles.addObject();
      po.put("season", p.season());
      po.put("dayType", p.dayType().name());
      ArrayNode slots = po.putArray("slots");
      p.slots().forEach(slots::add);
    }
    return o;
  }

  private static ObjectNode calendar(DayCalendar c) {
    ObjectNode o = NODES.objectNode();
    ArrayNode weekend = o.putArray("weekendDays");
    c.weekendDays().stream().sorted().map(DayOfWeek::name).forEach(weekend::add);
    HolidayCalendar h = c.holidays();
    ObjectNode ho = o.putObject("holidays");
    ho.put("name", h.name());
    ArrayNode dates = ho.putArray("dates");
    h.dates().stream().sorted().map(LocalDate::toString).forEach(dates::add);
    ArrayNode rules = ho.putArray("rules");
    for (HolidayRule r : h.rules()) {
      ObjectNode ro = rules.addObject();
      ro.put("name", r.name());
      ro.put("month", r.month().name());
      r.dayOfMonth().ifPresent(d -> ro.put("dayOfMonth", d));
      r.dayOfWeek().ifPresent(d -> ro.put("dayOfWeek", d.name()));
      ro.put("occurrence", r.occurrence());
      ro.put("observance", r.observance().name());
    }
    return o;
  }

  private static ObjectNode series(PriceSeries p) {
    ObjectNode o = NODES.objectNode();
    o.put("start", p.start().toString());
    o.put("intervalLength", p.intervalLength().duration().toString());
    ArrayNode prices = o.putArray("prices");
    p.prices().forEach(x -> prices.add(dec(x)));
    return o;
  }

  private static ObjectNode ratchet(Ratchet r) {
    ObjectNode o = NODES.objectNode();
    ArrayNode pct = o.putArray("percentByMonth");
    r.percentByMonth().forEach(x -> pct.add(dec(x)));
    ArrayNode inc = o.putArray("includeCurrentPeakByMonth");
    r.includeCurrentPeakByMonth().forEach(inc::add);
    o.put("lookbackMonths", r.lookbackMonths());
    o.put("minimumKw", dec(r.minimumKw()));
    o.put("reference", r.reference().name());
    ArrayNode periods = o.putArray("demandPeriods");
    r.demandPeriods().stream().sorted().forEach(periods::add);
    r.demandCharge().ifPresent(d -> o.put("demandCharge", d));
    return o;
  }

  private static ObjectNode netMetering(NetMeteringRule n) {
    ObjectNode o = NODES.objectNode();
    o.put("mode", n.mode().name());
    o.put("carry", n.carry().name());
    n.exportRate().ifPresent(e -> o.set("exportRate", exportRate(e)));
    n.trueUpMonth().ifPresent(m -> o.put("trueUpMonth", m.name()));
    n.surplusRate().ifPresent(s -> o.put("surplusRate", dec(s)));
    o.put("trueUpSettlement", n.trueUpSettlement().name());
    o.put("creditsOffsetSameBill", n.creditsOffsetSameBill());
    return o;
  }

  private static ObjectNode exportRate(ExportRate e) {
    ObjectNode o = NODES.objectNode();
    o.put("kind", e.kind().name());
    e.flatRate().ifPresent(r -> o.put("flatRate", dec(r)));
    e.schedule().ifPresent(s -> o.set("schedule", schedule(s)));
    if (!e.periodRates().isEmpty()) {
      ArrayNode rates = o.putArray("periodRates");
      e.periodRates().forEach(r -> rates.add(dec(r)));
    }
    e.series().ifPresent(s -> o.set("series", series(s)));
    return o;
  }

  private static ObjectNode minimum(MinimumCharge m) {
    ObjectNode o = NODES.objectNode();
    o.put("id", m.id());
    o.put("description", m.description());
    m.monthly().ifPresent(x -> o.put("monthly", dec(x)));
    m.annual().ifPresent(x -> o.put("annual", dec(x)));
    o.put("annualSettlementMonth", m.annualSettlementMonth().name());
    return o;
  }

  private static ObjectNode program(DemandResponseProgram p) {
    ObjectNode o = NODES.objectNode();
    o.put("id", p.id());
    o.put("description", p.description());
    o.put("incentiveRate", dec(p.incentiveRate()));
    BaselineRule b = p.baseline();
    ObjectNode bo = o.putObject("baseline");
    bo.put("method", b.method().name());
    bo.put("days", b.days());
    bo.put("window", b.window());
    bo.put("maxLookbackDays", b.maxLookbackDays());
    bo.put("lowUsagePercent", dec(b.lowUsagePercent()));
    bo.put("adjustment", b.adjustment().name());
    bo.put("adjustmentHours", b.adjustmentHours());
    bo.put("adjustmentGapHours", b.adjustmentGapHours());
    bo.put("adjustmentCapPercent", dec(b.adjustmentCapPercent()));
    b.weekend().ifPresent(w -> {
      ObjectNode wo = bo.putObject("weekend");
      wo.put("method", w.method().name());
      wo.put("days", w.days());
      wo.put("window", w.window());
      wo.put("matching", w.matching().name());
      wo.put("holidayLikeDay", w.holidayLikeDay().name());
    });
    b.calendar().ifPresent(c -> bo.set("calendar", calendar(c)));
    o.put("reductionBasis", p.reductionBasis().name());
    ArrayNode excluded = o.putArray("excludedDays");
    p.excludedDays().forEach(d -> excluded.add(d.toString()));
    ArrayNode events = o.putArray("events");
    for (DemandResponseEvent e : p.events()) {
      ObjectNode eo = events.addObject();
      eo.put("id", e.id());
      eo.put("startInclusive", e.startInclusive().toString());
      eo.put("endExclusive", e.endExclusive().toString());
    }
    return o;
  }

  private static ArrayNode sortedStrings(Collection<String> values) {
    ArrayNode a = NODES.arrayNode();
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(null);
    sorted.forEach(a::add);
    return a;
  }

  /**
   * A decimal as text that {@code new BigDecimal(text)} turns back into an equal value of the same scale: plain for
   * scale 0 and above ({@code "0.10"}), scientific for a negative scale ({@code "1E+3"}).
   */
  static String dec(BigDecimal d) {
    return d.scale() < 0 ? d.toString() : d.toPlainString();
  }

  // ---------------------------------------------------------------- printing

  /** Objects one field a line; arrays of scalars on one line; arrays of objects or arrays one element a line. */
  private static void print(JsonNode n, int indent, StringBuilder sb) {
    if (n.isObject()) {
      if (n.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (!first) {
          sb.append(",\n");
        }
        first = false;
        pad(indent + 1, sb);
        sb.append(scalar(NODES.stringNode(e.getKey()))).append(": ");
        print(e.getValue(), indent + 1, sb);
      }
      sb.append('\n');
      pad(indent, sb);
      sb.append('}');
    } else if (n.isArray()) {
      boolean containers = false;
      for (JsonNode x : n) {
        containers |= x.isContainer();
      }
      if (!containers) {
        sb.append('[');
        for (int i = 0; i < n.size(); i++) {
          sb.append(i == 0 ? "" : ", ").append(scalar(n.get(i)));
        }
        sb.append(']');
        return;
      }
      sb.append("[\n");
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) {
          sb.append(",\n");
        }
        pad(indent + 1, sb);
        print(n.get(i), indent + 1, sb);
      }
      sb.append('\n');
      pad(indent, sb);
      sb.append(']');
    } else {
      sb.append(scalar(n));
    }
  }

  private static String scalar(JsonNode n) {
    return UrdbReader.MAPPER.writeValueAsString(n);
  }

  private static void pad(int indent, StringBuilder sb) {
    for (int i = 0; i < indent; i++) {
      sb.append("  ");
    }
  }
}
