package io.github.gridbill.rating.run;

import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.IntervalSeries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.joda.money.CurrencyUnit;

/** A tiered tariff with a demand charge, and hourly series for July 2024, for the bill-run tests. */
final class RunFixtures {
  static final ZoneId UTC = ZoneId.of("UTC");
  static final BillingPeriod JULY = BillingPeriod.ofMonth(YearMonth.of(2024, 7), UTC);
  static final BillingPeriod AUGUST = BillingPeriod.ofMonth(YearMonth.of(2024, 8), UTC);
  static final Tariff TARIFF = tariff("GS-1", LocalDate.of(2000, 1, 1));

  private RunFixtures() {}

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  static Tariff tariff(String id, LocalDate from) {
    return Tariff.builder().id(id).name("General service").currency(CurrencyUnit.USD).zone(UTC)
        .addVersion(TariffVersion.builder().effectiveFrom(from)
            .addFixedCharge(FixedCharge.of("customer", "Customer charge", d("12.00"), FixedChargeBasis.PER_BILL))
            .addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
                .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(d("500"), d("0.11")), Tier.upTo(d("1500"),
                    d("0.14")), Tier.unbounded(d("0.17")))))
                .build())
            .addDemandCharge(DemandCharge.builder().id("demand").description("Demand")
                .addPeriod(PeriodTiers.flat(0, d("9.50"))).build())
            .build())
        .build();
  }

  /** An hourly import series for a period, pseudo-random from a seed, up to 5 kWh per hour. */
  static IntervalSeries hourly(String meterId, BillingPeriod p, long seed) {
    IntervalGrid g = IntervalGrid.forPeriod(p, IntervalLength.SIXTY_MINUTES);
    SplittableRandom r = new SplittableRandom(seed);
    long[] imp = new long[g.count()];
    for (int i = 0; i < imp.length; i++) {
      imp[i] = r.nextLong(0, 5_000_000L);
    }
    return IntervalSeries.ofImports(meterId, g, imp);
  }
}
