package io.github.gridbill.formats;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.DemandBasis;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.MinimumCharge;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Ratchet;
import io.github.gridbill.core.tariff.RatchetReference;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TierUnit;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.time.DayCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Turns one URDB rate object into a tariff, collecting what it cannot carry. Single use, not thread-safe. */
final class UrdbItemParser {

  static final String ENERGY_ID = "energy";
  static final String DEMAND_TOU_ID = "demand-tou";
  static final String DEMAND_FLAT_ID = "demand-flat";
  static final String FIXED_ID = "fixed";
  static final String ENERGY_SCHEDULE = "energy";
  static final String DEMAND_SCHEDULE = "demand";
  static final String FLAT_DEMAND_SCHEDULE = "flat demand";
  static final int DEFAULT_LOOKBACK_MONTHS = 11;

  /** Provenance and applicability fields: they do not price a bill. */
  static final Set<String> METADATA = Set.of("uri", "source", "sourceparent", "eiaid", "revisions", "approved",
      "supersedes", "country", "description", "is_default", "servicetype", "phasewiring", "voltagecategory",
      "voltageminimum", "voltagemaximum", "peakkwcapacitymin", "peakkwcapacitymax", "peakkwcapacityhistory",
      "peakkwhusagemin", "peakkwhusagemax", "peakkwhusagehistory", "utility_id", "latest_update");

  /** Free text that may state pricing rules GridBill cannot parse. */
  static final Set<String> FREE_TEXT = Set.of("energycomments", "demandcomments", "basicinformationcomments",
      "fixedchargecomments", "mincomment");

  /** Free-text key/value lists (v7 attrs, v3 keyvals). */
  static final Set<String> ATTRS = Set.of("energyattrs", "demandattrs", "fixedattrs", "energykeyvals",
      "demandkeyvals", "fixedkeyvals");

  /** Fields this parser reads. */
  static final Set<String> READ = Set.of("label", "name", "utility", "sector", "startdate", "enddate",
      "energyratestructure", "energyweekdayschedule", "energyweekendschedule", "demandratestructure",
      "demandweekdayschedule", "demandweekendschedule", "demandrateunit", "demandunits", "flatdemandstructure",
      "flatdemandmonths", "flatdemandunit", "demandratchetpercentage", "lookbackpercent", "lookbackmonths",
      "lookbackrange", "fixedmonthlycharge", "fixedchargefirstmeter", "fixedchargeeaaddl", "fixedchargeunits",
      "minmonthlycharge", "annualmincharge", "mincharge", "minchargeunits", "dgrules", "usenetmetering",
      "demandwindow", "coincidentratestructure", "coincidentrateschedule", "coincidentschedule",
      "coincidentrateunit", "demandreactivepowercharge");

  private final String source;
  private final String base;
  private final JsonNode item;
  private final ZoneId zone;
  private final CurrencyUnit currency;
  private final LocalDate defaultFrom;
  private final String defaultId;
  private final List<NotCarried> notCarried = new ArrayList<>();
  private final List<Assumption> assumptions = new ArrayList<>();
  private boolean anySell;

  UrdbItemParser(String source, String base, JsonNode item, ZoneId zone, CurrencyUnit currency, LocalDate defaultFrom,
      String defaultId) {
    this.source = source;
    this.base = base;
    this.item = item;
    this.zone = zone;
    this.currency = currency;
    this.defaultFrom = defaultFrom;
    this.defaultId = defaultId;
  }

  List<NotCarried> notCarried() {
    return List.copyOf(notCarried);
  }

  List<Assumption> assumptions() {
    return List.copyOf(assumptions);
  }

