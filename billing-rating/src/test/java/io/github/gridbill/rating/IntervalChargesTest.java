package io.github.gridbill.rating;

import static io.github.gridbill.rating.Fixtures.UTC;
import static io.github.gridbill.rating.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.BusinessRuleException;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TierMode;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.IntervalLength;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IntervalChargesTest {
  private static final BillingPeriod JUNE = BillingPeriod.ofMonth(YearMonth.of(2024, 6), UTC);
  private static final IntervalLength H = IntervalLength.SIXTY_MINUTES;

  private static Tariff tieredNetBilling() {
    int[][] wk = new int[12][24];
    for (int[] row : wk) {
      for (int h = 12; h < 24; h++) {
        row[h] = 1;
      }
    }
    TouSchedule s = TouSchedule.fromMonthHourMatrices("half-day", List.of("off-peak", "on-peak"), wk, wk,
        DayCalendar.standard());
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

  @Test
  void volumeTiersBelongToNoSingleInterval() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.domainTiers(TierMode.VOLUME)));
    IntervalSeries s = Fixtures.constant(JUNE, H, 1_000_000);
    assertThatExceptionOfType(BusinessRuleException.class)
        .isThrownBy(() -> IntervalCharges.of(RatingPlan.compile(t, JUNE, H), s))
        .withMessage("energy.mode prices every kWh at the tier the whole bill reaches, so its charges belong to no "
            + "single interval: VOLUME");
  }
}
