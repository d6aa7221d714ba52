package io.github.gridbill.rating.live;

import static io.github.gridbill.rating.live.LiveFixtures.KWH;
import static io.github.gridbill.rating.live.LiveFixtures.UTC;
import static io.github.gridbill.rating.live.LiveFixtures.d;
import static io.github.gridbill.rating.live.LiveFixtures.firstFourDays;
import static io.github.gridbill.rating.live.LiveFixtures.hour;
import static io.github.gridbill.rating.live.LiveFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.Tariff;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

/** Each alert: raised once per condition, with the values behind it. */
class LiveAlertsTest {

  private static Instant day(int d) {
    return LocalDate.of(2024, 7, 1).plusDays(d).atStartOfDay(UTC).toInstant();
  }

  private static void hours(LiveAccount a, int from, int to, IntToLongFunction imp) {
    for (int i = from; i < to; i++) {
      a.ingest(i, imp.applyAsLong(i), 0);
    }
  }

  // -----------------------------------------------------------------------------------------------------------------
  // from the bill-to-date

  @Test
  void crossingATierIsRaisedOnceWithTheTierRateAndUsage() {
    LiveAccount a = LiveFixtures.rater(LiveFixtures.tariff(v -> v.addEnergyCharge(LiveFixtures.blockTiers())), 0)
        .open("M-1");
    hours(a, 0, 99, i -> KWH);
    assertThat(a.alerts()).isEmpty();
    a.ingest(99, 2 * KWH, 0);
    // 101 kWh: tier 2 (above 100 kWh) at 0.20
    assertThat(a.alerts()).singleElement().isEqualTo(TierCrossedAlert.builder().accountId("M-1").asOf(hour(100))
        .componentId("energy").segment(LiveFixtures.CYCLE).tier(2).rate(d("0.20")).usageKwh(d("101.000000"))
        .build());
    a.ingest(100, KWH, 0);
    assertThat(a.alerts()).isEmpty();
  }

  @Test
  void aNewPeakThatRaisesTheDemandChargeIsRaisedWithTheAddedCost() {
    LiveAccount a = LiveFixtures.rater(LiveFixtures.tariff(v -> v.addDemandCharge(LiveFixtures.demand())), 0)
        .open("M-1");
    a.ingest(0, KWH, 0);
    assertThat(a.alerts()).singleElement().isEqualTo(DemandPeakAlert.builder().accountId("M-1").asOf(hour(1))
        .peakBefore(Power.zero()).peak(Power.ofWatts(1000)).chargeBefore(usd("0.00")).charge(usd("5.00"))
        .addedCost(usd("5.00")).build());
    a.ingest(1, KWH / 2, 0);
    assertThat(a.alerts()).isEmpty();
    a.ingest(2, 4_840_000, 0);
    // 4.84 kW × 5.00 = 24.20, up 19.20
    assertThat(a.alerts()).singleElement().isEqualTo(DemandPeakAlert.builder().accountId("M-1").asOf(hour(3))
        .peakBefore(Power.ofWatts(1000)).peak(Power.ofWatts(4840)).chargeBefore(usd("5.00")).charge(usd("24.20"))
        .addedCost(usd("19.20")).build());
    a.ingest(3, 4_840_000, 0);
    assertThat(a.alerts()).isEmpty();
  }

  @Test
  void aProjectedBillOverTheAccountsThresholdIsRaisedOnce() {
    LiveRater r = LiveRater.of(LiveFixtures.plan(LiveFixtures.tiersAndDemand()),
        LiveOptions.builder().lateness(Duration.ZERO).defaultBillThreshold(usd("100.00")).build());
    LiveAccount own = r.open("M-1", AccountSetup.builder().billThreshold(usd("60.00")).build());
    firstFourDays(own);
    // run rate: 64.12 (see ProjectionTest) over 60.00
    assertThat(own.alerts()).filteredOn(x -> x.kind() == AlertKind.PROJECTED_BILL_OVER_THRESHOLD).singleElement()
        .isEqualTo(ProjectedBillAlert.builder().accountId("M-1").asOf(day(4)).projectedTotal(usd("64.12"))
            .threshold(usd("60.00")).method(ProjectionMethod.RUN_RATE).build());
    own.ingest(96, 3 * KWH, 0);
    assertThat(own.alerts()).noneMatch(x -> x.kind() == AlertKind.PROJECTED_BILL_OVER_THRESHOLD);
    // the default threshold of 100.00 is not reached
    LiveAccount other = r.open("M-2");
    firstFourDays(other);
    assertThat(other.alerts()).noneMatch(x -> x.kind() == AlertKind.PROJECTED_BILL_OVER_THRESHOLD);
  }

