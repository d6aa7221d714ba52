package io.github.gridbill.rating;

import static io.github.gridbill.rating.Fixtures.UTC;
import static io.github.gridbill.rating.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.DemandBasis;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.MinimumCharge;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.PriceSeries;
import io.github.gridbill.core.tariff.Ratchet;
import io.github.gridbill.core.tariff.RatchetReference;
import io.github.gridbill.core.tariff.Rider;
import io.github.gridbill.core.tariff.RiderKind;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.TaxRule;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TierMode;
import io.github.gridbill.core.tariff.TierUnit;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.tariff.TrueUpSettlement;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.HolidayCalendar;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.core.time.Season;
import io.github.gridbill.core.tariff.DayProfile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** One test per tariff construct, each with numbers worked out by hand in its comment. */
class ConstructTest {
  private static final BillingPeriod JULY = BillingPeriod.ofMonth(YearMonth.of(2024, 7), UTC);
  private static final BillingPeriod JUNE = BillingPeriod.ofMonth(YearMonth.of(2024, 6), UTC);
  private static final IntervalLength H = IntervalLength.SIXTY_MINUTES;
  private static final long KWH = 1_000_000L;

  private static Money usd(String s) {
    return Money.parse("USD " + s);
  }

  /** Summer (Jun–Sep) / winter, 3 periods: off-peak 0, shoulder 1 (12–16 weekdays), peak 2 (16–21 weekdays). */
  static TouSchedule summerWinter(HolidayCalendar holidays) {
    List<Integer> weekday = new ArrayList<>(Collections.nCopies(24, 0));
    for (int h = 12; h < 16; h++) {
      weekday.set(h, 1);
    }
    for (int h = 16; h < 21; h++) {
      weekday.set(h, 2);
    }
    List<Integer> winterWeekday = new ArrayList<>(Collections.nCopies(24, 0));
    for (int h = 17; h < 20; h++) {
      winterWeekday.set(h, 1);
    }
    List<Integer> off = Collections.nCopies(24, 0);
    return TouSchedule.builder().name("summer/winter 3-period").addPeriodNames("off-peak", "shoulder", "peak")
        .addSeason(Season.of("summer", MonthDay.of(6, 1), MonthDay.of(9, 30)))
        .addSeason(Season.of("winter", MonthDay.of(10, 1), MonthDay.of(5, 31)))
        .calendar(DayCalendar.standard(holidays))
        .addProfile(DayProfile.of("summer", DayType.WEEKDAY, weekday))
        .addProfile(DayProfile.of("summer", DayType.WEEKEND, off))
        .addProfile(DayProfile.of("winter", DayType.WEEKDAY, winterWeekday))
        .addProfile(DayProfile.of("winter", DayType.WEEKEND, off))
        .build();
  }