  Tariff parse() {
    String id = text("label").filter(s -> !s.isBlank()).orElse(null);
    if (id == null) {
      id = defaultId;
      assume("label", "label absent", "tariff id \"" + id + "\"");
    }
    String name = text("name").filter(s -> !s.isBlank()).orElse(null);
    if (name == null) {
      name = id;
      assume("name", "name absent", "tariff name \"" + name + "\"");
    }
    LocalDate from = date("startdate").orElse(null);
    if (from == null) {
      from = defaultFrom;
      assume("startdate", "startdate absent", "in force from " + from);
    }
    Optional<LocalDate> until = date("enddate");
    if (until.isPresent() && !until.get().isAfter(from)) {
      throw error("enddate", "enddate", until.get(), "must be after startdate " + from);
    }
    TariffVersion.Builder v = TariffVersion.builder().effectiveFrom(from);
    until.ifPresent(v::effectiveUntil);

    // sell rates decide the export rule, so energy goes first
    energy(v);
    Optional<Ratchet> ratchet = ratchet();
    ratchet.ifPresent(v::ratchet);
    touDemand(v);
    boolean flat = flatDemand(v, ratchet.isPresent());
    if (ratchet.isPresent() && !flat) {
      assume("lookbackpercent", "a demand ratchet but no flat demand charge",
          "the ratchet is kept on the version; no charge bills the billing demand");
    }
    fixed(v);
    minimum(v);
    netMetering(v);
    others();

    TariffVersion version;
    try {
      version = v.build();
    } catch (ValidationException e) {
      throw new DataFormatException(source, base, e.field(), e.value(), e.reason(), e);
    }
    Tariff.Builder t = Tariff.builder().id(id).name(name).currency(currency).zone(zone).addVersion(version);
    text("utility").filter(s -> !s.isBlank()).ifPresent(t::utility);
    text("sector").filter(s -> !s.isBlank()).ifPresent(t::sector);
    return t.build();
  }

  // ---------------------------------------------------------------- energy

  private void energy(TariffVersion.Builder v) {
    JsonNode s = item.get("energyratestructure");
    if (s == null || s.isNull() || (s.isArray() && s.isEmpty())) {
      return;
    }
    List<List<RawTier>> periods = structure("energyratestructure", s, true);
    for (int p = 0; p < periods.size(); p++) {
      for (int t = 0; t < periods.get(p).size(); t++) {
        RawTier rt = periods.get(p).get(t);
        if (rt.unit != null && energyUnit(rt.unit) == null) {
          notCarried.add(NotCarried.of(path("energyratestructure") + "[" + p + "][" + t + "].unit",
              "energy charge (" + periods.size() + " periods) with tier unit \"" + rt.unit + "\"",
              "unknown tier unit: the tier bounds cannot be interpreted"));
          return;
        }
        if (rt.sell != null) {
          anySell = true;
        }
      }
    }
    int n = periods.size();
    int[][] wd = schedule("energyweekdayschedule", "energyratestructure", n);
    int[][] we = schedule("energyweekendschedule", "energyratestructure", n);
    EnergyCharge.Builder b = EnergyCharge.builder().id(ENERGY_ID).description("Energy charge");
    if (!(n == 1 && allZero(wd) && allZero(we))) {
      b.schedule(TouSchedule.fromMonthHourMatrices(ENERGY_SCHEDULE, periodNames(n), wd, we, DayCalendar.standard()));
      b.counter(TierCounter.ALL_PERIODS).allocation(TierAllocation.PROPORTIONAL);
      if (periods.stream().anyMatch(l -> l.size() > 1)) {
        assume("energyratestructure", "tiers inside TOU periods",
            "one tier counter per bill across all periods, each period sharing every tier in proportion to its use"
                + " (SAM's and REopt's reading of URDB)");
      }
    }
    for (int p = 0; p < n; p++) {
      List<Tier> tiers = new ArrayList<>();
      for (RawTier rt : periods.get(p)) {
        Tier.Builder tb = Tier.builder().rate(rt.charged());
        if (rt.max != null) {
          tb.upTo(rt.max);
        }
        if (rt.sell != null) {
          tb.sellRate(rt.sell);
        }
        TierUnit u = rt.unit == null ? TierUnit.KWH : energyUnit(rt.unit);
        tb.unit(u == null ? TierUnit.KWH : u);
        tiers.add(tb.build());
      }
      b.addPeriod(periodTiers("energyratestructure", p, tiers));
    }
    v.addEnergyCharge(b.build());
  }

  static @Nullable TierUnit energyUnit(String unit) {
    switch (unit.trim().toLowerCase(Locale.ROOT)) {
      case "kwh":
        return TierUnit.KWH;
      case "kwh daily":
        return TierUnit.KWH_PER_DAY;
      case "kwh/kw":
        return TierUnit.KWH_PER_KW;
      case "kwh/kw daily":
        return TierUnit.KWH_PER_KW_PER_DAY;
      default:
        return null;
    }
  }