  @Test
  void usageOverTheSamePointLastCycleIsRaisedOnce() {
    LiveRater r = LiveFixtures.rater(LiveFixtures.tariff(v -> v.addEnergyCharge(LiveFixtures.blockTiers())), 0);
    LiveAccount a = r.open("M-1", AccountSetup.builder().likeDayHistory(ProjectionTest.lastCycle()).build());
    // 1 July at 3 kWh an hour = 72 kWh; 21 June at 2 kWh an hour = 48 kWh: 50% over
    hours(a, 0, 24, i -> 3 * KWH);
    assertThat(a.alerts()).singleElement().isEqualTo(UsageIncreaseAlert.builder().accountId("M-1").asOf(day(1))
        .usage(Energy.ofWattHours(72_000)).lastCycleUsage(Energy.ofWattHours(48_000)).percentOver(d("50.00"))
        .thresholdPercent(d("20")).build());
    hours(a, 24, 48, i -> 3 * KWH);
    assertThat(a.alerts()).noneMatch(x -> x.kind() == AlertKind.USAGE_ABOVE_LAST_CYCLE);
    // 10% over is under the 20% threshold
    LiveAccount b = r.open("M-2", AccountSetup.builder().likeDayHistory(ProjectionTest.lastCycle()).build());
    hours(b, 0, 24, i -> 2_200_000);
    assertThat(b.alerts()).isEmpty();
  }

  // -----------------------------------------------------------------------------------------------------------------
  // judged per day

  private static Tariff netBilling(NetMeteringMode mode) {
    return LiveFixtures.tariff(v -> v.addEnergyCharge(LiveFixtures.blockTiers()).netMetering(NetMeteringRule.builder()
        .mode(mode).carry(mode == NetMeteringMode.NET_METERING ? CreditCarry.KWH : CreditCarry.NONE)
        .exportRate(ExportRate.flat(d("0.05"))).build()));
  }

  @Test
  void aDayOfExportCreditsIsRaisedOnceWhenTheDayIsFinal() {
    LiveAccount a = LiveFixtures.rater(netBilling(NetMeteringMode.NET_BILLING), 0).open("M-1",
        AccountSetup.builder().generation(true).build());
    // 1 July: 1 kWh in every hour but 10:00–14:00, which export 2 kWh and import nothing: 8 kWh net exports
    for (int i = 0; i < 24; i++) {
      boolean sun = i >= 10 && i < 14;
      a.ingest(i, sun ? 0 : KWH, sun ? 2 * KWH : 0);
    }
    assertThat(a.alerts()).isEmpty(); // with a zero window hour 23 is final when hour 24 arrives
    a.ingest(24, KWH, 0);
    assertThat(a.alerts()).singleElement().isEqualTo(ExportCreditDayAlert.builder().accountId("M-1").asOf(day(1))
        .date(LocalDate.of(2024, 7, 1)).credited(Energy.ofWattHours(8000)).build());
    hours(a, 26, 72, i -> KWH);
    assertThat(a.alerts()).isEmpty();
  }

  @Test
  void underNetMeteringAnExportDayIsOneThatExportedMoreThanItImported() {
    LiveAccount a = LiveFixtures.rater(netBilling(NetMeteringMode.NET_METERING), 0).open("M-1",
        AccountSetup.builder().generation(true).build());
    // 1 July: 20 hours import 1 kWh, 4 hours export 6 kWh: 24 − 20 = 4 kWh credited; 2 July: exports below imports
    for (int i = 0; i < 48; i++) {
      boolean sun = i % 24 >= 10 && i % 24 < 14;
      a.ingest(i, sun ? 0 : KWH, sun ? (i < 24 ? 6 : 4) * KWH : 0);
    }
    a.close();
    assertThat(a.alerts()).singleElement().isEqualTo(ExportCreditDayAlert.builder().accountId("M-1").asOf(day(1))
        .date(LocalDate.of(2024, 7, 1)).credited(Energy.ofWattHours(4000)).build());
  }

