package io.github.gridbill.rating.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.time.BillingPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** {@link LiveAlert#describe}: every kind in words, at the wall clock of the zone asked for. */
class LiveAlertDescribeTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  /** Midnight in New York (EDT, -04:00). */
  private static final Instant JULY_11 = Instant.parse("2024-07-11T04:00:00Z");

  @Test
  void aDemandPeakGivesThePeakAndTheChargeBeforeAndAfter() {
    DemandPeakAlert a = DemandPeakAlert.builder().accountId("M-1").asOf(JULY_11).peakBefore(Power.ofWatts(8_200))
        .peak(Power.ofWatts(11_600)).chargeBefore(Money.parse("USD 96.80")).charge(Money.parse("USD 140.10"))
        .addedCost(Money.parse("USD 43.30")).build();
    assertThat(a.describe(NEW_YORK)).isEqualTo("M-1 at 2024-07-11 00:00 -04:00: peak 8.2 kW → 11.6 kW, demand charge"
        + " USD 96.80 → USD 140.10 (+USD 43.30)");
    // the same instant on another clock
    assertThat(a.describe(ZoneId.of("UTC"))).startsWith("M-1 at 2024-07-11 04:00 +00:00: ");
    assertThat(a.describe(ZoneId.of("Asia/Kolkata"))).startsWith("M-1 at 2024-07-11 09:30 +05:30: ");
  }

  @Test
  void aTierCrossingNamesTheChargeThePeriodTheTierAndTheUsage() {
    TierCrossedAlert a = TierCrossedAlert.builder().accountId("M-1").asOf(JULY_11).componentId("energy-tou")
        .touPeriod("peak").segment(BillingPeriod.ofMonth(YearMonth.of(2024, 7), NEW_YORK)).tier(2)
        .rate(new BigDecimal("0.3800")).usageKwh(new BigDecimal("104.250000")).build();
    assertThat(a.describe(NEW_YORK)).isEqualTo("M-1 at 2024-07-11 00:00 -04:00: energy-tou [peak] reached tier 2 at"
        + " 0.38/kWh with 104.25 kWh so far");
    assertThat(a.withTouPeriod(java.util.Optional.empty()).describe(NEW_YORK))
        .endsWith(": energy-tou reached tier 2 at 0.38/kWh with 104.25 kWh so far");
  }

  @Test
  void aProjectedBillGivesTheProjectionItsMethodAndTheThreshold() {
    ProjectedBillAlert a = ProjectedBillAlert.builder().accountId("M-1").asOf(JULY_11)
        .projectedTotal(Money.parse("USD 162.40")).threshold(Money.parse("USD 150.00"))
        .method(ProjectionMethod.RUN_RATE).build();
    assertThat(a.describe(NEW_YORK)).isEqualTo("M-1 at 2024-07-11 00:00 -04:00: projected USD 162.40 (run rate) over"
        + " the threshold USD 150.00");
  }

  @Test
  void aUsageIncreaseGivesBothUsagesAndHowFarOver() {
    UsageIncreaseAlert a = UsageIncreaseAlert.builder().accountId("M-1").asOf(JULY_11)
        .usage(Energy.ofWattHours(412_500)).lastCycleUsage(Energy.ofWattHours(300_000))
        .percentOver(new BigDecimal("37.50")).thresholdPercent(new BigDecimal("20.0")).build();
    assertThat(a.describe(NEW_YORK)).isEqualTo("M-1 at 2024-07-11 00:00 -04:00: 412.5 kWh so far, 300 kWh at the same"
        + " point last cycle: 37.50% over (threshold 20%)");
  }

  @Test
  void anExportCreditDayGivesTheDayAndTheEnergy() {
    ExportCreditDayAlert a = ExportCreditDayAlert.builder().accountId("M-1")
        .asOf(Instant.parse("2024-07-05T04:00:00Z")).date(LocalDate.of(2024, 7, 4))
        .credited(Energy.ofWattHours(6_120)).build();
    assertThat(a.describe(NEW_YORK)).isEqualTo("M-1 at 2024-07-05 00:00 -04:00: 2024-07-04 credited 6.12 kWh of"
        + " exports");
  }

  @Test
  void eachMeterFaultGivesItsSpanAcrossAClockChangeAndWhatWasMeasured() {
    // 2024-03-10 in New York: 05:00 UTC is 00:00 EST, the clocks go forward at 02:00; 2024-03-11 04:00 UTC is 00:00 EDT
    MeterFaultAlert flat = MeterFaultAlert.builder().accountId("M-1").asOf(Instant.parse("2024-03-11T04:00:00Z"))
        .fault(MeterFault.FLAT_ZERO).fromInclusive(Instant.parse("2024-03-10T05:00:00Z"))
        .toExclusive(Instant.parse("2024-03-11T04:00:00Z")).observed(Energy.zero())
        .reference(Energy.ofWattHours(14_800)).build();
    assertThat(flat.describe(NEW_YORK)).isEqualTo("M-1 at 2024-03-11 00:00 -04:00: import and export flat at zero"
        + " from 2024-03-10 00:00 -05:00 to 2024-03-11 00:00 -04:00: 0 kWh imported that day against 14.8 kWh a"
        + " normal day");
    MeterFaultAlert drop = flat.withFault(MeterFault.SUSTAINED_DROP).withObserved(Energy.ofWattHours(2_100));
    assertThat(drop.describe(NEW_YORK)).endsWith(": import dropped from 2024-03-10 00:00 -05:00 to 2024-03-11 00:00"
        + " -04:00: 2.1 kWh a day against 14.8 kWh");
    MeterFaultAlert reverse = flat.withFault(MeterFault.REVERSE_FLOW_WITHOUT_GENERATION)
        .withObserved(Energy.ofWattHours(5_000)).withReference(Energy.zero());
    assertThat(reverse.describe(NEW_YORK)).endsWith(": export on a meter without generation from 2024-03-10 00:00"
        + " -05:00 to 2024-03-11 00:00 -04:00: 5 kWh exported");
  }
}