  static String energyUnitName(TierUnit unit) {
    switch (unit) {
      case KWH:
        return "kWh";
      case KWH_PER_DAY:
        return "kWh daily";
      case KWH_PER_KW:
        return "kWh/kW";
      case KWH_PER_KW_PER_DAY:
        return "kWh/kW daily";
      default:
        throw new IllegalArgumentException("not an energy unit: " + unit);
    }
  }

  // ---------------------------------------------------------------- demand

  private void touDemand(TariffVersion.Builder v) {
    JsonNode s = item.get("demandratestructure");
    if (s == null || s.isNull() || (s.isArray() && s.isEmpty())) {
      return;
    }
    String unitField = item.has("demandunits") ? "demandunits" : "demandrateunit";
    String unit = text(unitField).orElse("kW");
    List<List<RawTier>> periods = structure("demandratestructure", s, false);
    if (!unit.trim().equalsIgnoreCase("kW")) {
      notCarried.add(NotCarried.of(path(unitField), "TOU demand charge (" + periods.size() + " periods) in " + unit,
          "GridBill demand charges are in kW from interval energy"));
      return;
    }
    if (!demandTierUnitsOk("demandratestructure", periods, "TOU demand charge")) {
      return;
    }
    int n = periods.size();
    int[][] wd = schedule("demandweekdayschedule", "demandratestructure", n);
    int[][] we = schedule("demandweekendschedule", "demandratestructure", n);
    DemandCharge.Builder b = DemandCharge.builder().id(DEMAND_TOU_ID).description("TOU demand charge");
    if (!(n == 1 && allZero(wd) && allZero(we))) {
      b.schedule(TouSchedule.fromMonthHourMatrices(DEMAND_SCHEDULE, periodNames(n), wd, we, DayCalendar.standard()));
    }
    for (int p = 0; p < n; p++) {
      b.addPeriod(periodTiers("demandratestructure", p, demandTiers(periods.get(p))));
    }
    v.addDemandCharge(b.build());
  }

  private boolean flatDemand(TariffVersion.Builder v, boolean ratchet) {
    JsonNode s = item.get("flatdemandstructure");
    if (s == null || s.isNull() || (s.isArray() && s.isEmpty())) {
      return false;
    }
    String unit = text("flatdemandunit").orElse("kW");
    List<List<RawTier>> periods = structure("flatdemandstructure", s, false);
    if (!unit.trim().equalsIgnoreCase("kW")) {
      notCarried.add(NotCarried.of(path("flatdemandunit"), "flat demand charge (" + periods.size() + " periods) in "
          + unit, "GridBill demand charges are in kW from interval energy"));
      return false;
    }
    if (!demandTierUnitsOk("flatdemandstructure", periods, "flat demand charge")) {
      return false;
    }
    int n = periods.size();
    int[] months = new int[12];
    JsonNode m = item.get("flatdemandmonths");
    if (m == null || m.isNull()) {
      if (n > 1) {
        throw error("flatdemandmonths", "flatdemandmonths", null,
            "must be present when flatdemandstructure has " + n + " periods");
      }
      assume("flatdemandmonths", "flatdemandmonths absent", "period 0 in every month");
    } else {
      if (!m.isArray() || m.size() != 12) {
        throw error("flatdemandmonths", "flatdemandmonths", m.isArray() ? m.size() + " entries" : m.getNodeType(),
            "must have 12 entries (months)");
      }
      for (int i = 0; i < 12; i++) {
        months[i] = periodIndex(m.get(i), path("flatdemandmonths") + "[" + i + "]", "flatdemandmonths",
            "flatdemandstructure", n);
      }
    }
    DemandCharge.Builder b = DemandCharge.builder().id(DEMAND_FLAT_ID).description("Flat demand charge");
    boolean oneRate = true;
    for (int month : months) {
      oneRate &= month == 0;
    }
    if (!(n == 1 && oneRate)) {
      int[][] rows = new int[12][24];
      for (int i = 0; i < 12; i++) {
        java.util.Arrays.fill(rows[i], months[i]);
      }
      b.schedule(TouSchedule.fromMonthHourMatrices(FLAT_DEMAND_SCHEDULE, periodNames(n), rows, rows,
          DayCalendar.standard()));
    }
    if (ratchet) {
      b.basis(DemandBasis.BILLING_DEMAND);
      assume("flatdemandstructure", "which demand charges the ratchet applies to",
          "the flat demand charge bills the ratcheted billing demand, TOU demand charges bill period peaks (SAM)");
    }
    for (int p = 0; p < n; p++) {
      b.addPeriod(periodTiers("flatdemandstructure", p, demandTiers(periods.get(p))));
    }
    v.addDemandCharge(b.build());
    return true;
  }