  @Test
  void reverseFlowWithoutGenerationIsRaisedOncePerCycle() {
    LiveAccount a = LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 4).open("M-1");
    a.ingest(7, KWH, 0);
    a.ingest(5, 0, 300_000);
    assertThat(a.alerts()).contains(MeterFaultAlert.builder().accountId("M-1").asOf(hour(8))
        .fault(MeterFault.REVERSE_FLOW_WITHOUT_GENERATION).fromInclusive(hour(5)).toExclusive(hour(8))
        .observed(Energy.ofWattHours(300)).reference(Energy.zero()).build());
    a.ingest(8, 0, KWH);
    assertThat(a.alerts()).noneMatch(x -> x.kind() == AlertKind.METER_FAULT);
    LiveAccount g = LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 4).open("M-2",
        AccountSetup.builder().generation(true).build());
    g.ingest(5, 0, 300_000);
    assertThat(g.alerts()).noneMatch(x -> x.kind() == AlertKind.METER_FAULT);
  }

  /** The history averages 48.4 kWh a day (239 hours at 2 kWh and one at 6 kWh over 10 days). */
  private static LiveAccount withHistory() {
    return LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open("M-1",
        AccountSetup.builder().likeDayHistory(ProjectionTest.lastCycle()).build());
  }

  private static List<LiveAlert> faults(LiveAccount a) {
    return a.alerts().stream().filter(x -> x.kind() == AlertKind.METER_FAULT).toList();
  }

  @Test
  void aFlatZeroDayIsRaisedOncePerRunOfFlatDays() {
    LiveAccount a = withHistory();
    // 1, 2 and 4 July: twelve hours of zeros, twelve at 3 kWh (36 kWh, not a low day); 3 July normal
    IntToLongFunction f = i -> {
      int day = i / 24;
      return (day == 0 || day == 1 || day == 3) && i % 24 < 12 ? 0 : 3 * KWH;
    };
    hours(a, 0, 25, f);
    assertThat(faults(a)).singleElement().isEqualTo(MeterFaultAlert.builder().accountId("M-1").asOf(day(1))
        .fault(MeterFault.FLAT_ZERO).fromInclusive(day(0)).toExclusive(day(1)).observed(Energy.ofWattHours(36_000))
        .reference(Energy.ofWattHours(48_400)).build());
    hours(a, 25, 73, f);
    assertThat(faults(a)).isEmpty(); // 2 July continues the run, 3 July ends it
    hours(a, 73, 97, f);
    assertThat(faults(a)).singleElement().satisfies(x -> {
      MeterFaultAlert m = (MeterFaultAlert) x;
      assertThat(m.fault()).isEqualTo(MeterFault.FLAT_ZERO);
      assertThat(m.fromInclusive()).isEqualTo(day(3));
    });
  }

  @Test
  void aFlatZeroDayNeedsAnAccountThatNormallyConsumes() {
    // no history and no normal day yet: the reference is unknown
    LiveAccount a = LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open("M-1");
    hours(a, 0, 49, i -> 0);
    assertThat(faults(a)).isEmpty();
  }

  @Test
  void aSustainedDropIsRaisedAfterTheConfiguredLowDays() {
    LiveAccount a = withHistory();
    // 1–4 July at 10 kWh a day (below 50% of 48.4), 5 July normal, 6–8 July low again
    IntToLongFunction f = i -> {
      int day = i / 24;
      return day < 4 || (day >= 5 && day < 8) ? KWH * 10 / 24 + (i % 24 < KWH * 10 % 24 ? 1 : 0) : 2 * KWH;
    };
    hours(a, 0, 49, f);
    assertThat(faults(a)).isEmpty();
    hours(a, 49, 73, f);
    assertThat(faults(a)).singleElement().isEqualTo(MeterFaultAlert.builder().accountId("M-1").asOf(day(3))
        .fault(MeterFault.SUSTAINED_DROP).fromInclusive(day(0)).toExclusive(day(3))
        .observed(Energy.ofWattHours(10_000)).reference(Energy.ofWattHours(48_400)).build());
    hours(a, 73, 169, f);
    assertThat(faults(a)).isEmpty(); // 4 July extends the run, 5 July is normal, 6 and 7 July are low
    hours(a, 169, 193, f);
    assertThat(faults(a)).singleElement().satisfies(x -> {
      MeterFaultAlert m = (MeterFaultAlert) x;
      assertThat(m.fault()).isEqualTo(MeterFault.SUSTAINED_DROP);
      assertThat(m.fromInclusive()).isEqualTo(day(5));
      assertThat(m.toExclusive()).isEqualTo(day(8));
    });
    hours(a, 193, 240, f);
    a.close();
    assertThat(faults(a)).isEmpty();
  }

  @Test
  void withoutHistoryTheReferenceIsTheCyclesNormalDays() {
    LiveAccount a = LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open("M-1");
    // 1 and 2 July at 2 kWh an hour (48 kWh), 3–5 July at 0.5 kWh an hour (12 kWh)
    hours(a, 0, 121, i -> i < 48 ? 2 * KWH : KWH / 2);
    assertThat(faults(a)).singleElement().isEqualTo(MeterFaultAlert.builder().accountId("M-1").asOf(day(5))
        .fault(MeterFault.SUSTAINED_DROP).fromInclusive(day(2)).toExclusive(day(5))
        .observed(Energy.ofWattHours(12_000)).reference(Energy.ofWattHours(48_000)).build());
  }

  @Test
  void alertsComeOnceAcrossPolls() {
    LiveAccount a = withHistory();
    hours(a, 0, 240, i -> i == 30 ? 9 * KWH : 3 * KWH);
    List<LiveAlert> first = a.alerts();
    assertThat(first).extracting(LiveAlert::kind).contains(AlertKind.NEW_DEMAND_PEAK, AlertKind.TIER_CROSSED,
        AlertKind.USAGE_ABOVE_LAST_CYCLE);
    a.close();
    assertThat(a.alerts()).isEmpty();
  }
}
