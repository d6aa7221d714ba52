package io.github.gridbill.rating.live;

import static io.github.gridbill.rating.live.LiveFixtures.H;
import static io.github.gridbill.rating.live.LiveFixtures.KWH;
import static io.github.gridbill.rating.live.LiveFixtures.hour;
import static io.github.gridbill.rating.live.LiveFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** One test per validation rule of the live API: exact type and message, and nothing changed. */
class LiveValidationTest {

  private static void refused(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isExactlyInstanceOf(ValidationException.class).hasMessage(message);
  }

  private static LiveAccount account() {
    return LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 2).open("M-1");
  }

  // options

  @Test
  void latenessMustNotBeNegative() {
    refused(() -> LiveOptions.builder().lateness(Duration.ofHours(-1)).build(),
        "lateness must be from zero to PT168H: PT-1H");
  }

  @Test
  void latenessMustNotExceedAWeek() {
    refused(() -> LiveOptions.builder().lateness(Duration.ofDays(8)).build(),
        "lateness must be from zero to PT168H: PT192H");
  }

  @Test
  void defaultThresholdMustNotBeNegative() {
    refused(() -> LiveOptions.builder().defaultBillThreshold(usd("-1.00")).build(),
        "defaultBillThreshold must not be negative: USD -1.00");
  }

  @Test
  void usageIncreasePercentMustBePositive() {
    refused(() -> LiveOptions.builder().usageIncreasePercent(BigDecimal.ZERO).build(),
        "usageIncreasePercent must be positive: 0");
  }

  @Test
  void flatZeroHoursMustBeOneTo24() {
    refused(() -> LiveOptions.builder().flatZeroHours(25).build(), "flatZeroHours must be 1 to 24: 25");
  }

  @Test
  void normalDailyUseMustNotBeNegative() {
    refused(() -> LiveOptions.builder().normalDailyUse(Energy.ofWattHours(-1)).build(),
        "normalDailyUse must not be negative: " + Energy.ofWattHours(-1));
  }

  @Test
  void dropPercentMustBeBetween0And100() {
    refused(() -> LiveOptions.builder().dropPercent(BigDecimal.valueOf(100)).build(),
        "dropPercent must be above 0 and below 100: 100");
  }

  @Test
  void dropPercentMustHaveAtMostTwoDecimals() {
    refused(() -> LiveOptions.builder().dropPercent(new BigDecimal("12.345")).build(),
        "dropPercent must have at most two decimals: 12.345");
  }

  @Test
  void dropDaysMustBeAtLeastOne() {
    refused(() -> LiveOptions.builder().dropDays(0).build(), "dropDays must be at least 1: 0");
  }

  @Test
  void maxDemandMustBePositive() {
    refused(() -> LiveOptions.builder().maxDemand(Power.zero()).build(), "maxDemand must be positive: " + Power.zero());
  }

  @Test
  void latenessMustBeWholeIntervals() {
    refused(() -> LiveRater.of(LiveFixtures.plan(LiveFixtures.tiersAndDemand()),
        LiveOptions.builder().lateness(Duration.ofMinutes(90)).build()),
        "options.lateness must be a whole number of the plan's 60-minute intervals: PT1H30M");
  }

  @Test
  void defaultThresholdMustBeInTheTariffsCurrency() {
    refused(() -> LiveRater.of(LiveFixtures.plan(LiveFixtures.tiersAndDemand()),
        LiveOptions.builder().defaultBillThreshold(Money.parse("EUR 10.00")).build()),
        "options.defaultBillThreshold must be in the tariff's currency USD: EUR 10.00");
  }

  // setup

  @Test
  void accountIdMustNotBeBlank() {
    refused(() -> LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open(" "), "accountId must not be blank: \" \"");
  }

  @Test
  void billingStateMustFollowOn() {
    BillingState s = BillingState.builder().lastPeriodEnd(LocalDate.of(2024, 6, 30)).build();
    refused(() -> LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open("M-1",
        AccountSetup.builder().billingState(s).build()),
        "setup.billingState.lastPeriodEnd must equal the cycle's start 2024-07-01 (bills must follow on; use "
            + "BillingState.initial() for a new account): 2024-06-30");
  }

  @Test
  void accountThresholdMustNotBeNegative() {
    refused(() -> AccountSetup.builder().billThreshold(usd("-0.01")).build(),
        "billThreshold must not be negative: USD -0.01");
  }

  @Test
  void accountThresholdMustBeInTheTariffsCurrency() {
    refused(() -> LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open("M-1",
        AccountSetup.builder().billThreshold(Money.parse("GBP 5.00")).build()),
        "setup.billThreshold must be in the tariff's currency USD: GBP 5.00");
  }

  private static IntervalSeries quarterHours(int n) {
    return IntervalSeries.ofImports("M-1", IntervalGrid.of(hour(0).minusSeconds(900L * n),
        IntervalLength.FIFTEEN_MINUTES, n), new long[n]);
  }

  @Test
  void likeDayHistoryMustHaveThePlansIntervalLength() {
    refused(() -> LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open("M-1", AccountSetup.builder()
        .likeDayHistory(LikeDayHistory.of(quarterHours(4), Period.ofDays(7))).build()),
        "setup.likeDayHistory.series must have the plan's interval length of 60 minutes: 15 minutes");
  }

  @Test
  void demandResponseHistoryMustHaveThePlansIntervalLength() {
    refused(() -> LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open("M-1", AccountSetup.builder()
        .demandResponseHistory(quarterHours(4)).build()),
        "setup.demandResponseHistory must have the plan's interval length of 60 minutes: 15 minutes");
  }

  @Test
  void demandResponseHistoryMustEndWhereTheCycleStarts() {
    IntervalGrid g = IntervalGrid.of(hour(0).minusSeconds(7200), H, 1);
    refused(() -> LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open("M-1", AccountSetup.builder()
        .demandResponseHistory(IntervalSeries.ofImports("M-1", g, new long[1])).build()),
        "setup.demandResponseHistory must end where the cycle starts, 2024-07-01T00:00:00Z: " + g);
  }

  @Test
  void lookbackMustBePositive() {
    refused(() -> LikeDayHistory.of(quarterHours(4), Period.ZERO), "lookback must be positive in every unit: P0D");
  }

  @Test
  void lookbackMustNotMixSigns() {
    refused(() -> LikeDayHistory.of(quarterHours(4), Period.of(0, 1, -3)),
        "lookback must be positive in every unit: P1M-3D");
  }

  @Test
  void likeDayHistoryMustHoldAnInterval() {
    refused(() -> LikeDayHistory.of(quarterHours(0), Period.ofDays(7)),
        "series must hold at least one interval: " + quarterHours(0));
  }

  // readings

  @Test
  void readingImportMustNotBeNegative() {
    refused(() -> LiveReading.of(hour(0), -1, 0), "importMwh must not be negative: -1");
  }

  @Test
  void readingExportMustNotBeNegative() {
    refused(() -> LiveReading.of(hour(0), 0, -2), "exportMwh must not be negative: -2");
  }

  @Test
  void readingMustNotBeMissing() {
    refused(() -> LiveReading.builder().intervalStart(hour(0)).importMwh(0).exportMwh(0)
        .quality(ReadingQuality.MISSING).build(),
        "quality must not be MISSING (a missing interval is not a reading): MISSING");
  }

  @Test
  void indexMustBeInsideTheCycle() {
    LiveAccount a = account();
    refused(() -> a.ingest(240, KWH, 0), "index must be an interval of the cycle, 0 to 239: 240");
    assertThat(a.intervalsReceived()).isZero();
  }

  @Test
  void ingestedImportMustNotBeNegative() {
    refused(() -> account().ingest(0, -5, 0), "importMwh must not be negative: -5");
  }

  @Test
  void ingestedExportMustNotBeNegative() {
    refused(() -> account().ingest(hour(0), 0, -5), "exportMwh must not be negative: -5");
  }

  @Test
  void ingestedValueMustNotExceedTheSaneMaximum() {
    refused(() -> account().ingest(0, 100_000_000_001L, 0),
        "importMwh must not exceed the sane maximum of 100000000000 mWh per interval (" + Power.ofWatts(100_000_000L)
            + "): 100000000001");
  }

  @Test
  void intervalStartMustBeInsideTheCycle() {
    refused(() -> account().ingest(hour(0).minusSeconds(3600), KWH, 0),
        "intervalStart must be inside the cycle [2024-07-01T00:00:00Z, 2024-07-11T00:00:00Z): 2024-06-30T23:00:00Z");
  }

  @Test
  void intervalStartMustBeOnTheGrid() {
    refused(() -> account().ingest(hour(3).plusSeconds(900), KWH, 0),
        "intervalStart must be on the cycle's 60-minute grid from 2024-07-01T00:00:00Z: 2024-07-01T03:15:00Z");
  }

  @Test
  void aBatchIsValidatedBeforeAnyReadingIsApplied() {
    LiveAccount a = account();
    refused(() -> a.ingestAll(List.of(LiveReading.of(hour(0), KWH, 0), LiveReading.of(hour(1).plusSeconds(60), KWH,
        0))), "readings[1].intervalStart must be on the cycle's 60-minute grid from 2024-07-01T00:00:00Z: "
            + "2024-07-01T01:01:00Z");
    assertThat(a.intervalsReceived()).isZero();
  }

  @Test
  void aSeriesMustHaveThePlansIntervalLength() {
    refused(() -> account().ingestAll(IntervalSeries.ofImports("M-1", IntervalGrid.of(hour(0),
        IntervalLength.FIFTEEN_MINUTES, 4), new long[4])),
        "series.intervalLength must equal the plan's interval length of 60 minutes: 15 minutes");
  }

  @Test
  void aSeriesMustEndByTheCyclesEnd() {
    IntervalGrid g = IntervalGrid.of(hour(239), H, 2);
    LiveAccount a = account();
    refused(() -> a.ingestAll(IntervalSeries.ofImports("M-1", g, new long[2])),
        "series must end by the cycle's end 2024-07-11T00:00:00Z: " + g);
    assertThat(a.intervalsReceived()).isZero();
  }
}