  private boolean demandTierUnitsOk(String field, List<List<RawTier>> periods, String what) {
    for (int p = 0; p < periods.size(); p++) {
      for (int t = 0; t < periods.get(p).size(); t++) {
        String u = periods.get(p).get(t).unit;
        if (u != null && !u.trim().equalsIgnoreCase("kW")) {
          notCarried.add(NotCarried.of(path(field) + "[" + p + "][" + t + "].unit",
              what + " (" + periods.size() + " periods) with tier unit \"" + u + "\"",
              "GridBill demand tiers are in kW"));
          return false;
        }
      }
    }
    return true;
  }

  private static List<Tier> demandTiers(List<RawTier> raw) {
    List<Tier> tiers = new ArrayList<>();
    for (RawTier rt : raw) {
      tiers.add(rt.max == null ? Tier.builder().rate(rt.charged()).unit(TierUnit.KW).build()
          : Tier.upToKw(rt.max, rt.charged()));
    }
    return tiers;
  }

  private Optional<Ratchet> ratchet() {
    BigDecimal lbp = decimal("lookbackpercent").orElse(null);
    Integer range = integer("lookbackrange").orElse(null);
    boolean[] lbm = null;
    JsonNode m = item.get("lookbackmonths");
    if (m != null && !m.isNull()) {
      if (!m.isArray() || m.size() != 12) {
        throw error("lookbackmonths", "lookbackmonths", m.isArray() ? m.size() + " entries" : m.getNodeType(),
            "must have 12 entries (months)");
      }
      lbm = new boolean[12];
      for (int i = 0; i < 12; i++) {
        JsonNode x = m.get(i);
        String p = path("lookbackmonths") + "[" + i + "]";
        if (x.isBoolean()) {
          lbm[i] = x.booleanValue();
        } else if (x.isNumber()
            && (x.decimalValue().signum() == 0 || x.decimalValue().compareTo(BigDecimal.ONE) == 0)) {
          lbm[i] = x.decimalValue().signum() != 0;
        } else {
          throw new DataFormatException(source, p, "lookbackmonths", x, "must be true/false (or 1/0)");
        }
      }
    }
    BigDecimal[] drp = null;
    JsonNode d = item.get("demandratchetpercentage");
    if (d != null && !d.isNull()) {
      if (!d.isArray() || d.size() != 12) {
        throw error("demandratchetpercentage", "demandratchetpercentage",
            d.isArray() ? d.size() + " entries" : d.getNodeType(), "must have 12 entries (months)");
      }
      drp = new BigDecimal[12];
      for (int i = 0; i < 12; i++) {
        drp[i] = number(d.get(i), path("demandratchetpercentage") + "[" + i + "]", "demandratchetpercentage");
      }
    }
    boolean useLookback = lbp != null && lbp.signum() > 0;
    boolean useDrp = drp != null && java.util.Arrays.stream(drp).anyMatch(x -> x.signum() != 0);
    if (!useLookback && !useDrp) {
      return Optional.empty();
    }
    List<BigDecimal> percents = new ArrayList<>();
    if (useLookback) {
      for (int i = 0; i < 12; i++) {
        percents.add(lbm == null || lbm[i] ? java.util.Objects.requireNonNull(lbp).movePointRight(2) : BigDecimal.ZERO);
      }
      if (lbm == null) {
        assume("lookbackmonths", "lookbackmonths absent", "the look-back applies in every month");
      }
      if (useDrp) {
        notCarried.add(NotCarried.of(path("demandratchetpercentage"), "demandratchetpercentage " + d,
            "lookbackpercent/lookbackmonths state the ratchet; the older field is not combined with them"));
      }
    } else {
      for (int i = 0; i < 12; i++) {
        percents.add(java.util.Objects.requireNonNull(drp)[i].movePointRight(2));
      }
      assume("demandratchetpercentage", "demandratchetpercentage units and reference",
          "fractions of the highest peak demand of the look-back months (0.35 = 35 %), like lookbackpercent");
    }
    int lookback;
    if (range != null && range > 0) {
      lookback = range;
    } else {
      lookback = DEFAULT_LOOKBACK_MONTHS;
      assume("lookbackrange", "lookbackrange absent", DEFAULT_LOOKBACK_MONTHS + " previous months");
    }
    Ratchet.Builder r = Ratchet.builder().lookbackMonths(lookback).reference(RatchetReference.PEAK_DEMAND)
        .percentByMonth(percents);
    for (int i = 0; i < 12; i++) {
      r.addIncludeCurrentPeakByMonth(true);
    }
    try {
      return Optional.of(r.build());
    } catch (ValidationException e) {
      throw new DataFormatException(source, path(useLookback ? "lookbackpercent" : "demandratchetpercentage"),
          e.field(), e.value(), e.reason(), e);
    }
  }

