package io.github.gridbill.examples;

import io.github.gridbill.core.tariff.*;
import io.github.gridbill.core.time.*;
import io.github.gridbill.rating.*;
import java.math.BigDecimal;
import java.time.*;
import java.util.List;
import org.joda.money.CurrencyUnit;

/** The README's quick start: a tiered residential tariff, a month of 15-minute data, a bill that explains itself. */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Rates one bill and prints it.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Tariff tariff = Tariff.builder().id("RES-1").name("Residential tiered").currency(CurrencyUnit.USD)
        .zone(ZoneId.of("America/New_York"))
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 1, 1))
            .addFixedCharge(FixedCharge.of("customer", "Customer charge", new BigDecimal("7.57"),
                FixedChargeBasis.PER_BILL))
            .addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
                .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(new BigDecimal("100"), new BigDecimal("0.10")),
                    Tier.upTo(new BigDecimal("300"), new BigDecimal("0.15")), Tier.unbounded(new BigDecimal("0.20")))))
                .build())
            .build())
        .build();
    BillingPeriod march = BillingPeriod.ofMonth(YearMonth.of(2024, 3), tariff.zone()); // 23-hour DST day inside
    RatingPlan plan = RatingPlan.compile(tariff, march, IntervalLength.FIFTEEN_MINUTES);
    long[] wattHoursTimes1000 = new long[plan.grid().count()];                       // 2,972 intervals
    java.util.Arrays.fill(wattHoursTimes1000, 151_400);                                // 151.4 Wh each
    IntervalSeries meter = IntervalSeries.ofImports("M-1", plan.grid(), wattHoursTimes1000);
    Bill bill = Rater.create().rate(plan, meter).bill();
    System.out.println(bill.explain());
  }
}
