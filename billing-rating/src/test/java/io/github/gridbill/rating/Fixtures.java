package io.github.gridbill.rating;

import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.joda.money.CurrencyUnit;

/** Small builders shared by the rating tests. */
final class Fixtures {
  static final ZoneId UTC = ZoneId.of("UTC");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final BillingPeriod APRIL_UTC = BillingPeriod.of(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 5, 1), UTC);

  private Fixtures() {}

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  static Tariff tariff(ZoneId zone, UnaryOperator<TariffVersion.Builder> v) {
    return Tariff.builder().id("T").name("Test tariff").currency(CurrencyUnit.USD).zone(zone)
        .addVersion(v.apply(TariffVersion.builder().effectiveFrom(LocalDate.of(2000, 1, 1))).build()).build();
  }

  static EnergyCharge flatEnergy(String rate) {
    return EnergyCharge.builder().id("energy").description("Energy").addPeriod(PeriodTiers.flat(0, d(rate))).build();
  }

  static EnergyCharge domainTiers(io.github.gridbill.core.tariff.TierMode mode) {
    return EnergyCharge.builder().id("energy").description("Energy").mode(mode)
        .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(d("100"), d("0.10")), Tier.upTo(d("300"), d("0.15")),
            Tier.unbounded(d("0.20")))))
        .build();
  }

  /** A series with the same import in every interval. */
  static IntervalSeries constant(BillingPeriod p, IntervalLength len, long importMwh) {
    IntervalGrid g = IntervalGrid.forPeriod(p, len);
    long[] imp = new long[g.count()];
    Arrays.fill(imp, importMwh);
    return IntervalSeries.ofImports("M-1", g, imp);
  }

  /** A series whose total import is exactly totalMwh, spread as evenly as possible. */
  static IntervalSeries total(BillingPeriod p, IntervalLength len, long totalMwh) {
    IntervalGrid g = IntervalGrid.forPeriod(p, len);
    long[] imp = new long[g.count()];
    for (int i = 0; i < imp.length; i++) {
      imp[i] = totalMwh / imp.length + (i < totalMwh % imp.length ? 1 : 0);
    }
    return IntervalSeries.ofImports("M-1", g, imp);
  }

  /** An hourly (or other grid) series with import f(i) and export g(i) in mWh. */
  static IntervalSeries series(BillingPeriod p, IntervalLength len, java.util.function.IntUnaryOperator imp,
      java.util.function.IntUnaryOperator exp) {
    IntervalGrid g = IntervalGrid.forPeriod(p, len);
    long[] a = new long[g.count()];
    long[] x = new long[g.count()];
    for (int i = 0; i < a.length; i++) {
      a[i] = imp.applyAsInt(i);
      x[i] = exp.applyAsInt(i);
    }
    return IntervalSeries.builder("M-1", g).imports(a).exports(x).build();
  }

  static Bill rate(Tariff t, BillingPeriod p, IntervalSeries s) {
    return Rater.create().rate(RatingPlan.compile(t, p, s.grid().length()), s).bill();
  }
}