  // ---------------------------------------------------------------- fixed, minimum, net metering

  private void fixed(TariffVersion.Builder v) {
    Optional<BigDecimal> monthly = decimal("fixedmonthlycharge");
    Optional<BigDecimal> first = decimal("fixedchargefirstmeter");
    Optional<String> units = text("fixedchargeunits");
    FixedCharge charge = null;
    if (first.isPresent()) {
      String u = units.orElse(null);
      if (u == null) {
        u = "$/month";
        assume("fixedchargeunits", "fixedchargeunits absent", "$/month");
      }
      FixedChargeBasis basis = u.trim().equalsIgnoreCase("$/month") ? FixedChargeBasis.PER_BILL
          : u.trim().equalsIgnoreCase("$/day") ? FixedChargeBasis.PER_DAY : null;
      if (basis == null) {
        notCarried.add(NotCarried.of(path("fixedchargefirstmeter"), "fixed charge " + first.get().toPlainString()
            + " " + u, "GridBill fixed charges are per bill or per day"));
      } else if (first.get().signum() != 0) {
        charge = FixedCharge.of(FIXED_ID, "Fixed charge", first.get(), basis);
      }
      if (monthly.isPresent() && monthly.get().signum() != 0
          && !(basis == FixedChargeBasis.PER_BILL && monthly.get().compareTo(first.get()) == 0)) {
        notCarried.add(NotCarried.of(path("fixedmonthlycharge"), "fixedmonthlycharge " + monthly.get().toPlainString(),
            "fixedchargefirstmeter with fixedchargeunits states the fixed charge"));
      }
    } else if (monthly.isPresent() && monthly.get().signum() != 0) {
      charge = FixedCharge.of(FIXED_ID, "Fixed charge", monthly.get(), FixedChargeBasis.PER_BILL);
    }
    if (charge != null) {
      v.addFixedCharge(charge);
    }
    decimal("fixedchargeeaaddl").filter(x -> x.signum() != 0).ifPresent(x -> notCarried.add(NotCarried.of(
        path("fixedchargeeaaddl"), "fixed charge per additional meter " + x.toPlainString(),
        "a GridBill tariff bills one meter")));
  }

  private void minimum(TariffVersion.Builder v) {
    BigDecimal monthly = decimal("minmonthlycharge").filter(x -> x.signum() != 0).orElse(null);
    BigDecimal annual = decimal("annualmincharge").filter(x -> x.signum() != 0).orElse(null);
    Optional<BigDecimal> mc = decimal("mincharge");
    if (mc.isPresent() && mc.get().signum() != 0) {
      String u = text("minchargeunits").orElse(null);
      if (u == null) {
        u = "$/month";
        assume("minchargeunits", "minchargeunits absent", "$/month");
      }
      if (u.trim().equalsIgnoreCase("$/month")) {
        if (monthly != null && monthly.compareTo(mc.get()) != 0) {
          notCarried.add(NotCarried.of(path("minmonthlycharge"), "minmonthlycharge " + monthly.toPlainString(),
              "mincharge with minchargeunits states the minimum"));
        }
        monthly = mc.get();
      } else if (u.trim().equalsIgnoreCase("$/year")) {
        if (annual != null && annual.compareTo(mc.get()) != 0) {
          notCarried.add(NotCarried.of(path("annualmincharge"), "annualmincharge " + annual.toPlainString(),
              "mincharge with minchargeunits states the minimum"));
        }
        annual = mc.get();
      } else {
        notCarried.add(NotCarried.of(path("mincharge"), "minimum charge " + mc.get().toPlainString() + " " + u,
            "GridBill minimum charges are monthly or annual"));
      }
    }
    if (monthly == null && annual == null) {
      return;
    }
    MinimumCharge.Builder b = MinimumCharge.builder();
    if (monthly != null) {
      b.monthly(monthly);
    }
    if (annual != null) {
      b.annual(annual);
    }
    try {
      v.minimumCharge(b.build());
    } catch (ValidationException e) {
      throw new DataFormatException(source, path(monthly != null ? "minmonthlycharge" : "annualmincharge"), e.field(),
          e.value(), e.reason(), e);
    }
  }

