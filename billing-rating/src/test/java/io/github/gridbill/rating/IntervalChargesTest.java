package io.github.gridbill.rating;

import static io.github.gridbill.rating.Fixtures.UTC;
import static io.github.gridbill.rating.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import io.github.gridbill.core.BusinessRuleException;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.tariff.DemandBasis;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Ratchet;
import io.github.gridbill.core.tariff.RatingConventions;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffSegment;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TierMode;
import io.github.gridbill.core.tariff.TierUnit;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.reference.Differential;
import io.github.gridbill.rating.reference.Scenario;
import io.github.gridbill.rating.reference.TariffArbitraries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IntervalChargesTest {
  private static final BillingPeriod JUNE = BillingPeriod.ofMonth(YearMonth.of(2024, 6), UTC);
  private static final IntervalLength H = IntervalLength.SIXTY_MINUTES;
  private static final RatingConventions BY_BILLING_DEMAND =
      RatingConventions.builder().perKwTierDemand(DemandBasis.BILLING_DEMAND).build();

  /** "off-peak" before noon, "on-peak" after, every day. */
  private static TouSchedule halfDay() {
    int[][] wk = new int[12][24];
    for (int[] row : wk) {
      for (int h = 12; h < 24; h++) {
        row[h] = 1;
      }
    }
    return TouSchedule.fromMonthHourMatrices("half-day", List.of("off-peak", "on-peak"), wk, wk,
        DayCalendar.standard());
  }

  private static Tariff tieredNetBilling() {
    TouSchedule s = halfDay();
    return Fixtures.tariff(UTC, v -> v.addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
        .schedule(s).counter(TierCounter.ALL_PERIODS).allocation(TierAllocation.CHRONOLOGICAL)
        .addPeriod(PeriodTiers.of(0, List.of(Tier.builder().upTo(d("100")).rate(d("0.10")).sellRate(d("0.04")).build(),
            Tier.builder().rate(d("0.15")).sellRate(d("0.03")).build())))
        .addPeriod(PeriodTiers.of(1, List.of(Tier.builder().upTo(d("100")).rate(d("0.20")).sellRate(d("0.06")).build(),
            Tier.builder().rate(d("0.30")).sellRate(d("0.05")).build())))
        .build()).netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_BILLING)
            .exportRate(ExportRate.tierSellRates()).build()));
  }

  @Property(tries = 60)
  void intervalChargesAddUpToTheBillsEnergyAndCreditLines(@ForAll @IntRange(min = 0, max = 3_000) int seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    IntervalSeries s = Fixtures.series(JUNE, H, i -> r.nextInt(0, 1_500_000), i -> r.nextInt(0, 1_000_000));
    Tariff t = tieredNetBilling();
    RatingPlan plan = RatingPlan.compile(t, JUNE, H);
    Bill b = Rater.create().rate(plan, s).bill();
    IntervalCharges ic = IntervalCharges.of(plan, s);
    BigDecimal energy = BigDecimal.ZERO;
    BigDecimal credit = BigDecimal.ZERO;
    for (int i = 0; i < ic.size(); i++) {
      energy = energy.add(ic.energyCharge(i));
      credit = credit.add(ic.exportCredit(i));
    }
    BigDecimal lineEnergy = BigDecimal.ZERO;
    BigDecimal lineCredit = BigDecimal.ZERO;
    for (BillLine l : b.lines()) {
      if (l.kind() == LineKind.ENERGY) {
        lineEnergy = lineEnergy.add(l.exactAmount());
      } else if (l.kind() == LineKind.EXPORT_CREDIT) {
        lineCredit = lineCredit.add(l.exactAmount().negate());
      }
    }
    assertThat(energy).isEqualByComparingTo(lineEnergy);
    assertThat(credit).isEqualByComparingTo(lineCredit);
  }

  @Test
  void anIntervalCrossingATierBoundIsSplitAtIt() {
    // 99 kWh in hour 0 (off-peak, tier 1), then 3 kWh in hour 1: 1 kWh at 0.10 and 2 kWh at 0.15 = 0.40
    IntervalSeries s = Fixtures.series(JUNE, H, i -> i == 0 ? 99_000_000 : i == 1 ? 3_000_000 : 0, i -> 0);
    IntervalCharges ic = IntervalCharges.of(RatingPlan.compile(tieredNetBilling(), JUNE, H), s);
    assertThat(ic.energyCharge(0)).isEqualByComparingTo("9.90");
    assertThat(ic.energyCharge(1)).isEqualByComparingTo("0.40");
    assertThat(ic.netCharge(2)).isZero();
  }

  /** An ALL_PERIODS chronological charge that prices "on-peak" only: 10 kWh at 0.10 (sell 0.04), then 0.20 (0.03). */
  private static EnergyCharge onPeakOnly() {
    return EnergyCharge.builder().id("energy").description("Energy").schedule(halfDay())
        .counter(TierCounter.ALL_PERIODS).allocation(TierAllocation.CHRONOLOGICAL)
        .addPeriod(PeriodTiers.of(1, List.of(Tier.builder().upTo(d("10")).rate(d("0.10")).sellRate(d("0.04")).build(),
            Tier.builder().rate(d("0.20")).sellRate(d("0.03")).build())))
        .build();
  }

  /**
   * Regression: a period that an ALL_PERIODS charge does not price still moves its chronological counter (RATING.md:
   * "an interval of a period the charge does not price moves the counter unpriced"), the export counter of tier sell
   * rates too ("filled like its import counter"); IntervalCharges skipped those intervals.
   *
   * <p>1 kWh every hour of June: by noon on 1 June the counter is at 12 kWh, past the bound, so every on-peak hour
   * costs 0.20: 360 × 0.20 = 72.00 (skipping the off-peak hours, the first 10 on-peak hours would cost 0.10: 71.00).
   * Under net billing, 1 kWh exported every hour (nothing imported) earns 0.03 in every on-peak hour: 360 × 0.03 =
   * 10.80 (not 10.90).
   */
  @Test
  void regression_anUnpricedPeriodMovesTheSharedChronologicalCounter() {
    RatingPlan plan = RatingPlan.compile(Fixtures.tariff(UTC, v -> v.addEnergyCharge(onPeakOnly())), JUNE, H);
    IntervalSeries s = Fixtures.constant(JUNE, H, 1_000_000);

    IntervalCharges ic = IntervalCharges.of(plan, s);

    assertThat(ic.energyCharge(11)).isZero();
    assertThat(ic.energyCharge(12)).isEqualByComparingTo("0.20");
    assertThat(sum(ic, 0, ic.size())).isEqualByComparingTo("72.00");
    assertThat(Rater.create().rate(plan, s).bill().total().getAmount()).isEqualByComparingTo("72.00");

    RatingPlan nb = RatingPlan.compile(Fixtures.tariff(UTC, v -> v.addEnergyCharge(onPeakOnly())
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_BILLING).exportRate(ExportRate.tierSellRates())
            .build())), JUNE, H);
    IntervalSeries exports = Fixtures.series(JUNE, H, i -> 0, i -> 1_000_000);

    IntervalCharges credits = IntervalCharges.of(nb, exports);

    assertThat(credits.exportCredit(12)).isEqualByComparingTo("0.03");
    BigDecimal credit = BigDecimal.ZERO;
    for (int i = 0; i < credits.size(); i++) {
      credit = credit.add(credits.exportCredit(i));
    }
    assertThat(credit).isEqualByComparingTo("10.80");
    assertThat(Rater.create().rate(nb, exports).bill().total().getAmount()).isEqualByComparingTo("-10.80");
  }

  @Test
  void volumeTiersBelongToNoSingleInterval() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.domainTiers(TierMode.VOLUME)));
    IntervalSeries s = Fixtures.constant(JUNE, H, 1_000_000);
    assertThatExceptionOfType(BusinessRuleException.class)
        .isThrownBy(() -> IntervalCharges.of(RatingPlan.compile(t, JUNE, H), s))
        .withMessage("energy.mode prices every kWh at the tier the whole bill reaches, so its charges belong to no "
            + "single interval: VOLUME");
  }

  // -----------------------------------------------------------------------------------------------------------------
  // kWh/kW tier bounds in a split bill: one billing demand per bill, by its last version's ratchet (RATING.md)

  /** 50 kWh per kW of demand at {@code first}, the rest at {@code rest}. */
  private static EnergyCharge perKwTiers(String first, String rest) {
    return EnergyCharge.builder().id("energy").description("Energy")
        .addPeriod(PeriodTiers.of(0, List.of(Tier.builder().upTo(d("50")).unit(TierUnit.KWH_PER_KW).rate(d(first))
            .build(), Tier.unbounded(d(rest)))))
        .build();
  }

  /** A ratchet whose billing demand is at least 40 kW. */
  private static Ratchet fortyKwMinimum() {
    return Ratchet.builder().from(Ratchet.uniform(d("100"), 11)).minimumKw(d("40")).build();
  }

  /** June split on the 16th: 15 days each, f = 1/2. */
  private static Tariff splitJune(TariffVersion.Builder first, TariffVersion.Builder second) {
    return Tariff.builder().id("T").name("Split").currency(org.joda.money.CurrencyUnit.USD).zone(UTC)
        .addVersion(first.effectiveFrom(LocalDate.of(2000, 1, 1)).conventions(BY_BILLING_DEMAND).build())
        .addVersion(second.effectiveFrom(LocalDate.of(2024, 6, 16)).conventions(BY_BILLING_DEMAND).build())
        .build();
  }

  /** 0.5 kWh in hour 0, 10 kWh in hour 360 (16 June 00:00, the bill's 10 kW peak), 1 kWh in every other hour. */
  private static IntervalSeries peakInTheSecondSegment() {
    return Fixtures.series(JUNE, H, i -> i == 0 ? 500_000 : i == 360 ? 10_000_000 : 1_000_000, i -> 0);
  }

  private static BigDecimal sum(IntervalCharges ic, int from, int to) {
    BigDecimal s = BigDecimal.ZERO;
    for (int i = from; i < to; i++) {
      s = s.add(ic.energyCharge(i));
    }
    return s;
  }

  /** The exact sum of a bill's energy lines in one segment of its plan. */
  private static BigDecimal energyLines(Bill b, RatingPlan plan, int segment) {
    BillingPeriod part = plan.segments().get(segment).period();
    return b.lines().stream().filter(l -> l.kind() == LineKind.ENERGY && l.segment().equals(part))
        .map(BillLine::exactAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * Regression: only the first version of a split bill has a ratchet (and sizes kWh/kW bounds by billing demand), the
   * last has none. RATING.md: "A split bill has one billing demand, by the ratchet of its last segment's version ...
   * and the peak ... when the last version has none"; so both segments size their kWh/kW bounds by the bill's peak.
   * IntervalCharges refused the first segment because its own version has a ratchet.
   *
   * <p>Peak 10 kW (hour 360, in the second segment); each segment's bound 50 kWh/kW × 10 kW × 15/30 = 250 kWh.
   * First segment (0.10 / 0.20): the counter after hour i is 0.5 + i kWh, so hour 250 crosses 250 kWh halfway:
   * 0.5 × 0.10 + 0.5 × 0.20 = 0.15; in all 250 × 0.10 + 109.5 × 0.20 = 46.90. Second segment (0.12 / 0.24): the
   * counter after hour 360 + k is 10 + k kWh, so hour 600 ends exactly at the bound (0.12) and hour 601 is above it
   * (0.24); in all 250 × 0.12 + 119 × 0.24 = 58.56. (Sized by the first version's 40 kW minimum, the first segment's
   * bound would be 1000 kWh: 35.95.)
   */
  @Test
  void regression_splitBillWithARatchetOnItsFirstVersionOnlySizesKwhPerKwTiersByThePeakInEverySegment() {
    Tariff t = splitJune(TariffVersion.builder().addEnergyCharge(perKwTiers("0.10", "0.20")).ratchet(fortyKwMinimum()),
        TariffVersion.builder().addEnergyCharge(perKwTiers("0.12", "0.24")));
    RatingPlan plan = RatingPlan.compile(t, JUNE, H);
    IntervalSeries s = peakInTheSecondSegment();

    IntervalCharges ic = IntervalCharges.of(plan, s);

    assertThat(ic.energyCharge(0)).isEqualByComparingTo("0.05");
    assertThat(ic.energyCharge(249)).isEqualByComparingTo("0.10");
    assertThat(ic.energyCharge(250)).isEqualByComparingTo("0.15");
    assertThat(ic.energyCharge(251)).isEqualByComparingTo("0.20");
    assertThat(sum(ic, 0, 360)).isEqualByComparingTo("46.90");
    assertThat(ic.energyCharge(360)).isEqualByComparingTo("1.20");
    assertThat(ic.energyCharge(600)).isEqualByComparingTo("0.12");
    assertThat(ic.energyCharge(601)).isEqualByComparingTo("0.24");
    assertThat(sum(ic, 360, 720)).isEqualByComparingTo("58.56");
    // and the bill agrees: no billing demand, the same energy per segment
    Bill b = Rater.create().rate(plan, s).bill();
    assertThat(b.billingDemand()).isEmpty();
    assertThat(b.peakDemand()).isEqualTo(Power.ofWatts(10_000));
    assertThat(energyLines(b, plan, 0)).isEqualByComparingTo("46.90");
    assertThat(energyLines(b, plan, 1)).isEqualByComparingTo("58.56");
    assertThat(b.total().getAmount()).isEqualByComparingTo("105.46");
  }

  /**
   * Regression: only the last version of a split bill has a ratchet, and the first (without one) sizes its kWh/kW
   * bounds by billing demand. The bill sizes them by the bill's billing demand (its last version's ratchet, which
   * needs the previous bills' demands), but IntervalCharges read the peak there, since the segment's own version has
   * no ratchet, and returned amounts that are not the bill's.
   *
   * <p>Billing demand max(40 kW minimum, 10 kW peak) = 40 kW: the first segment's bound is 50 × 40 × 15/30 =
   * 1000 kWh, so the bill prices its 359.5 kWh at 0.10: 35.95 (by the peak, 46.90). IntervalCharges refuses it.
   */
  @Test
  void regression_splitBillWithARatchetOnItsLastVersionOnlyRefusesKwhPerKwTiersSizedByBillingDemand() {
    Tariff t = splitJune(TariffVersion.builder().addEnergyCharge(perKwTiers("0.10", "0.20")),
        TariffVersion.builder().addEnergyCharge(Fixtures.flatEnergy("0.12")).ratchet(fortyKwMinimum()));
    RatingPlan plan = RatingPlan.compile(t, JUNE, H);
    IntervalSeries s = peakInTheSecondSegment();
    Bill b = Rater.create().rate(plan, s).bill();
    assertThat(b.billingDemand()).hasValue(Power.ofWatts(40_000));
    assertThat(energyLines(b, plan, 0)).isEqualByComparingTo("35.95");

    assertThatExceptionOfType(BusinessRuleException.class)
        .isThrownBy(() -> IntervalCharges.of(plan, s))
        .withMessage("energy.tiers are sized by the bill's ratcheted billing demand, which needs the previous bills' "
            + "demands: kWh/kW");
  }

  /**
   * A ratchet does not change kWh/kW bounds sized by the peak (RATING.md: "The demand is the bill's peak, or the
   * billing demand when RatingConventions.perKwTierDemand = BILLING_DEMAND"), so they are attributed (IntervalCharges
   * refused every version with a ratchet). One version, default conventions, 40 kW minimum: the bound is
   * 50 × 10 kW = 500 kWh (crossed in hour 491) of 0.5 + 10 + 718 = 728.5 kWh: 500 × 0.10 + 228.5 × 0.20 = 95.70.
   */
  @Test
  void kwhPerKwTiersSizedByThePeakAreAttributedWhateverTheRatchet() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(perKwTiers("0.10", "0.20")).ratchet(fortyKwMinimum()));
    RatingPlan plan = RatingPlan.compile(t, JUNE, H);
    IntervalSeries s = peakInTheSecondSegment();

    IntervalCharges ic = IntervalCharges.of(plan, s);

    assertThat(sum(ic, 0, 720)).isEqualByComparingTo("95.70");
    Bill b = Rater.create().rate(plan, s).bill();
    assertThat(b.billingDemand()).hasValue(Power.ofWatts(40_000));
    assertThat(energyLines(b, plan, 0)).isEqualByComparingTo("95.70");
  }

  @Provide
  Arbitrary<Scenario> splitRatchets() {
    return TariffArbitraries.splitRatchetScenarios();
  }

  /**
   * On split bills where one version has a ratchet and kWh/kW tiers are sized by the peak or by billing demand, bill
   * after bill: IntervalCharges refuses kWh/kW bounds (".tiers") exactly where the bill sizes them by its billing
   * demand (a segment whose version sizes them by billing demand, in a bill whose last version has a ratchet), refuses
   * otherwise only volume and proportional tiers, and when it answers, its intervals add up to the bill's energy lines
   * (exactly, but for the precision of a division by the day count).
   */
  @Property(tries = 60)
  void intervalChargesOfSplitBillsWithOneRatchetAddUpToTheBillsEnergyLines(@ForAll("splitRatchets") Scenario s) {
    BillingState state = s.initialState();
    Rater rater = Rater.create();
    for (BillingPeriod p : s.periods()) {
      RatingPlan plan = RatingPlan.compile(s.tariff(), p, s.length());
      IntervalSeries series = s.series(p);
      RatedBill rb = rater.rate(plan, series, state);
      state = rb.nextState();
      List<TariffSegment> segments = s.tariff().segments(p);
      boolean billHasBillingDemand = segments.get(segments.size() - 1).version().ratchet().isPresent();
      boolean byBillingDemand = false;
      boolean wholeBill = false;
      for (TariffSegment seg : segments) {
        TariffVersion v = seg.version();
        for (EnergyCharge ec : v.energyCharges()) {
          boolean tiered = ec.periods().stream().anyMatch(pt -> pt.tiers().size() > 1);
          wholeBill |= tiered && (ec.mode() == TierMode.VOLUME || (ec.counter() == TierCounter.ALL_PERIODS
              && ec.allocation() == TierAllocation.PROPORTIONAL));
          boolean perKw = ec.periods().stream().flatMap(pt -> pt.tiers().stream()).anyMatch(t -> t.upTo().isPresent()
              && (t.unit() == TierUnit.KWH_PER_KW || t.unit() == TierUnit.KWH_PER_KW_PER_DAY));
          byBillingDemand |= perKw && billHasBillingDemand
              && v.conventions().perKwTierDemand() == DemandBasis.BILLING_DEMAND;
        }
      }
      Throwable refused = catchThrowable(() -> IntervalCharges.of(plan, series));
      if (refused != null) {
        assertThat(refused).as("%s", Differential.render(rb.bill())).isExactlyInstanceOf(BusinessRuleException.class);
        BusinessRuleException e = (BusinessRuleException) refused;
        assertThat(e.field().endsWith(".tiers") ? byBillingDemand : wholeBill).as("%s\n%s", e.getMessage(),
            Differential.render(rb.bill())).isTrue();
        continue;
      }
      assertThat(byBillingDemand).as("kWh/kW tiers sized by billing demand were attributed").isFalse();
      assertThat(wholeBill).as("whole-bill tiers were attributed").isFalse();
      IntervalCharges ic = IntervalCharges.of(plan, series);
      BigDecimal lines = rb.bill().lines().stream().filter(l -> l.kind() == LineKind.ENERGY)
          .map(BillLine::exactAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
      // a bound prorated by a day count that does not terminate (22/30) is cut at 34 digits: the last may differ
      assertThat(sum(ic, 0, ic.size())).as("%s", Differential.render(rb.bill()))
          .isCloseTo(lines, within(new BigDecimal("1e-12")));
    }
  }
}
