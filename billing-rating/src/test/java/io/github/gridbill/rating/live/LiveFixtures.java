package io.github.gridbill.rating.live;

import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatingPlan;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.function.UnaryOperator;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Small hand-made inputs for the live tests: a 10-day hourly cycle in UTC and simple tariffs. */
final class LiveFixtures {
  static final ZoneId UTC = ZoneId.of("UTC");
  static final IntervalLength H = IntervalLength.SIXTY_MINUTES;
  /** 1 to 10 July 2024 (Monday to Wednesday of the next week): 240 hours. */
  static final BillingPeriod CYCLE = BillingPeriod.of(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 11), UTC);
  static final IntervalGrid GRID = IntervalGrid.forPeriod(CYCLE, H);
  static final long KWH = 1_000_000L;

  private LiveFixtures() {}

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  static Money usd(String s) {
    return Money.parse("USD " + s);
  }

  static Tariff tariff(UnaryOperator<TariffVersion.Builder> v) {
    return Tariff.builder().id("T").name("Test tariff").currency(CurrencyUnit.USD).zone(UTC)
        .addVersion(v.apply(TariffVersion.builder().effectiveFrom(LocalDate.of(2000, 1, 1))).build()).build();
  }

  /** Block tiers 0–100 kWh at 0.10, above at 0.20. */
  static EnergyCharge blockTiers() {
    return EnergyCharge.builder().id("energy").description("Energy")
        .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(d("100"), d("0.10")), Tier.unbounded(d("0.20"))))).build();
  }

  /** A flat demand charge of 5.00 per kW. */
  static DemandCharge demand() {
    return DemandCharge.builder().id("demand").description("Demand").addPeriod(PeriodTiers.flat(0, d("5.00"))).build();
  }

  /** Block tiers and a demand charge. */
  static Tariff tiersAndDemand() {
    return tariff(v -> v.addEnergyCharge(blockTiers()).addDemandCharge(demand()));
  }

  static RatingPlan plan(Tariff t) {
    return RatingPlan.compile(t, CYCLE, H);
  }

  static LiveRater rater(Tariff t, int latenessHours) {
    return LiveRater.of(plan(t), LiveOptions.builder().lateness(Duration.ofHours(latenessHours)).build());
  }

  static Instant hour(int i) {
    return GRID.intervalStart(i);
  }

  /** An hourly series on a grid with import f(i), no export. */
  static IntervalSeries series(IntervalGrid g, IntToLongFunction imp) {
    long[] a = new long[g.count()];
    for (int i = 0; i < a.length; i++) {
      a[i] = imp.applyAsLong(i);
    }
    return IntervalSeries.ofImports("M-1", g, a);
  }

  /** The cycle's first four days: 95 hours at 1 kWh and hour 30 at 4.84 kWh (99.84 kWh, an average 1.04 kWh). */
  static void firstFourDays(LiveAccount a) {
    for (int i = 0; i < 96; i++) {
      a.ingest(i, i == 30 ? 4_840_000 : KWH, 0);
    }
  }
}