  private void netMetering(TariffVersion.Builder v) {
    Optional<String> dg = text("dgrules");
    JsonNode unm = item.get("usenetmetering");
    NetMeteringRule.Builder r = NetMeteringRule.builder();
    if (anySell) {
      r.exportRate(ExportRate.tierSellRates());
    }
    if (dg.isPresent()) {
      String rule = dg.get().trim();
      switch (rule) {
        case "Net Metering":
          r.mode(NetMeteringMode.NET_METERING).carry(CreditCarry.KWH);
          assume("dgrules", "Net Metering without a true-up", "kWh credits carry from bill to bill and never expire");
          break;
        case "Net Billing Instantaneous":
          r.mode(NetMeteringMode.NET_BILLING);
          break;
        case "Net Billing Hourly":
          r.mode(NetMeteringMode.NET_BILLING);
          assume("dgrules", "Net Billing Hourly", "imports and exports are netted per meter interval (the same as"
              + " hourly netting for hourly data)");
          break;
        case "Buy All Sell All":
          r.mode(NetMeteringMode.BUY_ALL_SELL_ALL);
          break;
        default:
          notCarried.add(NotCarried.of(path("dgrules"), "dgrules \"" + rule + "\"", "unknown distributed-generation"
              + " rule: exports earn nothing"));
          return;
      }
      v.netMetering(r.build());
      return;
    }
    if (unm != null && unm.isBoolean()) {
      if (unm.booleanValue()) {
        r.mode(NetMeteringMode.NET_METERING).carry(CreditCarry.KWH);
        assume("usenetmetering", "usenetmetering true without a true-up",
            "kWh credits carry from bill to bill and never expire");
        v.netMetering(r.build());
      } else if (anySell) {
        r.mode(NetMeteringMode.NET_BILLING);
        assume("usenetmetering", "usenetmetering false with tier sell rates", "net billing at the sell rates");
        v.netMetering(r.build());
      }
      return;
    }
    assume("dgrules", "dgrules absent", "no net-metering rule: exports earn nothing (SAM and REopt assume Net"
        + " Metering)");
  }

  // ---------------------------------------------------------------- everything else

  private void others() {
    JsonNode coincident = item.get("coincidentratestructure");
    if (coincident != null && coincident.isArray() && !coincident.isEmpty()) {
      notCarried.add(NotCarried.of(path("coincidentratestructure"), "coincident demand charge (" + coincident.size()
          + " periods): " + coincident, "needs the utility's system-peak times, which URDB does not give"));
    }
    decimal("demandreactivepowercharge").filter(x -> x.signum() != 0).ifPresent(x -> notCarried.add(NotCarried.of(
        path("demandreactivepowercharge"), "reactive power charge " + x.toPlainString() + " $/kVAR",
        "needs reactive energy, which GridBill interval data does not hold")));
    decimal("demandwindow").ifPresent(x -> assume("demandwindow", "demand window " + x.toPlainString() + " minutes",
        "demand is measured over each meter interval"));
    for (Map.Entry<String, JsonNode> e : item.properties()) {
      String k = e.getKey();
      JsonNode val = e.getValue();
      if (ATTRS.contains(k)) {
        if (val.isArray()) {
          for (int i = 0; i < val.size(); i++) {
            notCarried.add(NotCarried.of(path(k) + "[" + i + "]", k + " " + val.get(i),
                "free-text attribute: GridBill does not interpret it"));
          }
        } else if (!isEmpty(val)) {
          notCarried.add(NotCarried.of(path(k), k + " " + val, "free-text attribute: GridBill does not interpret it"));
        }
      } else if (FREE_TEXT.contains(k)) {
        if (!isEmpty(val)) {
          notCarried.add(NotCarried.of(path(k),
              k + " " + abbreviate(val.isString() ? val.stringValue() : val.toString()),
              "free text GridBill does not interpret: check it for rules the structured fields lack"));
        }
      } else if (!READ.contains(k) && !METADATA.contains(k) && !isEmpty(val)) {
        notCarried.add(NotCarried.of(path(k), k + " = " + abbreviate(val.toString()), "unknown URDB field"));
      }
    }
  }

