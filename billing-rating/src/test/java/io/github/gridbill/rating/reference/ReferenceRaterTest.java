package io.github.gridbill.rating.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.tariff.DemandBasis;
import io.github.gridbill.core.tariff.KwhBankTransfer;
import io.github.gridbill.core.tariff.PriceSeries;
import io.github.gridbill.core.tariff.RatchetReference;
import io.github.gridbill.core.tariff.RatingConventions;
import io.github.gridbill.core.tariff.TierUnit;
import io.github.gridbill.core.tariff.TrueUpBasis;
import io.github.gridbill.core.tariff.TrueUpSettlement;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.DemandRecord;
import io.github.gridbill.rating.RatingPlan;
import io.github.gridbill.rating.reference.ReferenceRater.DemandRec;
import io.github.gridbill.core.tariff.BaselineAdjustment;
import io.github.gridbill.core.tariff.BaselineMethod;
import io.github.gridbill.core.tariff.BaselineRule;
import io.github.gridbill.core.tariff.CreditCarry;
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
import io.github.gridbill.core.tariff.Ratchet;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TierMode;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.reference.ReferenceRater.Result;
import io.github.gridbill.rating.reference.ReferenceRater.State;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** The reference rater on hand-computed examples (DOMAIN.md and RATING.md), independent of the engine. */
class ReferenceRaterTest {
  static final ZoneId UTC = ZoneId.of("UTC");
  static final BillingPeriod APRIL = BillingPeriod.of(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 5, 1), UTC);
  static final IntervalLength H = IntervalLength.SIXTY_MINUTES;

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  static Tariff tariff(UnaryOperator<TariffVersion.Builder> v) {
    return Tariff.builder().id("T").name("T").currency(CurrencyUnit.USD).zone(UTC)
        .addVersion(v.apply(TariffVersion.builder().effectiveFrom(LocalDate.of(2000, 1, 1))).build()).build();
  }

  static long[] spread(BillingPeriod p, long totalMwh) {
    int n = IntervalGrid.forPeriod(p, H).count();
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = totalMwh / n + (i < totalMwh % n ? 1 : 0);
    }
    return v;
  }

  static Result rate(Tariff t, BillingPeriod p, long[] imp, long[] exp, State s) {
    return ReferenceRater.rate(t, p, H, imp, exp, s);
  }

  static Result rate(Tariff t, long[] imp) {
    return rate(t, APRIL, imp, new long[imp.length], State.initial());
  }

  static EnergyCharge domainTiers(TierMode mode) {
    return EnergyCharge.builder().id("energy").description("Energy").mode(mode)
        .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(d("100"), d("0.10")), Tier.upTo(d("300"), d("0.15")),
            Tier.unbounded(d("0.20")))))
        .build();
  }

  @Test
  void blockTiers450KwhCost70() {
    Result r = rate(tariff(v -> v.addEnergyCharge(domainTiers(TierMode.BLOCK))), spread(APRIL, 450_000_000L));
    assertThat(r.total()).isEqualByComparingTo("70.00");
    assertThat(r.lines()).extracting(l -> l.rounded().toPlainString()).containsExactly("10.00", "30.00", "30.00");
  }

  @Test
  void volumeTiers450KwhCost90AndABoundStaysInTheLowerTier() {
    Tariff t = tariff(v -> v.addEnergyCharge(domainTiers(TierMode.VOLUME)));
    assertThat(rate(t, spread(APRIL, 450_000_000L)).total()).isEqualByComparingTo("90.00");
    Result at300 = rate(t, spread(APRIL, 300_000_000L));
    assertThat(at300.total()).isEqualByComparingTo("45.00");
    assertThat(at300.lines()).singleElement().satisfies(l -> assertThat(l.tier()).contains(2));
  }

  @Test
  void lastBoundedTierTakesTheUsageBeyondIt() {
    Tariff t = tariff(v -> v.addEnergyCharge(EnergyCharge.builder().id("e").description("e")
        .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(d("100"), d("0.10")), Tier.upTo(d("200"), d("0.20")))))
        .build()));
    assertThat(rate(t, spread(APRIL, 450_000_000L)).total()).isEqualByComparingTo("80.00"); // 10 + 350 × 0.20
  }

  @Test
  void fixedPerDay30DaysAt050Is15AndPerBillProratesAtAVersionChange() {
    Tariff t = Tariff.builder().id("T").name("T").currency(CurrencyUnit.USD).zone(UTC)
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2000, 1, 1))
            .addFixedCharge(FixedCharge.of("daily", "d", d("0.50"), FixedChargeBasis.PER_DAY))
            .addFixedCharge(FixedCharge.of("bill", "b", d("30.00"), FixedChargeBasis.PER_BILL)).build())
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 4, 21))
            .addFixedCharge(FixedCharge.of("daily", "d", d("1.00"), FixedChargeBasis.PER_DAY)).build())
        .build();
    Result r = rate(t, new long[720]);
    // 20 days × 0.50 + 30.00 × 20/30 + 10 days × 1.00
    assertThat(r.total()).isEqualByComparingTo("40.00");
  }

  @Test
  void demandOf10KwAt12Is120AndBlockKwTiers() {
    long[] imp = new long[720];
    imp[100] = 10_000_000L; // 10 kWh in an hour = 10 kW
    Tariff flat = tariff(v -> v.addDemandCharge(DemandCharge.builder().id("dem").description("d")
        .addPeriod(PeriodTiers.flat(0, d("12.00"))).build()));
    assertThat(rate(flat, imp).total()).isEqualByComparingTo("120.00");
    Tariff tiered = tariff(v -> v.addDemandCharge(DemandCharge.builder().id("dem").description("d")
        .addPeriod(PeriodTiers.of(0, List.of(Tier.upToKw(d("4"), d("10")), Tier.unbounded(d("5"))))).build()));
    assertThat(rate(tiered, imp).total()).isEqualByComparingTo("70.00");
  }

  @Test
  void monthlyMinimumBrings640UpTo10() {
    Tariff t = tariff(v -> v.addEnergyCharge(EnergyCharge.builder().id("e").description("e")
        .addPeriod(PeriodTiers.flat(0, d("0.10"))).build())
        .minimumCharge(MinimumCharge.builder().monthly(d("10.00")).build()));
    Result r = rate(t, spread(APRIL, 64_000_000L));
    assertThat(r.sum(l -> l.kind() == LineKind.MINIMUM)).isEqualByComparingTo("3.60");
    assertThat(r.total()).isEqualByComparingTo("10.00");
  }

  @Test
  void chronologicalTiersSplitTheCrossingIntervalExactly() {
    // two periods: hours 0-11 "a" at 0.10/0.30, hours 12-23 "b" at 0.20/0.40; bound 10 kWh
    int[][] wd = new int[12][24];
    for (int[] row : wd) {
      for (int h = 12; h < 24; h++) {
        row[h] = 1;
      }
    }
    TouSchedule s = TouSchedule.fromMonthHourMatrices("s", List.of("a", "b"), wd, wd, DayCalendar.standard());
    Tariff t = tariff(v -> v.addEnergyCharge(EnergyCharge.builder().id("e").description("e").schedule(s)
        .counter(TierCounter.ALL_PERIODS).allocation(TierAllocation.CHRONOLOGICAL)
        .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(d("10"), d("0.10")), Tier.unbounded(d("0.30")))))
        .addPeriod(PeriodTiers.of(1, List.of(Tier.upTo(d("10"), d("0.20")), Tier.unbounded(d("0.40")))))
        .build()));
    long[] imp = new long[720];
    imp[11] = 6_000_000L; // 6 kWh in "a": tier 1
    imp[12] = 6_000_000L; // 6 kWh in "b": 4 in tier 1, 2 in tier 2
    imp[13] = 1_000_000L; // 1 kWh in "b": tier 2
    Result r = rate(t, imp);
    // 6 × 0.10 + 4 × 0.20 + 3 × 0.40
    assertThat(r.total()).isEqualByComparingTo("2.60");
    Tariff prop = tariff(v -> v.addEnergyCharge(EnergyCharge.builder().from(t.versions().get(0).energyCharges().get(0))
        .allocation(TierAllocation.PROPORTIONAL).build()));
    // T = 13; tier 1 = 10, tier 2 = 3; a gets 6/13, b 7/13
    BigDecimal expected = d("10").multiply(d("6")).multiply(d("0.10")).add(d("3").multiply(d("6")).multiply(d("0.30")))
        .add(d("10").multiply(d("7")).multiply(d("0.20"))).add(d("3").multiply(d("7")).multiply(d("0.40")))
        .divide(d("13"), ReferenceRater.MC);
    assertThat(rate(prop, imp).lines().stream().map(ReferenceRater.Line::exact).reduce(BigDecimal.ZERO,
        BigDecimal::add)).isEqualByComparingTo(expected);
  }

  @Test
  void netMeteringBanksKwhAndTrueUpPaysTheBank() {
    Tariff t = tariff(v -> v.addEnergyCharge(EnergyCharge.builder().id("e").description("e")
        .addPeriod(PeriodTiers.flat(0, d("0.20"))).build())
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING).carry(CreditCarry.KWH)
            .trueUpMonth(Month.MAY).surplusRate(d("0.03")).build()));
    long[] imp = spread(APRIL, 100_000_000L);
    long[] exp = spread(APRIL, 130_000_000L);
    Result april = rate(t, APRIL, imp, exp, State.initial());
    assertThat(april.total()).isEqualByComparingTo("0.00");
    assertThat(april.next().kwhBankTotal()).isEqualByComparingTo("30");
    BillingPeriod may = BillingPeriod.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 1), UTC);
    Result mayBill = rate(t, may, spread(may, 20_000_000L), new long[744], april.next());
    // 20 kWh net of a 30 kWh bank: nothing charged, 10 kWh left, paid at 0.03 at the true-up
    assertThat(mayBill.total()).isEqualByComparingTo("-0.30");
    assertThat(mayBill.next().kwhBankTotal()).isEqualByComparingTo("0");
  }

  @Test
  void moneyBankOffsetsEnergyOnlyAndCarriesTheRest() {
    Tariff t = tariff(v -> v.addFixedCharge(FixedCharge.of("fix", "f", d("5.00"), FixedChargeBasis.PER_BILL))
        .addEnergyCharge(EnergyCharge.builder().id("e").description("e").addPeriod(PeriodTiers.flat(0, d("0.20")))
            .build())
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_BILLING).carry(CreditCarry.MONEY)
            .exportRate(ExportRate.flat(d("0.10"))).build()));
    long[] imp = new long[720];
    long[] exp = new long[720];
    imp[0] = 10_000_000L; // 10 kWh × 0.20 = 2.00 of energy
    exp[1] = 50_000_000L; // 50 kWh × 0.10 = 5.00 of credit
    Result r = rate(t, APRIL, imp, exp, State.initial());
    assertThat(r.total()).isEqualByComparingTo("5.00"); // 5.00 + 2.00 - 2.00
    assertThat(r.next().moneyBank()).isEqualByComparingTo("3.00");
  }

  @Test
  void ratchetBillsEightyPercentOfThePreviousBilledDemand() {
    Tariff t = tariff(v -> v.ratchet(Ratchet.uniform(d("80"), 11))
        .addDemandCharge(DemandCharge.builder().id("dem").description("d")
            .basis(io.github.gridbill.core.tariff.DemandBasis.BILLING_DEMAND)
            .addPeriod(PeriodTiers.flat(0, d("10"))).build()));
    long[] imp = new long[720];
    imp[0] = 50_000_000L;
    Result april = rate(t, imp);
    assertThat(april.total()).isEqualByComparingTo("500.00");
    BillingPeriod may = BillingPeriod.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 1), UTC);
    long[] small = new long[744];
    small[0] = 10_000_000L;
    Result mayBill = rate(t, may, small, new long[744], april.next());
    assertThat(mayBill.billingDemandKw()).hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("40"));
    assertThat(mayBill.total()).isEqualByComparingTo("400.00");
  }
  /**
   * Hourly history from 1 June; in the event hours (14:00–18:00) each weekday 8..12 July and 1..5 July reads its level
   * (12 July 1 kWh/h, 11 July 2, ... 1 July 10), the event day 15 July 0.5 kWh/h, every other hour 2 kWh.
   */
  static ReferenceRater.Meter july(BillingPeriod p, double morning) {
    IntervalGrid g = IntervalGrid.between(LocalDate.of(2024, 6, 1).atStartOfDay(UTC).toInstant(), p.endInstant(), H);
    long[] v = new long[g.count()];
    List<LocalDate> days = List.of(LocalDate.of(2024, 7, 12), LocalDate.of(2024, 7, 11), LocalDate.of(2024, 7, 10),
        LocalDate.of(2024, 7, 9), LocalDate.of(2024, 7, 8), LocalDate.of(2024, 7, 5), LocalDate.of(2024, 7, 4),
        LocalDate.of(2024, 7, 3), LocalDate.of(2024, 7, 2), LocalDate.of(2024, 7, 1));
    for (int i = 0; i < v.length; i++) {
      LocalDateTime t = LocalDateTime.ofInstant(g.intervalStart(i), UTC);
      boolean event = t.getHour() >= 14 && t.getHour() < 18;
      int k = days.indexOf(t.toLocalDate());
      double kwh = t.toLocalDate().equals(LocalDate.of(2024, 7, 15))
          ? (event ? 0.5 : t.getHour() >= 10 && t.getHour() < 13 ? morning : 2.0)
          : event && k >= 0 ? k + 1.0 : 2.0;
      v[i] = Math.round(kwh * 1_000_000);
    }
    return new ReferenceRater.Meter(g.start(), H, v);
  }

  static Result demandResponse(BaselineRule rule, double morning) {
    BillingPeriod july = BillingPeriod.of(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 8, 1), UTC);
    LocalDateTime start = LocalDateTime.of(2024, 7, 15, 14, 0);
    DemandResponseProgram dr = DemandResponseProgram.builder().id("dr").description("DR").incentiveRate(d("0.50"))
        .baseline(rule).addEvent(DemandResponseEvent.of("E1", start, start.plusHours(4))).build();
    int n = IntervalGrid.forPeriod(july, H).count();
    ReferenceRater.Meter m = july(july, morning);
    long[] imp = java.util.Arrays.copyOfRange(m.importMwh(), m.importMwh().length - n, m.importMwh().length);
    return ReferenceRater.rate(tariff(v -> v.addDemandResponseProgram(dr)), july, H, imp, new long[n],
        State.initial(), m);
  }

  @Test
  void demandResponseHighestFourOfFive() {
    // 12, 11, 10, 9, 8 July at 1..5 kWh/h; the highest four average 3.5 kWh/h, 14 kWh; (14 − 2) × 0.50 = 6.00
    Result r = demandResponse(BaselineRule.builder().method(BaselineMethod.HIGHEST_X_OF_Y).days(4).window(5).build(),
        2.0);
    assertThat(r.lines()).singleElement().satisfies(l -> {
      assertThat(l.kind()).isEqualTo(LineKind.DEMAND_RESPONSE_CREDIT);
      assertThat(l.rounded()).isEqualByComparingTo("-6.00");
    });
  }

  @Test
  void demandResponseTenOfTenWithACappedMultiplicativeAdjustment() {
    // 10-of-10 without the low-usage rule: 5.5 kWh/h; 10:00–13:00 reads 3 kWh/h against a 2 kWh/h baseline: ratio
    // 1.5 capped to 1.2: 6.6 kWh/h, 26.4 kWh; (26.4 − 2) × 0.50 = 12.20
    Result r = demandResponse(BaselineRule.builder().lowUsagePercent(BigDecimal.ZERO)
        .adjustment(BaselineAdjustment.MULTIPLICATIVE).build(), 3.0);
    assertThat(r.total()).isEqualByComparingTo("-12.20");
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Constructs from SAM's importer (hand-computed)

  /** Hours 0–11 are period "a", 12–23 period "b", every day of the year. */
  static TouSchedule halfDays() {
    int[][] wd = new int[12][24];
    for (int[] row : wd) {
      for (int h = 12; h < 24; h++) {
        row[h] = 1;
      }
    }
    return TouSchedule.fromMonthHourMatrices("half days", List.of("a", "b"), wd, wd, DayCalendar.standard());
  }

  /** 10 kWh in the first hour of April (a 10 kW peak) and {@code restMwh} spread over the other hours. */
  static long[] peakOf10KwAnd(long restMwh) {
    long[] imp = new long[720];
    for (int i = 1; i < 720; i++) {
      imp[i] = restMwh / 719 + (i - 1 < restMwh % 719 ? 1 : 0);
    }
    imp[0] = 10_000_000L;
    return imp;
  }

  static Tier perKw(String hours, String rate) {
    return Tier.builder().upTo(d(hours)).rate(d(rate)).unit(TierUnit.KWH_PER_KW).build();
  }

  @Test
  void nestedHoursUseBlocksSplitByKwhTiers() {
    // 10 kW: blocks of 100 h × 10 kW = 1,000 kWh and 200 h × 10 kW = 2,000 kWh. Tier 1 only opens the first block;
    // tier 2 splits it at 500 kWh; tier 3's bound (2,000) lies past the block, so it closes the block at 1,000;
    // tier 4 (kWh/kW followed by kWh/kW) is the second block; tier 5 the rest.
    Tariff t = tariff(v -> v.addEnergyCharge(EnergyCharge.builder().id("e").description("e")
        .addPeriod(PeriodTiers.of(0, List.of(perKw("100", "0.50"), Tier.upTo(d("500"), d("0.20")),
            Tier.upTo(d("2000"), d("0.15")), perKw("200", "0.10"),
            Tier.builder().rate(d("0.05")).unit(TierUnit.KWH_PER_KW).build())))
        .build()));
    Result r = rate(t, peakOf10KwAnd(2_490_000_000L));
    // 500 × 0.20 + 500 × 0.15 + 1,000 × 0.10 + 500 × 0.05
    assertThat(r.total()).isEqualByComparingTo("300.00");
    assertThat(r.lines()).extracting(l -> l.tier().orElseThrow()).containsExactly(2, 3, 4, 5);
  }

  @Test
  void anUnboundedLastTierDoesNotMixUnits() {
    // [100 kWh/kW, unbounded (unit KWH by default)] is two plain tiers: 1,000 kWh at 0.10, the rest at 0.05
    Tariff t = tariff(v -> v.addEnergyCharge(EnergyCharge.builder().id("e").description("e")
        .addPeriod(PeriodTiers.of(0, List.of(perKw("100", "0.10"), Tier.unbounded(d("0.05"))))).build()));
    assertThat(rate(t, peakOf10KwAnd(1_490_000_000L)).total()).isEqualByComparingTo("125.00");
  }

  @Test
  void mixedUnitsAfterAKwhTierScaleEachBoundByItsOwnUnit() {
    // 100 kWh, then 5 kWh/day × 30 days = 150 kWh, then the rest: 200 kWh = 100 × 0.10 + 50 × 0.20 + 50 × 0.30
    Tariff t = tariff(v -> v.addEnergyCharge(EnergyCharge.builder().id("e").description("e")
        .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(d("100"), d("0.10")),
            Tier.builder().upTo(d("5")).rate(d("0.20")).unit(TierUnit.KWH_PER_DAY).build(),
            Tier.unbounded(d("0.30"))))).build()));
    assertThat(rate(t, spread(APRIL, 200_000_000L)).total()).isEqualByComparingTo("35.00");
  }

  static State withHistory(DemandRec... recs) {
    return new State(java.util.Map.of(), false, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of(recs),
        true);
  }

  static DemandRec peak(int year, int month, String kw) {
    return new DemandRec(java.time.YearMonth.of(year, month), d(kw), d(kw), d(kw));
  }

  @Test
  void samBillingDemandTakesEachLookedBackMonthAtItsOwnPercentageAndReachesOneMonthFurtherIntoTheLastYear() {
    // February 2024, look-back 2: the 3-month window (November to January) starts in 2023, so it is used. November's
    // 100 kW at November's 90% = 90 kW beats December's 80 kW × 50% and January's 20 kW × 50%.
    Ratchet.Builder rb = Ratchet.builder().lookbackMonths(2).reference(RatchetReference.SAM_BILLING_DEMAND);
    for (int m = 1; m <= 12; m++) {
      rb.addPercentByMonth(d(m == 11 ? "90" : "50")).addIncludeCurrentPeakByMonth(false);
    }
    Tariff sam = tariff(v -> v.ratchet(rb.build()).addDemandCharge(DemandCharge.builder().id("dem").description("d")
        .basis(DemandBasis.BILLING_DEMAND).addPeriod(PeriodTiers.flat(0, d("10"))).build()));
    BillingPeriod feb = BillingPeriod.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1), UTC);
    long[] imp = new long[29 * 24];
    imp[0] = 5_000_000L;
    State history = withHistory(peak(2023, 11, "100"), peak(2023, 12, "80"), peak(2024, 1, "20"));
    Result r = rate(sam, feb, imp, new long[imp.length], history);
    assertThat(r.billingDemandKw()).hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("90"));
    assertThat(r.total()).isEqualByComparingTo("900.00");
    // the usual rule looks back two months only, at February's own 50%: max(80, 20) × 50% = 40 kW
    Tariff billed = tariff(v -> v.ratchet(Ratchet.builder().from(rb.build()).reference(RatchetReference.BILLED_DEMAND)
        .build()).addDemandCharge(sam.versions().get(0).demandCharges().get(0)));
    assertThat(rate(billed, feb, imp, new long[imp.length], history).billingDemandKw())
        .hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("40"));
    // in April the 3-month window (January to March) stays in 2024: two months only
    BillingPeriod apr = APRIL;
    State later = withHistory(peak(2024, 1, "100"), peak(2024, 2, "10"), peak(2024, 3, "10"));
    Result april = rate(sam, apr, new long[720], new long[720], later);
    assertThat(april.billingDemandKw()).hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("5"));
  }

  @Test
  void ratchetDemandPeriodsReadTheirOwnPeakAndTouBillingDemandChargesUseItThereOnly() {
    // 10 kW at 03:00 (period "a"), 4 kW at 15:00 ("b"); the ratchet counts "b" only: billing demand 4 kW
    DemandCharge tou = DemandCharge.builder().id("tou").description("t").schedule(halfDays())
        .basis(DemandBasis.BILLING_DEMAND).addPeriod(PeriodTiers.flat(0, d("1"))).addPeriod(PeriodTiers.flat(1, d("2")))
        .build();
    Ratchet r = Ratchet.builder().from(Ratchet.uniform(d("100"), 11)).reference(RatchetReference.PEAK_DEMAND)
        .addDemandPeriods(1).build();
    Tariff t = tariff(v -> v.ratchet(r).addDemandCharge(tou).addDemandCharge(DemandCharge.builder().id("flat")
        .description("f").basis(DemandBasis.BILLING_DEMAND).addPeriod(PeriodTiers.flat(0, d("10"))).build()));
    long[] imp = new long[720];
    imp[3] = 10_000_000L;
    imp[15] = 4_000_000L;
    Result res = rate(t, imp);
    assertThat(res.billingDemandKw()).hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("4"));
    // "a" is not a demand period: its own 10 kW × 1; "b" 4 kW × 2; flat 4 kW × 10
    assertThat(res.total()).isEqualByComparingTo("58.00");
    assertThat(res.next().history()).singleElement().satisfies(h -> {
      assertThat(h.peakKw()).isEqualByComparingTo("10");
      assertThat(h.ratchetPeakKw()).isEqualByComparingTo("4");
    });
  }

  /** A net-metering tariff with "a" at 0.10 and "b" at 0.20, on a schedule whose periods swap in May. */
  static Tariff swapInMay(
      UnaryOperator<RatingConventions.Builder> conventions, UnaryOperator<NetMeteringRule.Builder> nm) {
    int[][] wd = new int[12][24];
    for (int m = 0; m < 12; m++) {
      for (int h = 0; h < 24; h++) {
        wd[m][h] = (m == 4) == (h < 12) ? 1 : 0;
      }
    }
    TouSchedule s = TouSchedule.fromMonthHourMatrices("swap", List.of("a", "b"), wd, wd, DayCalendar.standard());
    return tariff(v -> v.addEnergyCharge(EnergyCharge.builder().id("e").description("e").schedule(s)
            .addPeriod(PeriodTiers.flat(0, d("0.10"))).addPeriod(PeriodTiers.flat(1, d("0.20"))).build())
        .netMetering(nm.apply(NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING).carry(CreditCarry.KWH))
            .build())
        .conventions(conventions.apply(RatingConventions.builder()).build()));
  }

  static final BillingPeriod MAY = BillingPeriod.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 1), UTC);

  @Test
  void sameHoursMovesTheBankToThePeriodOfTheSameWeekdayHour() {
    // April: 10 kWh exported at 03:00, in "a" (which covers hour 0 in April). In May hour 0 is in "b", so the bank
    // offsets "b": May's 10 kWh in "a" (13:00) cost 1.00 and its 10 kWh in "b" (02:00) nothing. Kept in "a", the bank
    // would offset "a" instead: 2.00.
    long[] aprExp = new long[720];
    aprExp[3] = 10_000_000L;
    long[] mayImp = new long[744];
    mayImp[13] = 10_000_000L;
    mayImp[2] = 10_000_000L;
    for (KwhBankTransfer transfer : KwhBankTransfer.values()) {
      Tariff t = swapInMay(c -> c.kwhBankTransfer(transfer), nm -> nm);
      Result april = rate(t, APRIL, new long[720], aprExp, State.initial());
      assertThat(april.next().kwhBankByHour()).isEqualTo(transfer == KwhBankTransfer.SAME_HOURS);
      assertThat(april.next().kwhBank()).containsOnlyKeys(0); // period "a", or the first transfer hour
      assertThat(april.next().kwhBankTotal()).isEqualByComparingTo("10");
      Result may = rate(t, MAY, mayImp, new long[744], april.next());
      assertThat(may.total()).isEqualByComparingTo(transfer == KwhBankTransfer.SAME_HOURS ? "1.00" : "2.00");
    }
    // a period covering none of the transfer hours loses its bank: "a" covers hours 0–11, none of [12, 18]
    Tariff lost = swapInMay(c -> c.kwhBankTransfer(KwhBankTransfer.SAME_HOURS).bankTransferHours(List.of(12, 18)),
        nm -> nm);
    assertThat(rate(lost, APRIL, new long[720], aprExp, State.initial()).next().kwhBank()).isEmpty();
  }

  @Test
  void netSurplusTrueUpPaysTheNettingYearsSurplusAndJanuaryKeepsDecembersFigure() {
    // net exports: November +30, December −10, January +50 (not added: January takes December's 20), February −5,
    // March +5: 20 kWh at the March true-up × 0.10 = 2.00 (the bank holds 70 kWh: 7.00 on the bank balance)
    for (TrueUpBasis basis : TrueUpBasis.values()) {
      Tariff t = tariff(v -> v.netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING)
          .carry(CreditCarry.KWH).trueUpMonth(Month.MARCH).surplusRate(d("0.10")).build())
          .conventions(RatingConventions.builder().trueUpBasis(basis).build()));
      State s = State.initial();
      long[] net = {30, -10, 50, -5, 5};
      String[] surplus = basis == TrueUpBasis.NET_SURPLUS_SINCE_TRUE_UP ? new String[] {"30", "20", "20", "15", "0"}
          : new String[] {"30", "20", "70", "65", "0"}; // the January rule is the net-surplus basis's
      Result r = null;
      for (int k = 0; k < net.length; k++) {
        BillingPeriod p = BillingPeriod.of(LocalDate.of(2023, 11, 1).plusMonths(k),
            LocalDate.of(2023, 11, 1).plusMonths(k + 1L), UTC);
        int n = p.days() * 24;
        long[] imp = new long[n];
        long[] exp = new long[n];
        (net[k] > 0 ? exp : imp)[0] = Math.abs(net[k]) * 1_000_000L;
        r = rate(t, p, imp, exp, s);
        assertThat(r.next().nettingSurplus()).isEqualByComparingTo(surplus[k]);
        s = r.next();
      }
      assertThat(java.util.Objects.requireNonNull(r).total())
          .isEqualByComparingTo(basis == TrueUpBasis.BANK_BALANCE ? "-7.00" : "-2.00");
    }
  }

  @Test
  void rollOverTurnsTheKwhBankIntoMoneyAndPayAndRollOverPaysAndKeepsIt() {
    // April banks 30 kWh in "a"; May is the true-up month
    long[] aprExp = new long[720];
    aprExp[3] = 30_000_000L;
    long[] mayImp = new long[744];
    mayImp[13] = 20_000_000L; // 13:00 in May is "a": nets against the 30 kWh bank, 10 kWh left
    BillingPeriod june = BillingPeriod.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 1), UTC);
    long[] juneImp = new long[720];
    juneImp[3] = 10_000_000L; // 03:00 in June is "a": 10 kWh × 0.10 = 1.00
    Tariff roll = swapInMay(c -> c, nm -> nm.trueUpMonth(Month.MAY).surplusRate(d("0.05"))
        .trueUpSettlement(TrueUpSettlement.ROLL_OVER));
    Result april = rate(roll, APRIL, new long[720], aprExp, State.initial());
    Result may = rate(roll, MAY, mayImp, new long[744], april.next());
    // 10 kWh × 0.05 = 0.50 of money credit; no energy charged in May to offset, so it is carried
    assertThat(may.total()).isEqualByComparingTo("0.00");
    assertThat(may.next().kwhBank()).isEmpty();
    assertThat(may.next().moneyBank()).isEqualByComparingTo("0.50");
    Result juneBill = rate(roll, june, juneImp, new long[720], may.next());
    assertThat(juneBill.total()).isEqualByComparingTo("0.50"); // 1.00 − 0.50 of money credit
    assertThat(juneBill.next().moneyBank()).isEqualByComparingTo("0");

    Tariff both = swapInMay(c -> c, nm -> nm.trueUpMonth(Month.MAY).surplusRate(d("0.05"))
        .trueUpSettlement(TrueUpSettlement.PAY_AND_ROLL_OVER));
    Result mayBoth = rate(both, MAY, mayImp, new long[744], rate(both, APRIL, new long[720], aprExp, State.initial())
        .next());
    assertThat(mayBoth.total()).isEqualByComparingTo("-0.50"); // paid
    assertThat(mayBoth.next().kwhBankTotal()).isEqualByComparingTo("10"); // and kept
    assertThat(rate(both, june, juneImp, new long[720], mayBoth.next()).total()).isEqualByComparingTo("0.00");
  }

  @Test
  void netMeteringSurplusAtTierSellRatesAndAtPerPeriodRates() {
    // one period, 150 kWh surplus through [100 kWh sell 0.05, rest sell 0.02]: 5.00 + 1.00, credited on the bill
    Tariff tiers = tariff(v -> v.addEnergyCharge(EnergyCharge.builder().id("e").description("e")
            .addPeriod(PeriodTiers.of(0, List.of(Tier.builder().upTo(d("100")).rate(d("0.20")).sellRate(d("0.05"))
                .build(), Tier.builder().rate(d("0.30")).sellRate(d("0.02")).build()))).build())
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING)
            .exportRate(ExportRate.tierSellRates()).build()));
    assertThat(rate(tiers, APRIL, new long[720], spread(APRIL, 150_000_000L), State.initial()).total())
        .isEqualByComparingTo("-6.00");
    // two netting periods, surplus 10 kWh in "a" and 20 in "b", at the export rates of periods 0 and 1
    Tariff perPeriod = tariff(v -> v.addEnergyCharge(EnergyCharge.builder().id("e").description("e")
            .schedule(halfDays()).addPeriod(PeriodTiers.flat(0, d("0.10"))).addPeriod(PeriodTiers.flat(1, d("0.20")))
            .build())
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING)
            .exportRate(ExportRate.perPeriod(halfDays(), List.of(d("0.03"), d("0.07")))).build()));
    long[] exp = new long[720];
    exp[3] = 10_000_000L;
    exp[15] = 20_000_000L;
    Result r = rate(perPeriod, APRIL, new long[720], exp, State.initial());
    assertThat(r.lines()).extracting(l -> l.touPeriod().orElseThrow() + " " + l.rounded())
        .containsExactly("a -0.30", "b -1.40");
  }

  @Test
  void tierSellRatesFillAChronologicalExportCounterAcrossPeriods() {
    // ALL_PERIODS, CHRONOLOGICAL: 8 kWh exported at 03:00 ("a") fill 8 of the first 10 kWh (sell 0.10); 8 kWh at
    // 15:00 ("b") fill the other 2 (0.10) and 6 beyond (b's sell rate 0.02): 0.80 + 0.20 + 0.12 = 1.12
    Tariff t = tariff(v -> v.addEnergyCharge(EnergyCharge.builder().id("e").description("e").schedule(halfDays())
            .counter(TierCounter.ALL_PERIODS).allocation(TierAllocation.CHRONOLOGICAL)
            .addPeriod(PeriodTiers.of(0, List.of(Tier.builder().upTo(d("10")).rate(d("0.2")).sellRate(d("0.10"))
                .build(), Tier.builder().rate(d("0.3")).sellRate(d("0.01")).build())))
            .addPeriod(PeriodTiers.of(1, List.of(Tier.builder().upTo(d("10")).rate(d("0.2")).sellRate(d("0.10"))
                .build(), Tier.builder().rate(d("0.3")).sellRate(d("0.02")).build())))
            .build())
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_BILLING).exportRate(ExportRate.tierSellRates())
            .build()));
    long[] exp = new long[720];
    exp[3] = 8_000_000L;
    exp[15] = 8_000_000L;
    assertThat(rate(t, APRIL, new long[720], exp, State.initial()).total()).isEqualByComparingTo("-1.12");
  }

  @Test
  void exportsAtANegativePriceAreChargedAndNotBanked() {
    // 10 kWh exported at −0.05 under a money bank: 0.50 charged, nothing banked
    PriceSeries prices = PriceSeries.builder().start(APRIL.startInstant()).intervalLength(H)
        .prices(java.util.Collections.nCopies(720, d("-0.05"))).build();
    Tariff t = tariff(v -> v.addEnergyCharge(EnergyCharge.builder().id("e").description("e")
            .addPeriod(PeriodTiers.flat(0, d("0.20"))).build())
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_BILLING).carry(CreditCarry.MONEY)
            .exportRate(ExportRate.timeSeries(prices)).build()));
    long[] exp = new long[720];
    exp[3] = 10_000_000L;
    Result r = rate(t, APRIL, new long[720], exp, new State(java.util.Map.of(), false, d("1.00"), BigDecimal.ZERO,
        BigDecimal.ZERO, List.of(), true));
    assertThat(r.total()).isEqualByComparingTo("0.50");
    assertThat(r.next().moneyBank()).isEqualByComparingTo("1.00");
  }

  @Test
  void whatTheEngineRefusesUnderNetMeteringTheReferenceRefusesToo() {
    EnergyCharge flat = EnergyCharge.builder().id("e").description("e").addPeriod(PeriodTiers.flat(0, d("0.1")))
        .build();
    NetMeteringRule nm = NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING).build();
    PriceSeries prices = PriceSeries.builder().start(APRIL.startInstant()).intervalLength(H)
        .prices(java.util.Collections.nCopies(720, d("0.05"))).build();
    List<Tariff> refused = List.of(
        tariff(v -> v.netMetering(nm).addEnergyCharge(flat).addEnergyCharge(EnergyCharge.builder().from(flat)
            .id("e2").schedule(halfDays()).periods(List.of(PeriodTiers.flat(0, d("0.1")))).build())),
        tariff(v -> v.netMetering(nm).addEnergyCharge(EnergyCharge.builder().from(flat)
            .counter(TierCounter.ALL_PERIODS).allocation(TierAllocation.CHRONOLOGICAL).build())),
        tariff(v -> v.netMetering(nm).addEnergyCharge(EnergyCharge.builder().from(flat).priceSeries(prices).build())),
        tariff(v -> v.netMetering(NetMeteringRule.builder().from(nm).carry(CreditCarry.MONEY)
            .exportRate(ExportRate.timeSeries(prices)).build()).addEnergyCharge(flat)));
    for (Tariff t : refused) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> RatingPlan.compile(t, APRIL, H))
          .isInstanceOf(ValidationException.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> rate(t, new long[720]))
          .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("refused: ");
    }
  }

  @Test
  void anEngineStateConvertsWithItsHistoryBanksAndFlags() {
    BillingState s = BillingState.builder().putKwhBank(2, Energy.ofWattHours(1500)).kwhBankByHour(true)
        .moneyBank(d("3.5")).nettingYearSurplus(Energy.ofWattHours(250)).minimumYearToDate(d("12"))
        .addDemandHistory(DemandRecord.of(java.time.YearMonth.of(2024, 3), Power.ofWatts(9000), Power.ofWatts(7000),
            Power.ofWatts(8000)))
        .lastPeriodEnd(LocalDate.of(2024, 4, 1)).build();
    State r = State.from(s);
    assertThat(r.kwhBank()).containsOnlyKeys(2);
    assertThat(r.kwhBank().get(2)).isEqualByComparingTo("1.5");
    assertThat(r.kwhBankByHour()).isTrue();
    assertThat(r.moneyBank()).isEqualByComparingTo("3.5");
    assertThat(r.nettingSurplus()).isEqualByComparingTo("0.25");
    assertThat(r.minimumYtd()).isEqualByComparingTo("12");
    assertThat(r.history()).singleElement().satisfies(h -> {
      assertThat(h.peakKw()).isEqualByComparingTo("9");
      assertThat(h.ratchetPeakKw()).isEqualByComparingTo("7");
      assertThat(h.billedKw()).isEqualByComparingTo("8");
    });
    assertThat(r.billedBefore()).isTrue();
    State fresh = State.from(BillingState.initial());
    assertThat(fresh.kwhBank()).isEmpty();
    assertThat(fresh.history()).isEmpty();
    assertThat(fresh.billedBefore()).isFalse();
    assertThat(fresh.moneyBank().signum() + fresh.nettingSurplus().signum() + fresh.minimumYtd().signum()).isZero();
  }
}
