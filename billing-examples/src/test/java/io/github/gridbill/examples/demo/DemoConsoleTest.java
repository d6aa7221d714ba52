package io.github.gridbill.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.rating.live.DemandPeakAlert;
import io.github.gridbill.rating.live.MeterFault;
import io.github.gridbill.rating.live.MeterFaultAlert;
import io.github.gridbill.rating.live.ProjectedBillAlert;
import io.github.gridbill.rating.live.ProjectionMethod;
import io.github.gridbill.rating.live.TierCrossedAlert;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** The demo's console wording of live alerts: local wall-clock time of the account's zone, values in words. */
class DemoConsoleTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  /** 2025-03-11 04:00 UTC: midnight in New York, two days after clocks went forward (EDT, -04:00). */
  private static final Instant AS_OF = Instant.parse("2025-03-11T04:00:00Z");

  @Test
  void aDemandPeakAlertGivesTheNewPeakTheChargeAndWhatItAdded() {
    DemandPeakAlert a = DemandPeakAlert.builder().accountId("M-1").asOf(AS_OF).peakBefore(Power.ofWatts(28_757))
        .peak(Power.ofWatts(29_838)).chargeBefore(Money.parse("USD 568.95")).charge(Money.parse("USD 587.42"))
        .addedCost(Money.parse("USD 18.47")).build();
    assertThat(DemoConsole.alert(a, NEW_YORK)).isEqualTo("NEW_DEMAND_PEAK at 2025-03-11 00:00 -04:00: new peak "
        + Power.ofWatts(29_838) + " (was " + Power.ofWatts(28_757) + "): demand charge USD 587.42, USD 18.47 more");
  }

  @Test
  void aTierAlertNamesTheChargeThePeriodTheTierAndTheUsage() {
    TierCrossedAlert a = TierCrossedAlert.builder().accountId("M-1").asOf(AS_OF).componentId("energy")
        .touPeriod("mid-peak").segment(BillingPeriod.ofMonth(YearMonth.of(2025, 3), NEW_YORK)).tier(2)
        .rate(new BigDecimal("0.11330")).usageKwh(new BigDecimal("1207.895568")).build();
    assertThat(DemoConsole.alert(a, NEW_YORK))
        .isEqualTo("TIER_CROSSED at 2025-03-11 00:00 -04:00: energy, mid-peak entered tier 2 (rate 0.1133) at"
            + " 1,207.9 kWh");
  }

  @Test
  void aProjectedBillAlertSaysByWhichMethodAndAgainstWhichAmount() {
    ProjectedBillAlert a = ProjectedBillAlert.builder().accountId("M-1").asOf(AS_OF)
        .projectedTotal(Money.parse("USD 1486.41")).threshold(Money.parse("USD 1360.00"))
        .method(ProjectionMethod.LIKE_DAY).build();
    assertThat(DemoConsole.alert(a, NEW_YORK)).isEqualTo("PROJECTED_BILL_OVER_THRESHOLD at 2025-03-11 00:00 -04:00:"
        + " projected bill USD 1,486.41 (like day) is over the alert at USD 1,360.00");
  }

  @Test
  void aMeterFaultAlertGivesItsSpanInLocalTime() {
    // 2025-03-09 06:00 UTC is 01:00 EST; 08:00 UTC is 04:00 EDT (clocks went forward at 02:00 local)
    MeterFaultAlert a = MeterFaultAlert.builder().accountId("M-1").asOf(Instant.parse("2025-03-09T08:00:00Z"))
        .fault(MeterFault.FLAT_ZERO).fromInclusive(Instant.parse("2025-03-09T06:00:00Z"))
        .toExclusive(Instant.parse("2025-03-09T08:00:00Z")).observed(Energy.zero())
        .reference(Energy.ofWattHours(2_500)).build();
    assertThat(DemoConsole.alert(a, NEW_YORK)).isEqualTo("METER_FAULT at 2025-03-09 04:00 -04:00: flat zero from"
        + " 2025-03-09 01:00 -05:00 to 2025-03-09 04:00 -04:00: " + Energy.zero() + " measured against "
        + Energy.ofWattHours(2_500) + " expected");
  }
}
