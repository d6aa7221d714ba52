package io.github.gridbill.rating;

import static io.github.gridbill.rating.Fixtures.APRIL_UTC;
import static io.github.gridbill.rating.Fixtures.UTC;
import static io.github.gridbill.rating.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TierMode;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import java.time.LocalDate;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** The worked examples of DOMAIN.md, rated end to end. */
class DomainExamplesTest {

  @Test
  void blockTiers450KwhCost70() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.domainTiers(TierMode.BLOCK)));
    Bill b = Fixtures.rate(t, APRIL_UTC, Fixtures.total(APRIL_UTC, IntervalLength.FIFTEEN_MINUTES, 450_000_000L));
    assertThat(b.total()).isEqualTo(Money.parse("USD 70.00"));
    assertThat(b.lines()).extracting(l -> l.amount().toString())
        .containsExactly("USD 10.00", "USD 30.00", "USD 30.00");
    assertThat(b.lines()).extracting(l -> l.tier().orElseThrow()).containsExactly(1, 2, 3);
  }

  @Test
  void volumeTiers450KwhCost90() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.domainTiers(TierMode.VOLUME)));
    Bill b = Fixtures.rate(t, APRIL_UTC, Fixtures.total(APRIL_UTC, IntervalLength.FIFTEEN_MINUTES, 450_000_000L));
    assertThat(b.total()).isEqualTo(Money.parse("USD 90.00"));
  }

  @Test
  void fixedChargePerDay30DaysAt050Is15() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addFixedCharge(
        FixedCharge.of("daily", "Daily charge", d("0.50"), FixedChargeBasis.PER_DAY)));
    Bill b = Fixtures.rate(t, APRIL_UTC, Fixtures.constant(APRIL_UTC, IntervalLength.SIXTY_MINUTES, 0));
    assertThat(b.total()).isEqualTo(Money.parse("USD 15.00"));
    assertThat(b.lines().get(0).quantity().orElseThrow().toString()).isEqualTo("30 day");
  }

  @Test
  void demandOf25KwhIn15MinutesIs10Kw() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addDemandCharge(DemandCharge.builder().id("demand")
        .description("Demand").addPeriod(PeriodTiers.flat(0, d("12.00"))).build()));
    IntervalGrid g = IntervalGrid.forPeriod(APRIL_UTC, IntervalLength.FIFTEEN_MINUTES);
    long[] imp = new long[g.count()];
    imp[100] = 2_500_000L;
    imp[101] = 1_000_000L;
    Bill b = Fixtures.rate(t, APRIL_UTC, IntervalSeries.ofImports("M-1", g, imp));
    assertThat(b.peakDemand().toString()).isEqualTo("10 kW");
    assertThat(b.total()).isEqualTo(Money.parse("USD 120.00"));
    BillLine demand = b.lines().get(0);
    assertThat(demand.kind()).isEqualTo(LineKind.DEMAND);
    assertThat(demand.intervals()).singleElement().satisfies(r -> {
      assertThat(r.firstIndex()).isEqualTo(100);
      assertThat(r.startInclusive()).isEqualTo(g.intervalStart(100));
    });
  }

  @Test
  void zeroUsageStillBillsFixedCharge() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.domainTiers(TierMode.BLOCK))
        .addFixedCharge(FixedCharge.of("customer", "Customer charge", d("7.57"), FixedChargeBasis.PER_BILL)));
    BillingPeriod p = BillingPeriod.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1), Fixtures.NEW_YORK);
    Tariff ny = Tariff.builder().from(t).zone(Fixtures.NEW_YORK).build();
    Bill b = Fixtures.rate(ny, p, Fixtures.constant(p, IntervalLength.FIFTEEN_MINUTES, 0));
    assertThat(b.intervalCount()).isEqualTo(31 * 96 - 4);
    assertThat(b.total()).isEqualTo(Money.parse("USD 7.57"));
  }
}