  private static boolean isEmpty(JsonNode v) {
    return v.isNull() || (v.isString() && v.stringValue().isBlank()) || (v.isContainer() && v.isEmpty());
  }

  private static String abbreviate(String s) {
    String one = s.replace("\r", " ").replace("\n", " ");
    return one.length() <= 200 ? one : one.substring(0, 197) + "...";
  }

  // ---------------------------------------------------------------- helpers

  /** A tier as written: rate, adj, max, unit, sell. */
  private static final class RawTier {
    final BigDecimal rate;
    final @Nullable BigDecimal adj;
    final @Nullable BigDecimal max;
    final @Nullable String unit;
    final @Nullable BigDecimal sell;

    RawTier(BigDecimal rate, @Nullable BigDecimal adj, @Nullable BigDecimal max, @Nullable String unit,
        @Nullable BigDecimal sell) {
      this.rate = rate;
      this.adj = adj;
      this.max = max;
      this.unit = unit;
      this.sell = sell;
    }

    BigDecimal charged() {
      return adj == null ? rate : rate.add(adj);
    }
  }

  private List<List<RawTier>> structure(String field, JsonNode s, boolean energy) {
    String p0 = path(field);
    if (!s.isArray()) {
      throw new DataFormatException(source, p0, field, s.getNodeType(), "must be an array of periods");
    }
    List<List<RawTier>> out = new ArrayList<>();
    for (int p = 0; p < s.size(); p++) {
      JsonNode period = s.get(p);
      String pp = p0 + "[" + p + "]";
      if (!period.isArray() || period.isEmpty()) {
        throw new DataFormatException(source, pp, field, period, "must be a non-empty array of tiers");
      }
      List<RawTier> tiers = new ArrayList<>();
      for (int t = 0; t < period.size(); t++) {
        JsonNode tier = period.get(t);
        String tp = pp + "[" + t + "]";
        if (!tier.isObject()) {
          throw new DataFormatException(source, tp, "tier", tier, "must be an object with a rate");
        }
        JsonNode rate = tier.get("rate");
        if (rate == null || rate.isNull()) {
          throw new DataFormatException(source, tp, "rate", null, "must be present");
        }
        BigDecimal r = number(rate, tp + ".rate", "rate");
        BigDecimal adj = optNumber(tier, tp, "adj");
        BigDecimal max = optNumber(tier, tp, "max");
        if (max != null && max.signum() <= 0) {
          throw new DataFormatException(source, tp + ".max", "max", max.toPlainString(), "must be positive");
        }
        BigDecimal sell = energy ? optNumber(tier, tp, "sell") : null;
        String unit = null;
        JsonNode u = tier.get("unit");
        if (u != null && !u.isNull()) {
          if (!u.isString()) {
            throw new DataFormatException(source, tp + ".unit", "unit", u, "must be a string");
          }
          unit = u.stringValue();
        }
        for (String k : tier.propertyNames()) {
          if (!(k.equals("rate") || k.equals("adj") || k.equals("max") || k.equals("unit")
              || (energy && k.equals("sell")))) {
            notCarried.add(NotCarried.of(tp + "." + k, "tier field " + k + " = " + tier.get(k),
                "not a URDB tier field GridBill knows"));
          }
        }
        tiers.add(new RawTier(r, adj, max, unit, sell));
      }
      out.add(tiers);
    }
    return out;
  }

  private PeriodTiers periodTiers(String field, int p, List<Tier> tiers) {
    try {
      return PeriodTiers.of(p, tiers);
    } catch (ValidationException e) {
      throw new DataFormatException(source, path(field) + "[" + p + "]", e.field(), e.value(), e.reason(), e);
    }
  }

