package io.github.gridbill.rating.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.LineKind;
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
}
