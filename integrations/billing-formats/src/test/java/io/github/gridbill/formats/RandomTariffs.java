package io.github.gridbill.formats;

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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.joda.money.CurrencyUnit;

/**
 * Random valid tariffs that use every construct of the tariff model (for format round trips): several versions, TOU
 * schedules with seasons that wrap the year, sub-hourly and holiday profiles, holiday rules, every tier unit, sell
 * rates, price series, every export-rate kind, ratchets, minimums, riders, taxes, demand-response programs, conventions
 * with escalation, decimals of every scale (negative too) and names with quotes, backslashes and non-ASCII text.
 */
final class RandomTariffs {
  private RandomTariffs() {}

  private static final List<String> ZONES = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));
  private static final List<CurrencyUnit> CURRENCIES = new ArrayList<>(CurrencyUnit.registeredCurrencies());
  private static final String TEXT = "abcXYZ 0123 -_.\"\\/é€漢字\t\n😀";

  static Tariff tariff(Random r) {
    Tariff.Builder t = Tariff.builder().id(text(r, 1)).name(text(r, 0)).currency(CURRENCIES.get(
        r.nextInt(CURRENCIES.size())));
    t.zone(r.nextInt(5) == 0 ? ZoneId.of(r.nextBoolean() ? "UTC" : "+05:30") : ZoneId.of(ZONES.get(r.nextInt(
        ZONES.size()))));
    if (r.nextBoolean()) {
      t.utility(text(r, 0));
    }
    if (r.nextBoolean()) {
      t.sector(text(r, 1));
    }
    int versions = 1 + r.nextInt(3);
    LocalDate from = LocalDate.of(1990 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28));
    for (int i = 0; i < versions; i++) {
      t.addVersion(version(r, from));
      from = from.plusDays(1 + r.nextInt(1000));
    }
    return t.build();
  }

  static TariffVersion version(Random r, LocalDate from) {
    TariffVersion.Builder v = TariffVersion.builder().effectiveFrom(from);
    if (r.nextInt(3) == 0) {
      v.effectiveUntil(from.plusDays(1 + r.nextInt(400)));
    }
    if (r.nextBoolean()) {
      RoundingMode[] modes = {RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR,
          RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN};
      v.roundingMode(modes[r.nextInt(modes.length)]);
    }
    List<String> ids = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      String id = "fixed-" + i;
      ids.add(id);
      v.addFixedCharge(FixedCharge.of(id, text(r, 0), dec(r), pick(r, FixedChargeBasis.values())));
    }
    boolean anySell = false;
    boolean anySchedule = false;
    for (int i = r.nextInt(3); i > 0; i--) {
      EnergyCharge.Builder e = EnergyCharge.builder().id("energy." + i).description(text(r, 0))
          .mode(pick(r, TierMode.values())).counter(pick(r, TierCounter.values()))
          .allocation(pick(r, TierAllocation.values()));
      int n = 1;
      if (r.nextBoolean()) {
        TouSchedule s = schedule(r);
        e.schedule(s);
        n = s.periodNames().size();
        anySchedule = true;
      }
      for (int p = 0; p < n; p++) {
        if (p == 0 || r.nextInt(4) != 0) {
          List<Tier> ts = tiers(r, true);
          anySell |= ts.stream().anyMatch(x -> x.sellRate().isPresent());
          e.addPeriod(PeriodTiers.of(p, ts));
        }
      }
      if (r.nextInt(4) == 0) {
        e.priceSeries(series(r));
      }
      ids.add("energy." + i);
      v.addEnergyCharge(e.build());
    }
    boolean ratchet = r.nextInt(3) == 0;
    List<DemandCharge> demands = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      DemandCharge.Builder d = DemandCharge.builder().id("demand_" + i).description(text(r, 0))
          .mode(pick(r, TierMode.values())).basis(ratchet && r.nextBoolean() ? DemandBasis.BILLING_DEMAND
              : DemandBasis.PEAK);
      int n = 1;
      if (r.nextBoolean()) {
        TouSchedule s = schedule(r);
        d.schedule(s);
        n = s.periodNames().size();
        anySchedule = true;
      }
      for (int p = 0; p < n; p++) {
        if (p == 0 || r.nextInt(4) != 0) {
          d.addPeriod(PeriodTiers.of(p, tiers(r, false)));
        }
      }
      ids.add("demand_" + i);
      demands.add(d.build());
    }
    v.addAllDemandCharges(demands);
    if (ratchet) {
      Ratchet.Builder b = Ratchet.builder().lookbackMonths(r.nextInt(37))
          .reference(pick(r, RatchetReference.values()));
      for (int m = 0; m < 12; m++) {
        int scale = r.nextInt(3);
        b.addPercentByMonth(BigDecimal.valueOf(r.nextInt(1000 * (int) Math.pow(10, scale) + 1), scale));
        b.addIncludeCurrentPeakByMonth(r.nextBoolean());
      }
      if (r.nextBoolean()) {
        b.minimumKw(dec(r).abs());
      }
      // demand periods are periods of the charge named (a flat one has period 0), else of a TOU charge
      boolean named = r.nextBoolean();
      int periods = 0;
      for (DemandCharge d : demands) {
        int n = d.schedule().map(s -> s.periodNames().size()).orElse(1);
        if (named ? d.id().equals("demand_1") : d.schedule().isPresent()) {
          periods = Math.max(periods, n);
        }
      }
      for (int i = periods == 0 ? 0 : r.nextInt(3); i > 0; i--) {
        b.addDemandPeriod(r.nextInt(periods));
      }
      if (named) {
        b.demandCharge("demand_1");
      }
      v.ratchet(b.build());
    }
    if (r.nextBoolean()) {
      MinimumCharge.Builder m = MinimumCharge.builder();
      if (r.nextBoolean()) {
        m.id("min").description(text(r, 0));
      }
      if (r.nextBoolean()) {
        m.monthly(dec(r).abs());
      }
      if (r.nextBoolean()) {
        m.annual(dec(r).abs());
      }
      if (r.nextBoolean()) {
        m.annualSettlementMonth(pick(r, Month.values()));
      }
      MinimumCharge min = m.build();
      ids.add(min.id());
      v.minimumCharge(min);
    }
    if (r.nextBoolean()) {
      v.netMetering(netMetering(r, anySell));
    }
    List<String> targets = List.copyOf(ids);
    for (int i = r.nextInt(3); i > 0; i--) {
      RiderKind kind = pick(r, RiderKind.values());
      Rider.Builder b = Rider.builder().id("rider-" + i).description(text(r, 0)).kind(kind).rate(dec(r));
      if (!targets.isEmpty() && (kind == RiderKind.PERCENT || r.nextBoolean())) {
        b.addAppliesTo(targets.get(r.nextInt(targets.size())));
        b.addAppliesTo(targets.get(r.nextInt(targets.size())));
      } else if (kind == RiderKind.PERCENT) {
        continue;
      }
      ids.add("rider-" + i);
      v.addRider(b.build());
    }
    for (int i = r.nextInt(3); i > 0; i--) {
      DemandResponseProgram.Builder b = DemandResponseProgram.builder().id("dr" + i).description(text(r, 0))
          .incentiveRate(dec(r).abs());
      if (r.nextBoolean()) {
        int days = 1 + r.nextInt(10);
        int window = days + r.nextInt(5);
        int lookback = window + r.nextInt(30);
        BaselineRule.Builder rule = BaselineRule.builder().method(pick(r, BaselineMethod.values())).days(days)
            .window(window).maxLookbackDays(lookback)
            .lowUsagePercent(BigDecimal.valueOf(r.nextInt(10_001), r.nextInt(3)).min(BigDecimal.valueOf(100)))
            .adjustment(pick(r, BaselineAdjustment.values())).adjustmentHours(1 + r.nextInt(12))
            .adjustmentGapHours(r.nextInt(13)).adjustmentCapPercent(dec(r).abs());
        if (r.nextBoolean()) {
          int x = 1 + r.nextInt(Math.min(4, lookback));
          rule.weekend(WeekendBaseline.builder().method(pick(r, BaselineMethod.values())).days(x)
              .window(Math.min(x + r.nextInt(3), lookback)).matching(pick(r, WeekendMatching.values()))
              .holidayLikeDay(pick(r, DayOfWeek.values())).build());
        }
        if (r.nextInt(3) == 0) {
          rule.calendar(calendar(r));
        }
        b.baseline(rule.build());
      }
      if (r.nextBoolean()) {
        b.reductionBasis(pick(r, ReductionBasis.values()));
      }
      for (int k = r.nextInt(3); k > 0; k--) {
        b.addExcludedDays(from.plusDays(r.nextInt(400)));
      }
      for (int k = r.nextInt(3); k > 0; k--) {
        LocalDateTime start = from.atStartOfDay().plusDays(r.nextInt(300)).plusMinutes(15L * r.nextInt(80));
        LocalDateTime end = r.nextInt(5) == 0 ? start.toLocalDate().plusDays(1).atStartOfDay()
            : start.plusMinutes(15L * (1 + r.nextInt(95 - start.getHour() * 4 - start.getMinute() / 15)));
        b.addEvent(DemandResponseEvent.of("event " + k, start, end));
      }
      ids.add("dr" + i);
      v.addDemandResponseProgram(b.build());
    }
    List<String> taxable = List.copyOf(ids);
    for (int i = r.nextInt(3); i > 0; i--) {
      TaxRule.Builder b = TaxRule.builder().id("tax" + i).description(text(r, 0)).percent(dec(r).abs())
          .calculation(pick(r, TaxCalculation.values()));
      if (!taxable.isEmpty() && r.nextBoolean()) {
        b.addAppliesTo(taxable.get(r.nextInt(taxable.size())));
      }
      v.addTax(b.build());
    }
    if (r.nextBoolean()) {
      RatingConventions.Builder c = RatingConventions.builder().calendarMonthBills(r.nextBoolean())
          .perKwTierDemand(pick(r, DemandBasis.values()))
          .uniformTierBoundsAcrossPeriods(!anySchedule && r.nextBoolean())
          .kwhBankTransfer(pick(r, KwhBankTransfer.values())).trueUpBasis(pick(r, TrueUpBasis.values()));
      if (r.nextBoolean()) {
        List<Integer> hours = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) {
          hours.add(r.nextInt(24));
        }
        c.bankTransferHours(hours);
      }
      if (r.nextBoolean()) {
        c.escalation(Escalation.of(1990 + r.nextInt(60), dec(r).abs().add(new BigDecimal("0.001"))));
      }
      v.conventions(c.build());
    }
    return v.build();
  }

  private static NetMeteringRule netMetering(Random r, boolean anySell) {
    NetMeteringMode mode = pick(r, NetMeteringMode.values());
    CreditCarry carry = mode == NetMeteringMode.BUY_ALL_SELL_ALL ? CreditCarry.NONE
        : mode == NetMeteringMode.NET_BILLING ? (r.nextBoolean() ? CreditCarry.NONE : CreditCarry.MONEY)
        : pick(r, CreditCarry.values());
    NetMeteringRule.Builder n = NetMeteringRule.builder().mode(mode).carry(carry)
        .trueUpSettlement(pick(r, TrueUpSettlement.values())).creditsOffsetSameBill(r.nextBoolean());
    if (r.nextBoolean()) {
      n.trueUpMonth(pick(r, Month.values()));
    }
    if (r.nextBoolean()) {
      n.surplusRate(dec(r).abs());
    }
    ExportRateKind kind = pick(r, ExportRateKind.values());
    if (kind == ExportRateKind.TIER_SELL_RATES && !anySell) {
      kind = ExportRateKind.FLAT;
    }
    if (r.nextInt(4) != 0) {
      ExportRate.Builder e = ExportRate.builder().kind(kind);
      if (kind == ExportRateKind.FLAT || r.nextInt(5) == 0) {
        e.flatRate(dec(r));
      }
      if (kind == ExportRateKind.PER_PERIOD || r.nextInt(5) == 0) {
        TouSchedule s = schedule(r);
        e.schedule(s);
        for (int p = 0; p < s.periodNames().size(); p++) {
          e.addPeriodRate(dec(r));
        }
      }
      if (kind == ExportRateKind.TIME_SERIES || r.nextInt(5) == 0) {
        e.series(series(r));
      }
      n.exportRate(e.build());
    }
    return n.build();
  }

  /** A schedule of 1 to 4 periods, 1 to 3 seasons (the last wrapping the year end), with optional holidays. */
  static TouSchedule schedule(Random r) {
    int periods = 1 + r.nextInt(4);
    List<String> names = new ArrayList<>();
    for (int p = 0; p < periods; p++) {
      names.add("period " + p + " " + text(r, 0));
    }
    // season boundaries: day-of-year cut points in a leap year, the last season wraps round 31 December
    int seasons = 1 + r.nextInt(3);
    TreeSet<Integer> cuts = new TreeSet<>();
    while (cuts.size() < seasons) {
      cuts.add(1 + r.nextInt(366));
    }
    List<Integer> c = new ArrayList<>(cuts);
    TouSchedule.Builder b = TouSchedule.builder().name(text(r, 0)).periodNames(names);
    for (int i = 0; i < seasons; i++) {
      LocalDate start = LocalDate.ofYearDay(2024, c.get(i));
      LocalDate end = LocalDate.ofYearDay(2024, i + 1 < seasons ? c.get(i + 1) : c.get(0)).minusDays(1);
      String season = "season " + i;
      b.addSeason(seasons == 1 ? Season.of(season, MonthDay.of(1, 1), MonthDay.of(12, 31))
          : Season.of(season, MonthDay.from(start), MonthDay.from(end)));
      for (DayType type : DayType.values()) {
        if (type != DayType.HOLIDAY || r.nextBoolean()) {
          int[] sizes = {24, 48, 96, 288, 1440};
          int slots = sizes[r.nextInt(r.nextInt(4) == 0 ? 5 : 1)];
          List<Integer> profile = new ArrayList<>();
          for (int k = 0; k < slots; k++) {
            profile.add(r.nextInt(periods));
          }
          b.addProfile(DayProfile.of(season, type, profile));
        }
      }
    }
    if (r.nextBoolean()) {
      b.calendar(calendar(r));
    }
    return b.build();
  }

  /** A calendar with random weekend days, dates and rules. */
  static DayCalendar calendar(Random r) {
    {
      Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
      for (int i = r.nextInt(4); i > 0; i--) {
        weekend.add(pick(r, DayOfWeek.values()));
      }
      HolidayCalendar.Builder h = HolidayCalendar.builder().name(text(r, 0));
      for (int i = r.nextInt(3); i > 0; i--) {
        h.addDate(LocalDate.of(2000 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28)));
      }
      for (int i = r.nextInt(3); i > 0; i--) {
        Month m = pick(r, Month.values());
        h.addRule(r.nextBoolean()
            ? HolidayRule.fixed(text(r, 0), m, 1 + r.nextInt(m.minLength()), pick(r, HolidayObservance.values()))
            : HolidayRule.nthWeekday(text(r, 0), m, pick(r, DayOfWeek.values()), r.nextBoolean() ? -1
                : 1 + r.nextInt(5)));
      }
      if (r.nextBoolean()) {
        h.addRule(HolidayRule.lastWeekday("last", Month.MAY, DayOfWeek.MONDAY));
      }
      return DayCalendar.of(weekend, h.build());
    }
  }

  /** 1 to 4 tiers: increasing bounds in one unit, the last unbounded or not. */
  static List<Tier> tiers(Random r, boolean energy) {
    int k = 1 + r.nextInt(4);
    TierUnit[] units = {TierUnit.KWH, TierUnit.KWH_PER_DAY, TierUnit.KWH_PER_KW, TierUnit.KWH_PER_KW_PER_DAY};
    TierUnit unit = energy ? units[r.nextInt(units.length)] : TierUnit.KW;
    List<Tier> out = new ArrayList<>();
    BigDecimal bound = BigDecimal.ZERO;
    for (int i = 0; i < k; i++) {
      Tier.Builder b = Tier.builder().rate(dec(r)).unit(unit);
      if (i < k - 1 || r.nextBoolean()) {
        bound = bound.add(dec(r).abs()).add(BigDecimal.ONE);
        b.upTo(bound);
      }
      if (energy && r.nextInt(3) == 0) {
        b.sellRate(dec(r));
      }
      out.add(b.build());
    }
    return out;
  }

  static PriceSeries series(Random r) {
    IntervalLength len = pick(r, IntervalLength.values());
    PriceSeries.Builder b = PriceSeries.builder().start(Instant.ofEpochSecond(946_684_800L
        + 900L * r.nextInt(1_000_000))).intervalLength(len);
    for (int i = 1 + r.nextInt(20); i > 0; i--) {
      b.addPrice(dec(r));
    }
    return b.build();
  }

  /** A decimal of any sign and scale from -3 to 12 (so "1E+3" forms occur), sometimes with many digits. */
  static BigDecimal dec(Random r) {
    BigInteger unscaled = r.nextInt(8) == 0 ? new BigInteger(80, r) : BigInteger.valueOf(r.nextInt(1_000_000));
    if (r.nextInt(4) == 0) {
      unscaled = unscaled.negate();
    }
    return new BigDecimal(unscaled, r.nextInt(16) - 3);
  }

  /** Text from an alphabet with JSON-special and non-ASCII characters; an id (letters, digits, ._-) if {@code id}. */
  static String text(Random r, int id) {
    int n = 1 + r.nextInt(12);
    StringBuilder sb = new StringBuilder();
    if (id == 1) {
      String alphabet = "abcXYZ0123456789._-";
      sb.append("aZ7".charAt(r.nextInt(3)));
      for (int i = 1; i < n; i++) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      return sb.toString();
    }
    int[] cps = TEXT.codePoints().toArray();
    for (int i = 0; i < n; i++) {
      sb.appendCodePoint(cps[r.nextInt(cps.length)]);
    }
    return sb.toString();
  }

  static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }
}