  private int[][] schedule(String field, String structure, int n) {
    JsonNode s = item.get(field);
    int[][] out = new int[12][24];
    if (s == null || s.isNull()) {
      if (n > 1) {
        throw error(field, field, null, "must be present when " + structure + " has " + n + " periods");
      }
      return out;
    }
    String p0 = path(field);
    if (!s.isArray() || s.size() != 12) {
      throw new DataFormatException(source, p0, field, s.isArray() ? s.size() + " rows" : s.getNodeType(),
          "must have 12 rows (months)");
    }
    for (int m = 0; m < 12; m++) {
      JsonNode row = s.get(m);
      if (!row.isArray() || row.size() != 24) {
        throw new DataFormatException(source, p0 + "[" + m + "]", field,
            row.isArray() ? row.size() + " entries" : row.getNodeType(), "must have 24 entries (hours)");
      }
      for (int h = 0; h < 24; h++) {
        out[m][h] = periodIndex(row.get(h), p0 + "[" + m + "][" + h + "]", field, structure, n);
      }
    }
    return out;
  }

  private int periodIndex(JsonNode x, String where, String field, String structure, int n) {
    if (!x.isNumber() || x.decimalValue().stripTrailingZeros().scale() > 0) {
      throw new DataFormatException(source, where, field, x, "must be a whole period number");
    }
    BigDecimal d = x.decimalValue();
    if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(n)) >= 0) {
      throw new DataFormatException(source, where, field, d.toPlainString(),
          "must name a period of " + structure + " (0 to " + (n - 1) + ")");
    }
    return d.intValueExact();
  }

  static List<String> periodNames(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("period " + i);
    }
    return names;
  }

  private static boolean allZero(int[][] m) {
    for (int[] row : m) {
      for (int x : row) {
        if (x != 0) {
          return false;
        }
      }
    }
    return true;
  }

  private Optional<String> text(String field) {
    JsonNode n = item.get(field);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isString()) {
      throw error(field, field, n, "must be a string");
    }
    return Optional.of(n.stringValue());
  }

  private Optional<BigDecimal> decimal(String field) {
    JsonNode n = item.get(field);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    return Optional.of(number(n, path(field), field));
  }

  private Optional<Integer> integer(String field) {
    Optional<BigDecimal> d = decimal(field);
    if (d.isEmpty()) {
      return Optional.empty();
    }
    if (d.get().stripTrailingZeros().scale() > 0) {
      throw error(field, field, d.get().toPlainString(), "must be a whole number");
    }
    try {
      return Optional.of(d.get().intValueExact());
    } catch (ArithmeticException e) {
      throw error(field, field, d.get().toPlainString(), "must be a whole number in int range");
    }
  }

  private @Nullable BigDecimal optNumber(JsonNode obj, String objPath, String field) {
    JsonNode n = obj.get(field);
    return n == null || n.isNull() ? null : number(n, objPath + "." + field, field);
  }

  private BigDecimal number(JsonNode n, String where, String field) {
    if (!n.isNumber()) {
      throw new DataFormatException(source, where, field, n, "must be a number");
    }
    return n.decimalValue();
  }

  private Optional<LocalDate> date(String field) {
    Optional<BigDecimal> d = decimal(field);
    if (d.isEmpty()) {
      return Optional.empty();
    }
    long s;
    try {
      s = d.get().longValueExact();
    } catch (ArithmeticException e) {
      throw error(field, field, d.get().toPlainString(), "must be whole epoch seconds");
    }
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(s + 43_200L, 86_400L));
    if (Math.floorMod(s, 86_400L) != 0) {
      assume(field, field + " " + s + " (" + Instant.ofEpochSecond(s) + ") is not midnight UTC",
          "read as " + date + ", the nearest midnight UTC (URDB stores midnight in the editor's zone)");
    }
    return Optional.of(date);
  }

  private String path(String field) {
    return base + "." + field;
  }

  private void assume(String field, String what, String assumed) {
    assumptions.add(Assumption.of(path(field), what, assumed));
  }

  private DataFormatException error(String at, String field, @Nullable Object value, String reason) {
    return new DataFormatException(source, path(at), field, value, reason);
  }
}
