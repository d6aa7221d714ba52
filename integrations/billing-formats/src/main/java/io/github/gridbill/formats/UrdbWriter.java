package io.github.gridbill.formats;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.DemandBasis;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRateKind;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.MinimumCharge;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Ratchet;
import io.github.gridbill.core.tariff.RatchetReference;
import io.github.gridbill.core.tariff.RatingConventions;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TierMode;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.DayType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a GridBill tariff version as an OpenEI URDB rate item (v7/v8 field names where URDB has them), for the
 * constructs URDB can express; {@link UrdbReader} reads the result back to an equal tariff.
 *
 * <p>Written: identity ({@code label} = id, {@code name}, {@code utility}, {@code sector}), {@code startdate} /
 * {@code enddate} (midnight UTC), one fixed charge per bill or per day, one energy charge with block tiers (12 × 24
 * month-hour schedules, hourly), one TOU demand charge and one flat demand charge (month-only schedule) in kW tiers, a
 * peak-demand ratchet billed by the flat demand charge, monthly and annual minimums, and the net-metering mode.
 * Everything else (riders, taxes, demand-response programs, volume tiers, price series, sub-hourly or holiday
 * schedules, true-up rules, escalation, non-default rounding) is listed in {@link UrdbExport#notWritten()}, never
 * dropped in silence. URDB has no zone and no currency field: rates are written as numbers.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class UrdbWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private UrdbWriter() {}

  /**
   * Writes a tariff that has exactly one version.
   *
   * @param tariff the tariff, not null
   * @return the item and what it could not hold, never null
   * @throws ValidationException if the tariff has several versions (write each with {@link #write(Tariff,
   *     TariffVersion)})
   */
  public static UrdbExport write(Tariff tariff) {
    Objects.requireNonNull(tariff, "tariff");
    if (tariff.versions().size() != 1) {
      throw new ValidationException("tariff.versions", tariff.versions().size() + " versions",
          "must be exactly one for write(tariff); pass the version to write");
    }
    return write(tariff, tariff.versions().get(0));
  }

  /**
   * Writes one version of a tariff as a URDB item.
   *
   * @param tariff the tariff (identity), not null
   * @param version the version to write, not null
   * @return the item and what it could not hold, never null
   */
  public static UrdbExport write(Tariff tariff, TariffVersion version) {
    Objects.requireNonNull(tariff, "tariff");
    Objects.requireNonNull(version, "version");
    List<NotCarried> out = new ArrayList<>();
    ObjectNode item = NODES.objectNode();
    item.put("label", tariff.id());
    item.put("name", tariff.name());
    tariff.utility().ifPresent(u -> item.put("utility", u));
    tariff.sector().ifPresent(s -> item.put("sector", s));
    item.put("startdate", version.effectiveFrom().atStartOfDay().toEpochSecond(ZoneOffset.UTC));
    version.effectiveUntil().ifPresent(u -> item.put("enddate", u.atStartOfDay().toEpochSecond(ZoneOffset.UTC)));

    fixed(version, item, out);
    boolean anySell = energy(version, item, out);
    demand(version, item, out);
    version.minimumCharge().ifPresent(m -> minimum(m, item, out));
    version.netMetering().ifPresent(n -> netMetering(n, anySell, item, out));
    for (int i = 0; i < version.riders().size(); i++) {
      out.add(NotCarried.of("riders[" + i + "]", "rider " + version.riders().get(i).id(), "URDB has no riders"));
    }
    for (int i = 0; i < version.taxes().size(); i++) {
      out.add(NotCarried.of("taxes[" + i + "]", "tax " + version.taxes().get(i).id(), "URDB has no taxes"));
    }
    for (int i = 0; i < version.demandResponsePrograms().size(); i++) {
      out.add(NotCarried.of("demandResponsePrograms[" + i + "]", "demand-response program "
          + version.demandResponsePrograms().get(i).id(), "URDB has no demand-response programs"));
    }
    if (version.roundingMode() != RoundingMode.HALF_UP) {
      out.add(NotCarried.of("roundingMode", "rounding " + version.roundingMode(), "URDB states no rounding"));
    }
    if (!version.conventions().equals(RatingConventions.defaults())) {
      out.add(NotCarried.of("conventions", version.conventions().toString(), "URDB states no rating conventions"));
    }
    String json = UrdbReader.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(item);
    return UrdbExport.builder().json(json).notWritten(out).build();
  }

  private static void fixed(TariffVersion v, ObjectNode item, List<NotCarried> out) {
    for (int i = 0; i < v.fixedCharges().size(); i++) {
      FixedCharge f = v.fixedCharges().get(i);
      if (i > 0) {
        out.add(NotCarried.of("fixedCharges[" + i + "]", "fixed charge " + f.id(), "URDB holds one fixed charge"));
        continue;
      }
      item.set("fixedchargefirstmeter", new DecimalNode(f.amount()));
      item.put("fixedchargeunits", f.basis() == FixedChargeBasis.PER_DAY ? "$/day" : "$/month");
      identity(out, "fixedCharges[0]", f.id(), f.description(), UrdbItemParser.FIXED_ID, "Fixed charge");
    }
  }

  /** Writes the energy charge; returns whether any tier has a sell rate. */
  private static boolean energy(TariffVersion v, ObjectNode item, List<NotCarried> out) {
    boolean anySell = false;
    for (int i = 0; i < v.energyCharges().size(); i++) {
      EnergyCharge e = v.energyCharges().get(i);
      String at = "energyCharges[" + i + "]";
      if (i > 0) {
        out.add(NotCarried.of(at, "energy charge " + e.id(), "URDB holds one energy charge"));
        continue;
      }
      int n = e.schedule().map(s -> s.periodNames().size()).orElse(1);
      int[][][] m = e.schedule().isPresent() ? matrices(e.schedule().get()) : new int[][][] {new int[12][24],
          new int[12][24]};
      if (m == null) {
        out.add(NotCarried.of(at + ".schedule", "energy charge " + e.id() + " schedule",
            "URDB schedules are hourly by month, weekday and weekend, without holidays"));
        continue;
      }
      ArrayNode structure = NODES.arrayNode();
      for (int p = 0; p < n; p++) {
        Optional<PeriodTiers> pt = e.tiersOf(p);
        ArrayNode tiers = NODES.arrayNode();
        if (pt.isEmpty()) {
          out.add(NotCarried.of(at + ".periods", "period " + p + " without tiers", "written with rate 0"));
          tiers.add(NODES.objectNode().put("rate", 0));
        } else {
          for (Tier t : pt.get().tiers()) {
            ObjectNode o = NODES.objectNode();
            t.upTo().ifPresent(b -> o.set("max", new DecimalNode(b)));
            o.put("unit", UrdbItemParser.energyUnitName(t.unit()));
            o.set("rate", new DecimalNode(t.rate()));
            if (t.sellRate().isPresent()) {
              o.set("sell", new DecimalNode(t.sellRate().get()));
              anySell = true;
            }
            tiers.add(o);
          }
        }
        structure.add(tiers);
      }
      item.set("energyratestructure", structure);
      item.set("energyweekdayschedule", matrix(m[0]));
      item.set("energyweekendschedule", matrix(m[1]));
      if (e.mode() != TierMode.BLOCK) {
        out.add(NotCarried.of(at + ".mode", "tier mode " + e.mode(), "URDB tiers are blocks"));
      }
      if (e.schedule().isPresent() && (e.counter() != TierCounter.ALL_PERIODS
          || e.allocation() != TierAllocation.PROPORTIONAL)) {
        out.add(NotCarried.of(at + ".counter", "tier counter " + e.counter() + "/" + e.allocation(),
            "URDB tiers are read as one counter across periods, shared in proportion"));
      }
      e.priceSeries().ifPresent(ps -> out.add(NotCarried.of(at + ".priceSeries", "price series",
          "URDB has no real-time prices")));
      identity(out, at, e.id(), e.description(), UrdbItemParser.ENERGY_ID, "Energy charge");
    }
    return anySell;
  }

  private static void demand(TariffVersion v, ObjectNode item, List<NotCarried> out) {
    boolean flatUsed = false;
    boolean touUsed = false;
    for (int i = 0; i < v.demandCharges().size(); i++) {
      DemandCharge d = v.demandCharges().get(i);
      String at = "demandCharges[" + i + "]";
      int[][][] m = d.schedule().isPresent() ? matrices(d.schedule().get()) : new int[][][] {new int[12][24],
          new int[12][24]};
      int[] months = m == null ? null : monthOnly(m);
      boolean wantFlat = d.id().equals(UrdbItemParser.DEMAND_FLAT_ID)
          || (!d.id().equals(UrdbItemParser.DEMAND_TOU_ID) && months != null && !flatUsed);
      if (m == null) {
        out.add(NotCarried.of(at + ".schedule", "demand charge " + d.id() + " schedule",
            "URDB schedules are hourly by month, weekday and weekend, without holidays"));
        continue;
      }
      int n = d.schedule().map(s -> s.periodNames().size()).orElse(1);
      ArrayNode structure = NODES.arrayNode();
      for (int p = 0; p < n; p++) {
        Optional<PeriodTiers> pt = d.tiersOf(p);
        ArrayNode tiers = NODES.arrayNode();
        if (pt.isEmpty()) {
          out.add(NotCarried.of(at + ".periods", "period " + p + " without tiers", "written with rate 0"));
          tiers.add(NODES.objectNode().put("rate", 0));
        } else {
          for (Tier t : pt.get().tiers()) {
            ObjectNode o = NODES.objectNode();
            t.upTo().ifPresent(b -> o.set("max", new DecimalNode(b)));
            o.set("rate", new DecimalNode(t.rate()));
            tiers.add(o);
          }
        }
        structure.add(tiers);
      }
      if (d.mode() != TierMode.BLOCK) {
        out.add(NotCarried.of(at + ".mode", "tier mode " + d.mode(), "URDB tiers are blocks"));
      }
      if (wantFlat && months != null && !flatUsed) {
        flatUsed = true;
        item.set("flatdemandstructure", structure);
        ArrayNode fm = NODES.arrayNode();
        for (int x : months) {
          fm.add(x);
        }
        item.set("flatdemandmonths", fm);
        item.put("flatdemandunit", "kW");
        boolean billing = d.basis() == DemandBasis.BILLING_DEMAND;
        if (billing != v.ratchet().isPresent()) {
          out.add(NotCarried.of(at + ".basis", "flat demand on " + d.basis() + (v.ratchet().isPresent()
              ? " with a ratchet" : " without a ratchet"), "URDB's ratchet applies to the flat demand charge"));
        }
        identity(out, at, d.id(), d.description(), UrdbItemParser.DEMAND_FLAT_ID, "Flat demand charge");
      } else if (!touUsed) {
        touUsed = true;
        item.set("demandratestructure", structure);
        item.set("demandweekdayschedule", matrix(m[0]));
        item.set("demandweekendschedule", matrix(m[1]));
        item.put("demandunits", "kW");
        if (d.basis() != DemandBasis.PEAK) {
          out.add(NotCarried.of(at + ".basis", "TOU demand on " + d.basis(), "URDB bills TOU demand on peaks"));
        }
        identity(out, at, d.id(), d.description(), UrdbItemParser.DEMAND_TOU_ID, "TOU demand charge");
      } else {
        out.add(NotCarried.of(at, "demand charge " + d.id(), "URDB holds one TOU and one flat demand charge"));
      }
    }
    v.ratchet().ifPresent(r -> ratchet(r, item, out));
  }

  @SuppressWarnings("BigDecimalEquals") // scale matters: a uniform percentage must read back with the same scale
  private static void ratchet(Ratchet r, ObjectNode item, List<NotCarried> out) {
    if (r.lookbackMonths() == 0) {
      // URDB reads a lookbackrange of 0 as absent (11 months): a ratchet that looks back at nothing is not written
      out.add(NotCarried.of("ratchet.lookbackMonths", "ratchet looking back 0 months",
          "URDB reads a look-back range of 0 as absent (11 months)"));
      return;
    }
    BigDecimal common = null;
    boolean uniform = true;
    for (BigDecimal p : r.percentByMonth()) {
      if (p.signum() == 0) {
        continue;
      }
      if (common == null) {
        common = p;
      } else if (!common.equals(p)) {
        uniform = false;
      }
    }
    if (uniform && common != null && r.percentByMonth().stream().allMatch(p -> p.signum() != 0 || p.equals(
        BigDecimal.ZERO))) {
      item.set("lookbackpercent", new DecimalNode(common.movePointLeft(2)));
      ArrayNode months = NODES.arrayNode();
      for (BigDecimal p : r.percentByMonth()) {
        months.add(p.signum() != 0);
      }
      item.set("lookbackmonths", months);
    } else {
      ArrayNode pct = NODES.arrayNode();
      for (BigDecimal p : r.percentByMonth()) {
        pct.add(new DecimalNode(p.movePointLeft(2)));
      }
      item.set("demandratchetpercentage", pct);
    }
    item.put("lookbackrange", r.lookbackMonths());
    if (r.reference() != RatchetReference.PEAK_DEMAND) {
      out.add(NotCarried.of("ratchet.reference", "ratchet on " + r.reference(), "URDB ratchets look back at peaks"));
    }
    if (r.minimumKw().signum() != 0) {
      out.add(NotCarried.of("ratchet.minimumKw", "minimum billing demand " + r.minimumKw(), "URDB has none"));
    }
    if (r.includeCurrentPeakByMonth().contains(false)) {
      out.add(NotCarried.of("ratchet.includeCurrentPeakByMonth", r.includeCurrentPeakByMonth().toString(),
          "URDB always includes the current peak"));
    }
    if (!r.demandPeriods().isEmpty()) {
      out.add(NotCarried.of("ratchet.demandPeriods", r.demandPeriods().toString(),
          "URDB ratchets use every period's peak"));
    }
  }

  private static void minimum(MinimumCharge m, ObjectNode item, List<NotCarried> out) {
    m.monthly().ifPresent(x -> item.set("minmonthlycharge", new DecimalNode(x)));
    m.annual().ifPresent(x -> item.set("annualmincharge", new DecimalNode(x)));
    if (m.annualSettlementMonth() != Month.DECEMBER) {
      out.add(NotCarried.of("minimumCharge.annualSettlementMonth", m.annualSettlementMonth().toString(),
          "URDB settles annual minimums without a month"));
    }
    identity(out, "minimumCharge", m.id(), m.description(), "minimum", "Minimum charge");
  }

  private static void netMetering(NetMeteringRule n, boolean anySell, ObjectNode item, List<NotCarried> out) {
    CreditCarry canonical = n.mode() == NetMeteringMode.NET_METERING ? CreditCarry.KWH : CreditCarry.NONE;
    switch (n.mode()) {
      case NET_METERING:
        item.put("dgrules", "Net Metering");
        break;
      case NET_BILLING:
        item.put("dgrules", "Net Billing Instantaneous");
        break;
      default:
        item.put("dgrules", "Buy All Sell All");
    }
    if (n.carry() != canonical) {
      out.add(NotCarried.of("netMetering.carry", "credit carry " + n.carry(), "URDB's " + n.mode()
          + " is read with carry " + canonical));
    }
    boolean tierSell = n.exportRate().map(e -> e.kind() == ExportRateKind.TIER_SELL_RATES).orElse(false);
    if (n.exportRate().isPresent() && !tierSell) {
      out.add(NotCarried.of("netMetering.exportRate", "export rate " + n.exportRate().get().kind(),
          "URDB prices exports only by the energy tiers' sell rates"));
    } else if (tierSell != anySell) {
      out.add(NotCarried.of("netMetering.exportRate", tierSell ? "TIER_SELL_RATES" : "no export rate",
          "URDB's sell rates decide: the energy tiers " + (anySell ? "have" : "have no") + " sell rates"));
    }
    n.trueUpMonth().ifPresent(m -> out.add(NotCarried.of("netMetering.trueUpMonth", m.toString(),
        "URDB has no true-up")));
    n.surplusRate().ifPresent(r -> out.add(NotCarried.of("netMetering.surplusRate", r.toPlainString(),
        "URDB has no surplus rate")));
    if (n.trueUpSettlement() != io.github.gridbill.core.tariff.TrueUpSettlement.PAY || !n.creditsOffsetSameBill()) {
      out.add(NotCarried.of("netMetering", "bank options " + n, "URDB has no credit-bank options"));
    }
  }

  private static void identity(List<NotCarried> out, String at, String id, String description, String urdbId,
      String urdbDescription) {
    if (!id.equals(urdbId) || !description.equals(urdbDescription)) {
      out.add(NotCarried.of(at + ".id", "component id \"" + id + "\" / \"" + description + "\"",
          "URDB names no components: read back as \"" + urdbId + "\" / \"" + urdbDescription + "\""));
    }
  }

  /** The weekday and weekend 12 × 24 matrices of a schedule, or null if URDB cannot express it. */
  static int @Nullable [][][] matrices(TouSchedule s) {
    if (s.slotMinutes() != 60 || s.profiles().stream().anyMatch(p -> p.slots().size() != 24)) {
      return null;
    }
    DayCalendar cal = s.calendar();
    if (!cal.weekendDays().equals(DayCalendar.standard().weekendDays())) {
      return null;
    }
    if (s.profiles().stream().anyMatch(p -> p.dayType() == DayType.HOLIDAY)
        || !cal.holidays().equals(DayCalendar.standard().holidays())) {
      return null;
    }
    int[][] wd = new int[12][24];
    int[][] we = new int[12][24];
    boolean[][] seen = new boolean[12][2];
    for (int year : new int[] {2023, 2024}) {
      LocalDate d = LocalDate.of(year, 1, 1);
      while (d.getYear() == year) {
        int m = d.getMonthValue() - 1;
        boolean weekend = cal.weekendDays().contains(d.getDayOfWeek());
        int[][] target = weekend ? we : wd;
        List<Integer> slots = s.profileOn(d).slots();
        int k = weekend ? 1 : 0;
        for (int h = 0; h < 24; h++) {
          if (!seen[m][k]) {
            target[m][h] = slots.get(h);
          } else if (target[m][h] != slots.get(h)) {
            return null;
          }
        }
        seen[m][k] = true;
        d = d.plusDays(1);
      }
    }
    return new int[][][] {wd, we};
  }

  /** The period of each month when it depends on the month only, or null. */
  static int @Nullable [] monthOnly(int[][][] m) {
    int[] months = new int[12];
    for (int i = 0; i < 12; i++) {
      months[i] = m[0][i][0];
      for (int h = 0; h < 24; h++) {
        if (m[0][i][h] != months[i] || m[1][i][h] != months[i]) {
          return null;
        }
      }
    }
    return months;
  }

  private static ArrayNode matrix(int[][] m) {
    ArrayNode rows = NODES.arrayNode();
    for (int[] row : m) {
      ArrayNode r = NODES.arrayNode();
      for (int x : row) {
        r.add(x);
      }
      rows.add(r);
    }
    return rows;
  }
}