  @Test
  void flatEnergy() {
    // 744 h × 1 kWh × 0.12 = 89.28
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.flatEnergy("0.12")));
    assertThat(Fixtures.rate(t, JULY, Fixtures.constant(JULY, H, KWH)).total()).isEqualTo(usd("89.28"));
  }

  @Test
  void perDayTierBounds() {
    // 10 kWh/day × 30 days (June) = 300 kWh at 0.10, the rest (720 − 300 = 420) at 0.20: 30.00 + 84.00 = 114.00
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
        .addPeriod(PeriodTiers.of(0, List.of(Tier.builder().upTo(d("10")).unit(TierUnit.KWH_PER_DAY).rate(d("0.10"))
            .build(), Tier.unbounded(d("0.20"))))).build()));
    assertThat(Fixtures.rate(t, JUNE, Fixtures.constant(JUNE, H, KWH)).total()).isEqualTo(usd("114.00"));
  }

  @Test
  void perKwTierBounds() {
    // peak 4 kW (one hour at 4 kWh), 200 kWh/kW × 4 kW = 800 kWh at 0.10; total 719 × 1 + 4 = 723 kWh < 800: 72.30
    // with 1.5 kWh/h: 719 × 1.5 + 4 = 1082.5 kWh: 800 × 0.10 + 282.5 × 0.05 = 80.00 + 14.125 = 94.13 (HALF_UP)
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
        .addPeriod(PeriodTiers.of(0, List.of(Tier.builder().upTo(d("200")).unit(TierUnit.KWH_PER_KW).rate(d("0.10"))
            .build(), Tier.unbounded(d("0.05"))))).build()));
    assertThat(Fixtures.rate(t, JUNE, Fixtures.series(JUNE, H, i -> i == 5 ? 4_000_000 : 1_000_000, i -> 0)).total())
        .isEqualTo(usd("72.30"));
    assertThat(Fixtures.rate(t, JUNE, Fixtures.series(JUNE, H, i -> i == 5 ? 4_000_000 : 1_500_000, i -> 0)).total())
        .isEqualTo(usd("94.13"));
  }

  @Test
  void onePlanRatesPerKwTierBoundsByEachBillsOwnDemand() {
    // the plan resolves demand-free tier tables once; kWh/kW bounds must still follow each bill's peak
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
        .addPeriod(PeriodTiers.of(0, List.of(Tier.builder().upTo(d("200")).unit(TierUnit.KWH_PER_KW).rate(d("0.10"))
            .build(), Tier.unbounded(d("0.05"))))).build()));
    RatingPlan plan = RatingPlan.compile(t, JUNE, H);
    Rater rater = Rater.create();
    // peak 4 kW: 800 kWh at 0.10 before the second tier (94.13, as above); peak 8 kW: all 1,086.5 kWh at 0.10
    assertThat(rater.rate(plan, Fixtures.series(JUNE, H, i -> i == 5 ? 4_000_000 : 1_500_000, i -> 0)).bill()
        .total()).isEqualTo(usd("94.13"));
    assertThat(rater.rate(plan, Fixtures.series(JUNE, H, i -> i == 5 ? 8_000_000 : 1_500_000, i -> 0)).bill()
        .total()).isEqualTo(usd("108.65"));
    assertThat(rater.rate(plan, Fixtures.series(JUNE, H, i -> i == 5 ? 4_000_000 : 1_500_000, i -> 0)).bill()
        .total()).isEqualTo(usd("94.13"));
  }

  @Test
  void demandFreeTierTablesAreResolvedOncePerPlan() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.domainTiers(TierMode.BLOCK)));
    SegmentPlan sp = RatingPlan.compile(t, JUNE, H).segments.get(0);
    PeriodTiers pt = sp.energy.get(0).periods().get(0);
    assertThat(sp.energyTiers(pt, BigDecimal.ZERO)).isSameAs(sp.energyTiers(pt, BigDecimal.TEN));
    assertThat(sp.energyTiers(pt, BigDecimal.ZERO).bound).containsExactly(d("100"), d("300"), null);
  }

  @Test
  void timeOfUseWithSeasonsDayTypesAndHolidays() {
    // July 2024 (UTC): 23 weekdays, 4 July (NERC holiday) priced as a weekend day → 22 weekdays.
    // peak 22 × 5 h = 110 kWh × 0.30 = 33.00; shoulder 22 × 4 = 88 kWh × 0.15 = 13.20;
    // off-peak 744 − 198 = 546 kWh × 0.08 = 43.68; total 89.88
    TouSchedule s = summerWinter(HolidayCalendar.nerc());
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
        .schedule(s).addPeriods(PeriodTiers.flat(0, d("0.08")), PeriodTiers.flat(1, d("0.15")),
            PeriodTiers.flat(2, d("0.30"))).build()));
    Bill b = Fixtures.rate(t, JULY, Fixtures.constant(JULY, H, KWH));
    assertThat(b.lines()).extracting(l -> l.touPeriod().orElseThrow() + "=" + l.amount())
        .containsExactly("off-peak=USD 43.68", "shoulder=USD 13.20", "peak=USD 33.00");
    assertThat(b.total()).isEqualTo(usd("89.88"));
    // December is winter: weekday 17–20 shoulder only; 21 weekdays (25 Dec holiday excluded): 63 kWh shoulder
    BillingPeriod dec = BillingPeriod.ofMonth(YearMonth.of(2024, 12), UTC);
    Bill w = Fixtures.rate(t, dec, Fixtures.constant(dec, H, KWH));
    assertThat(w.lines()).extracting(l -> l.touPeriod().orElseThrow() + "=" + l.quantity().orElseThrow())
        .containsExactly("off-peak=681 kWh", "shoulder=63 kWh");
  }

  @Test
  void tiersInsideTouPeriodsFillInTimeOrder() {
    // all-periods counter, chronological: 2 periods (hours 0–11 off-peak 0, 12–23 on-peak 1), 1 kWh every hour,
    // tier 1 up to 100 kWh. Day 1–4 use 96 kWh; day 5 hours 0–3 reach 100 (off-peak). Everything after is tier 2.
    // off-peak: 52 kWh tier 1 (days 1–4: 48, day 5: 4) + 308 tier 2 ... June has 30 days: off-peak 360, on-peak 360.
    // tier 1: off-peak 52 × 0.10 = 5.20, on-peak 48 × 0.20 = 9.60; tier 2: off-peak 308 × 0.15 = 46.20,
    // on-peak 312 × 0.30 = 93.60; total 154.60
    int[][] wk = new int[12][24];
    for (int[] row : wk) {
      for (int h = 12; h < 24; h++) {
        row[h] = 1;
      }
    }
    TouSchedule s = TouSchedule.fromMonthHourMatrices("half-day", List.of("off-peak", "on-peak"), wk, wk,
        DayCalendar.standard());
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
        .schedule(s).counter(TierCounter.ALL_PERIODS).allocation(TierAllocation.CHRONOLOGICAL)
        .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(d("100"), d("0.10")), Tier.unbounded(d("0.15")))))
        .addPeriod(PeriodTiers.of(1, List.of(Tier.upTo(d("100"), d("0.20")), Tier.unbounded(d("0.30")))))
        .build()));
    Bill b = Fixtures.rate(t, JUNE, Fixtures.constant(JUNE, H, KWH));
    assertThat(b.lines()).extracting(l -> l.touPeriod().orElseThrow() + "/" + l.tier().orElseThrow() + "="
        + l.quantity().orElseThrow()).containsExactly("off-peak/1=52 kWh", "off-peak/2=308 kWh", "on-peak/1=48 kWh",
            "on-peak/2=312 kWh");
    assertThat(b.total()).isEqualTo(usd("154.60"));
    // the tier-1 off-peak line's intervals end at the crossing interval (day 5, hour 3)
    BillLine first = b.lines().get(0);
    IntervalRange last = first.intervals().get(first.intervals().size() - 1);
    assertThat(last.endExclusive()).isEqualTo(LocalDateTime.of(2024, 6, 5, 4, 0).toInstant(java.time.ZoneOffset.UTC));
  }

  @Test
  void tiersSharedProportionallyAcrossPeriods() {
    // SAM's rule: total 720 kWh through tiers 0–100 / >100; each period gets its share (360/720 = 1/2) of every tier:
    // off-peak 50 × 0.10 + 310 × 0.15 = 51.50, on-peak 50 × 0.20 + 310 × 0.30 = 103.00; total 154.50
    int[][] wk = new int[12][24];
    for (int[] row : wk) {
      for (int h = 12; h < 24; h++) {
        row[h] = 1;
      }
    }
    TouSchedule s = TouSchedule.fromMonthHourMatrices("half-day", List.of("off-peak", "on-peak"), wk, wk,
        DayCalendar.standard());
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
        .schedule(s).counter(TierCounter.ALL_PERIODS).allocation(TierAllocation.PROPORTIONAL)
        .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(d("100"), d("0.10")), Tier.unbounded(d("0.15")))))
        .addPeriod(PeriodTiers.of(1, List.of(Tier.upTo(d("100"), d("0.20")), Tier.unbounded(d("0.30")))))
        .build()));
    assertThat(Fixtures.rate(t, JUNE, Fixtures.constant(JUNE, H, KWH)).total()).isEqualTo(usd("154.50"));
  }

  @Test
  void touDemandAndTieredDemand() {
    // June weekdays: peak period (16–21) max 8 kW, elsewhere max 12 kW (weekend).
    // TOU demand: off-peak 12 kW × 5 = 60.00, shoulder 3 kW × 7 = 21.00, peak 8 kW × 15 = 120.00.
    // Tiered flat demand on the 12 kW peak: 10 kW × 10.00 + 2 kW × 8.00 = 116.00. Total 317.00.
    TouSchedule s = summerWinter(HolidayCalendar.none());
    Tariff t = Fixtures.tariff(UTC, v -> v
        .addDemandCharge(DemandCharge.builder().id("tou-demand").description("TOU demand").schedule(s)
            .addPeriods(PeriodTiers.flat(0, d("5")), PeriodTiers.flat(1, d("7")), PeriodTiers.flat(2, d("15"))).build())
        .addDemandCharge(DemandCharge.builder().id("demand").description("Demand")
            .addPeriod(PeriodTiers.of(0, List.of(Tier.upToKw(d("10"), d("10")), Tier.unbounded(d("8"))))).build()));
    // 2024-06-01 is a Saturday: hour 10 of day 0 → 12 kW; 2024-06-03 (Mon) 17:00 → 8 kW; 13:00 → 3 kW
    Bill b = Fixtures.rate(t, JUNE, Fixtures.series(JUNE, H, i -> i == 10 ? 12_000_000
        : i == 48 + 17 ? 8_000_000 : i == 48 + 13 ? 3_000_000 : 0, i -> 0));
    assertThat(b.lines()).extracting(l -> l.description() + "=" + l.amount()).containsExactly(
        "TOU demand, off-peak=USD 60.00", "TOU demand, shoulder=USD 21.00", "TOU demand, peak=USD 120.00",
        "Demand, tier 1=USD 100.00", "Demand, tier 2=USD 16.00");
    assertThat(b.total()).isEqualTo(usd("317.00"));
  }

  @Test
  void ratchetBillsEightyPercentOfThePreviousHighest() {
    // May billed 100 kW; June peak 50 kW; 80% × 100 = 80 kW billed at 10.00 = 800.00
    Tariff t = Fixtures.tariff(UTC, v -> v.ratchet(Ratchet.uniform(d("80"), 11))
        .addDemandCharge(DemandCharge.builder().id("demand").description("Demand").basis(DemandBasis.BILLING_DEMAND)
            .addPeriod(PeriodTiers.flat(0, d("10"))).build()));
    BillingPeriod may = BillingPeriod.ofMonth(YearMonth.of(2024, 5), UTC);
    Rater r = Rater.create();
    RatedBill m = r.rate(RatingPlan.compile(t, may, H), Fixtures.series(may, H, i -> i == 3 ? 100_000_000 : 0,
        i -> 0));
    assertThat(m.bill().total()).isEqualTo(usd("1000.00"));
    RatedBill j = r.rate(RatingPlan.compile(t, JUNE, H), Fixtures.series(JUNE, H, i -> i == 3 ? 50_000_000 : 0,
        i -> 0), m.nextState());
    assertThat(j.bill().billingDemand().orElseThrow().toString()).isEqualTo("80 kW");
    assertThat(j.bill().total()).isEqualTo(usd("800.00"));
  }

  @Test
  void ratchetWithNoLookBackBillsTheCurrentMonthAndSamsJanuaryReachesDecember() {
    // SAM billing demand, look-back 0, 60 % every month, own peak not at 100 %: December peak 100 kW → 60 kW;
    // January peak 50 kW: December is still in SAM's window → max(60 % × 100, 60 % × 50) = 60 kW;
    // February peak 50 kW: no month looked back → 60 % × 50 = 30 kW. Billed at 10.00/kW.
    Ratchet.Builder rb = Ratchet.builder().lookbackMonths(0).reference(RatchetReference.SAM_BILLING_DEMAND);
    for (int i = 0; i < 12; i++) {
      rb.addPercentByMonth(d("60")).addIncludeCurrentPeakByMonth(false);
    }
    Tariff t = Fixtures.tariff(UTC, v -> v.ratchet(rb.build())
        .addDemandCharge(DemandCharge.builder().id("demand").description("Demand").basis(DemandBasis.BILLING_DEMAND)
            .addPeriod(PeriodTiers.flat(0, d("10"))).build()));
    Rater r = Rater.create();
    BillingState state = BillingState.initial();
    List<String> totals = new java.util.ArrayList<>();
    for (YearMonth ym : List.of(YearMonth.of(2023, 12), YearMonth.of(2024, 1), YearMonth.of(2024, 2))) {
      BillingPeriod p = BillingPeriod.ofMonth(ym, UTC);
      int peak = ym.getMonthValue() == 12 ? 100_000_000 : 50_000_000;
      RatedBill b = r.rate(RatingPlan.compile(t, p, H), Fixtures.series(p, H, i -> i == 3 ? peak : 0, i -> 0), state);
      totals.add(b.bill().billingDemand().orElseThrow() + " " + b.bill().total());
      state = b.nextState();
    }
    assertThat(totals).containsExactly("60 kW USD 600.00", "60 kW USD 600.00", "30 kW USD 300.00");
  }

  @Test
  void netMeteringBanksKwhAndPaysTheTrueUp() {
    // flat 0.20; May: import 100, export 150 → 0 charged, 50 kWh banked; June: import 200, export 100 → net 100,
    // bank 50 used → 50 kWh × 0.20 = 10.00; July (true-up): import 10, export 70 → 60 kWh banked, paid at 0.04 = 2.40
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.flatEnergy("0.20"))
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING).carry(CreditCarry.KWH)
            .trueUpMonth(Month.JULY).surplusRate(d("0.04")).build()));
    BillingPeriod may = BillingPeriod.ofMonth(YearMonth.of(2024, 5), UTC);
    Rater r = Rater.create();
    RatedBill b1 = r.rate(RatingPlan.compile(t, may, H), Fixtures.series(may, H, i -> i == 0 ? 100_000_000 : 0,
        i -> i == 1 ? 150_000_000 : 0));
    assertThat(b1.bill().total()).isEqualTo(usd("0.00"));
    assertThat(b1.nextState().kwhBank()).containsEntry(0, io.github.gridbill.core.quantity.Energy.ofWattHours(50_000));
    RatedBill b2 = r.rate(RatingPlan.compile(t, JUNE, H), Fixtures.series(JUNE, H, i -> i == 0 ? 200_000_000 : 0,
        i -> i == 1 ? 100_000_000 : 0), b1.nextState());
    assertThat(b2.bill().total()).isEqualTo(usd("10.00"));
    assertThat(b2.bill().netMetering().orElseThrow().kwhBankUsed().toString()).isEqualTo("50 kWh");
    RatedBill b3 = r.rate(RatingPlan.compile(t, JULY, H), Fixtures.series(JULY, H, i -> i == 0 ? 10_000_000 : 0,
        i -> i == 1 ? 70_000_000 : 0), b2.nextState());
    assertThat(b3.bill().total()).isEqualTo(usd("-2.40"));
    assertThat(b3.nextState().kwhBank()).isEmpty();
  }

  @Test
  void netMeteringMoneyCreditCarriesAndOffsetsEnergyOnly() {
    // flat 0.20, export rate 0.05, fixed 10.00. May: export 300 kWh surplus → credit 15.00 carried (bill 10.00).
    // June: import 50 kWh → energy 10.00, credit applied 10.00, 5.00 carried; bill = fixed 10.00.
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.flatEnergy("0.20"))
        .addFixedCharge(FixedCharge.of("customer", "Customer charge", d("10"), FixedChargeBasis.PER_BILL))
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING).carry(CreditCarry.MONEY)
            .exportRate(ExportRate.flat(d("0.05"))).build()));
    BillingPeriod may = BillingPeriod.ofMonth(YearMonth.of(2024, 5), UTC);
    Rater r = Rater.create();
    RatedBill b1 = r.rate(RatingPlan.compile(t, may, H), Fixtures.series(may, H, i -> 0,
        i -> i == 1 ? 300_000_000 : 0));
    assertThat(b1.bill().total()).isEqualTo(usd("10.00"));
    assertThat(b1.nextState().moneyBank()).isEqualByComparingTo("15.00");
    RatedBill b2 = r.rate(RatingPlan.compile(t, JUNE, H), Fixtures.series(JUNE, H, i -> i == 0 ? 50_000_000 : 0,
        i -> 0), b1.nextState());
    assertThat(b2.bill().total()).isEqualTo(usd("10.00"));
    assertThat(b2.nextState().moneyBank()).isEqualByComparingTo("5.00");
  }

  @Test
  void netBillingCreditsEachIntervalsExportFlatTouAndTimeSeries() {
    // one interval imports 5 and exports 2 (net import 3), another exports 10 (net export 10).
    // flat: 3 × 0.20 − 10 × 0.05 = 0.60 − 0.50 = 0.10
    EnergyCharge e = Fixtures.flatEnergy("0.20");
    Tariff flat = Fixtures.tariff(UTC, v -> v.addEnergyCharge(e).netMetering(NetMeteringRule.builder()
        .mode(NetMeteringMode.NET_BILLING).exportRate(ExportRate.flat(d("0.05"))).build()));
    IntervalSeries s = Fixtures.series(JUNE, H, i -> i == 0 ? 5_000_000 : 0,
        i -> i == 0 ? 2_000_000 : i == 48 + 17 ? 10_000_000 : 0);
    assertThat(Fixtures.rate(flat, JUNE, s).total()).isEqualTo(usd("0.10"));
    // TOU export: the export at Mon 17:00 is peak (period 2) at 0.12 → 0.60 − 1.20 = −0.60
    TouSchedule sch = summerWinter(HolidayCalendar.none());
    Tariff tou = Fixtures.tariff(UTC, v -> v.addEnergyCharge(e).netMetering(NetMeteringRule.builder()
        .mode(NetMeteringMode.NET_BILLING).exportRate(ExportRate.perPeriod(sch, List.of(d("0.03"), d("0.06"),
            d("0.12")))).build()));
    assertThat(Fixtures.rate(tou, JUNE, s).total()).isEqualTo(usd("-0.60"));
    // time series: 0.011 per kWh in every hour except hour 65 at 0.0875 → 0.60 − 0.875 = −0.275 → −0.28 (HALF_UP)
    List<BigDecimal> prices = new ArrayList<>(Collections.nCopies(720, d("0.011")));
    prices.set(48 + 17, d("0.0875"));
    Tariff ts = Fixtures.tariff(UTC, v -> v.addEnergyCharge(e).netMetering(NetMeteringRule.builder()
        .mode(NetMeteringMode.NET_BILLING).exportRate(ExportRate.timeSeries(PriceSeries.builder()
            .start(JUNE.startInstant()).intervalLength(H).prices(prices).build())).build()));
    assertThat(Fixtures.rate(ts, JUNE, s).total()).isEqualTo(usd("-0.28"));
  }

  @Test
  void buyAllSellAll() {
    // every interval: load 2 kWh, generation 3 kWh; June 720 h: buy 1440 × 0.20 = 288.00, sell 2160 × 0.05 = −108.00
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.flatEnergy("0.20")).netMetering(
        NetMeteringRule.builder().mode(NetMeteringMode.BUY_ALL_SELL_ALL).exportRate(ExportRate.flat(d("0.05")))
            .build()));
    Bill b = Fixtures.rate(t, JUNE, Fixtures.series(JUNE, H, i -> 2_000_000, i -> 3_000_000));
    assertThat(b.lines()).extracting(l -> l.kind() + "=" + l.amount())
        .containsExactly("ENERGY=USD 288.00", "EXPORT_CREDIT=USD -108.00");
  }

  @Test
  void monthlyAndAnnualMinimums() {
    // monthly minimum 10.00 with 32 kWh × 0.20 = 6.40 → minimum line 3.60.
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.flatEnergy("0.20"))
        .minimumCharge(MinimumCharge.builder().monthly(d("10")).annual(d("100")).annualSettlementMonth(Month.JUNE)
            .build()));
    BillingPeriod may = BillingPeriod.ofMonth(YearMonth.of(2024, 5), UTC);
    Rater r = Rater.create();
    RatedBill b1 = r.rate(RatingPlan.compile(t, may, H), Fixtures.series(may, H, i -> i == 0 ? 32_000_000 : 0,
        i -> 0));
    assertThat(b1.bill().lines()).extracting(l -> l.kind() + "=" + l.amount())
        .containsExactly("ENERGY=USD 6.40", "MINIMUM=USD 3.60");
    // June (settlement): 200 kWh = 40.00; the year's bills before minimums 6.40 + 40.00 = 46.40 < 100 → 53.60
    RatedBill b2 = r.rate(RatingPlan.compile(t, JUNE, H), Fixtures.series(JUNE, H, i -> i == 0 ? 200_000_000 : 0,
        i -> 0), b1.nextState());
    assertThat(b2.bill().lines()).extracting(l -> l.kind() + "=" + l.amount())
        .containsExactly("ENERGY=USD 40.00", "MINIMUM=USD 53.60");
    assertThat(b2.nextState().minimumYearToDate()).isZero();
  }

  @Test
  void ridersAndGstSplitIntoCgstAndSgst() {
    // INR: 744 kWh × 6.50 = 4836.00; fuel adjustment 0.25/kWh = 186.00; electricity duty 5% of energy = 241.80;
    // subtotal 5263.80; CGST 9% = 473.742 → 473.74, SGST 9% = 473.74; total 6211.28
    Tariff t = Tariff.builder().id("IN-RES").name("Domestic").currency(CurrencyUnit.of("INR")).zone(UTC)
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 1, 1))
            .addEnergyCharge(Fixtures.flatEnergy("6.50"))
            .addRider(Rider.builder().id("fuel").description("Fuel adjustment").kind(RiderKind.PER_KWH)
                .rate(d("0.25")).build())
            .addRider(Rider.builder().id("duty").description("Electricity duty").kind(RiderKind.PERCENT)
                .rate(d("5")).addAppliesTo("energy").build())
            .addTaxes(TaxRule.onAll("cgst", "CGST", d("9")), TaxRule.onAll("sgst", "SGST", d("9")))
            .build())
        .build();
    Bill b = Fixtures.rate(t, JULY, Fixtures.constant(JULY, H, KWH));
    assertThat(b.lines()).extracting(l -> l.componentId() + "=" + l.amount().getAmount())
        .containsExactly("energy=4836.00", "fuel=186.00", "duty=241.80", "cgst=473.74", "sgst=473.74");
    assertThat(b.total()).isEqualTo(Money.parse("INR 6211.28"));
    assertThat(b.taxTotal()).isEqualTo(Money.parse("INR 947.48"));
  }

  @Test
  void demandResponseCreditAgainstTenOfTenBaseline() {
    // every weekday 2 kWh/h; on the event day (Mon 2024-07-15, 14:00–18:00) 0.5 kWh/h.
    // baseline = 2 kWh × 4 h = 8 kWh, actual 2 kWh, reduction 6 kWh × 0.50 = 3.00 credit; energy 0.
    DemandResponseProgram dr = DemandResponseProgram.builder().id("dr").description("Peak saver")
        .incentiveRate(d("0.50")).addEvent(DemandResponseEvent.of("E1", LocalDateTime.of(2024, 7, 15, 14, 0),
            LocalDateTime.of(2024, 7, 15, 18, 0))).build();
    Tariff t = Fixtures.tariff(UTC, v -> v.addDemandResponseProgram(dr));
    // data from 1 June (history for the baseline) to the end of July; the bill is July
    BillingPeriod junJul = BillingPeriod.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 8, 1), UTC);
    LocalDateTime eventStart = LocalDateTime.of(2024, 7, 15, 14, 0);
    IntervalSeries s = Fixtures.series(junJul, H, i -> {
      LocalDateTime at = LocalDateTime.of(2024, 6, 1, 0, 0).plusHours(i);
      return !at.isBefore(eventStart) && at.isBefore(eventStart.plusHours(4)) ? 500_000 : 2_000_000;
    }, i -> 0);
    Bill b = Rater.create().rate(RatingPlan.compile(t, JULY, H), s).bill();
    assertThat(b.lines()).singleElement().satisfies(l -> {
      assertThat(l.kind()).isEqualTo(LineKind.DEMAND_RESPONSE_CREDIT);
      assertThat(l.quantity().orElseThrow().value()).isEqualByComparingTo("6");
      assertThat(l.amount()).isEqualTo(usd("-3.00"));
      assertThat(l.intervals()).singleElement().satisfies(r -> assertThat(r.count()).isEqualTo(4));
    });
  }

  @Test
  void timeSeriesEnergyPrices() {
    // 1 kWh every hour of June at 0.05, except 10 hours at 0.50: 710 × 0.05 + 10 × 0.50 = 35.50 + 5.00 = 40.50
    List<BigDecimal> prices = new ArrayList<>(Collections.nCopies(720, d("0.05")));
    for (int i = 100; i < 110; i++) {
      prices.set(i, d("0.50"));
    }
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(EnergyCharge.builder().id("rtp").description("Real-time")
        .addPeriod(PeriodTiers.flat(0, BigDecimal.ZERO)).priceSeries(PriceSeries.builder().start(JUNE.startInstant())
            .intervalLength(H).prices(prices).build()).build()));
    Bill b = Fixtures.rate(t, JUNE, Fixtures.constant(JUNE, H, KWH));
    assertThat(b.total()).isEqualTo(usd("40.50"));
    assertThat(b.lines()).hasSize(1);
  }

  @Test
  void midPeriodTariffChangeSplitsAndProratesByDays() {
    // June: fixed 30.00/bill and energy 0.10 until 16 June, then fixed 45.00 and 0.20.
    // 15 days: fixed 30 × 15/30 = 15.00, energy 360 kWh × 0.10 = 36.00; 15 days: 22.50 + 72.00. Total 145.50
    Tariff t = Tariff.builder().id("T").name("Changing").currency(CurrencyUnit.USD).zone(UTC)
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 1, 1))
            .addFixedCharge(FixedCharge.of("customer", "Customer charge", d("30"), FixedChargeBasis.PER_BILL))
            .addEnergyCharge(Fixtures.flatEnergy("0.10")).build())
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 6, 16))
            .addFixedCharge(FixedCharge.of("customer", "Customer charge", d("45"), FixedChargeBasis.PER_BILL))
            .addEnergyCharge(Fixtures.flatEnergy("0.20")).build())
        .build();
    Bill b = Fixtures.rate(t, JUNE, Fixtures.constant(JUNE, H, KWH));
    assertThat(b.lines()).extracting(l -> l.segment().startInclusive() + " " + l.componentId() + "=" + l.amount())
        .containsExactly("2024-06-01 customer=USD 15.00", "2024-06-01 energy=USD 36.00",
            "2024-06-16 customer=USD 22.50", "2024-06-16 energy=USD 72.00");
    assertThat(b.total()).isEqualTo(usd("145.50"));
  }

  @Test
  void forfeitedTrueUpPaysNothing() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.flatEnergy("0.20"))
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING).carry(CreditCarry.KWH)
            .trueUpMonth(Month.JUNE).surplusRate(d("0.04")).trueUpSettlement(TrueUpSettlement.FORFEIT).build()));
    RatedBill b = Rater.create().rate(RatingPlan.compile(t, JUNE, H), Fixtures.series(JUNE, H, i -> 0,
        i -> i == 1 ? 70_000_000 : 0));
    assertThat(b.bill().total()).isEqualTo(usd("0.00"));
    assertThat(b.bill().netMetering().orElseThrow().trueUpForfeited()).isEqualByComparingTo("2.80");
  }
}
