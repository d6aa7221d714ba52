package io.github.gridbill.rating;

import static io.github.gridbill.rating.Fixtures.APRIL_UTC;
import static io.github.gridbill.rating.Fixtures.UTC;
import static io.github.gridbill.rating.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TierMode;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
  void demandResponseTenInTenSkipsEventDays() {
    // DOMAIN.md: "baseline − actual load (floored at 0) × incentive rate. Baseline example: average of the same hours
    // on the 10 most recent non-event weekdays ("10-in-10")". Every hour reads 2 kWh except: Friday 12 July, an event
    // day (14:00–18:00 at 0.2 kWh/h), and Thursday 27 June, the 11th weekday back (9 kWh/h in those hours).
    // Event E2, Monday 15 July 14:00–18:00 at 0.5 kWh/h: the 10 most recent non-event weekdays are 11 July back to
    // 28 June, all 2 kWh/h: baseline 8 kWh, actual 2 kWh, (8 − 2) × 0.50 = 3.00. Event E1 on 12 July has the same
    // baseline days: (8 − 0.8) × 0.50 = 3.60.
    LocalDateTime e1 = LocalDateTime.of(2024, 7, 12, 14, 0);
    LocalDateTime e2 = LocalDateTime.of(2024, 7, 15, 14, 0);
    DemandResponseProgram dr = DemandResponseProgram.builder().id("dr").description("Peak saver")
        .incentiveRate(d("0.50")).addEvent(DemandResponseEvent.of("E1", e1, e1.plusHours(4)))
        .addEvent(DemandResponseEvent.of("E2", e2, e2.plusHours(4))).build();
    Tariff t = Fixtures.tariff(UTC, v -> v.addDemandResponseProgram(dr));
    BillingPeriod july = BillingPeriod.of(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 8, 1), UTC);
    IntervalGrid g = IntervalGrid.between(LocalDate.of(2024, 6, 1).atStartOfDay(UTC).toInstant(), july.endInstant(),
        IntervalLength.SIXTY_MINUTES);
    long[] imp = new long[g.count()];
    for (int i = 0; i < imp.length; i++) {
      LocalDateTime at = LocalDateTime.ofInstant(g.intervalStart(i), UTC);
      boolean eventHours = at.getHour() >= 14 && at.getHour() < 18;
      imp[i] = !eventHours ? 2_000_000 : at.toLocalDate().equals(e1.toLocalDate()) ? 200_000
          : at.toLocalDate().equals(e2.toLocalDate()) ? 500_000
          : at.toLocalDate().equals(LocalDate.of(2024, 6, 27)) ? 9_000_000 : 2_000_000;
    }
    Bill b = Fixtures.rate(t, july, IntervalSeries.ofImports("M-1", g, imp));
    assertThat(b.lines()).extracting(l -> l.kind() + " " + l.quantity().orElseThrow().value().stripTrailingZeros()
        .toPlainString() + " " + l.amount()).containsExactly("DEMAND_RESPONSE_CREDIT 7.2 USD -3.60",
        "DEMAND_RESPONSE_CREDIT 6 USD -3.00");
    DemandResponseEventReport r = b.demandResponseEvents().get(1);
    assertThat(r.chosenDays()).hasSize(10).doesNotContain(LocalDate.of(2024, 7, 12), LocalDate.of(2024, 6, 27))
        .startsWith(LocalDate.of(2024, 7, 11)).endsWith(LocalDate.of(2024, 6, 28));
    assertThat(r.consideredDays().get(2).status()).isEqualTo(BaselineDayStatus.EVENT_DAY);
    assertThat(r.baselineKwh()).isEqualByComparingTo("8");
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
