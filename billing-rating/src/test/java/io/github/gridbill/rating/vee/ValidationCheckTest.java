package io.github.gridbill.rating.vee;

import static io.github.gridbill.rating.vee.VeeFixtures.DAY_HOURS;
import static io.github.gridbill.rating.vee.VeeFixtures.HOUR;
import static io.github.gridbill.rating.vee.VeeFixtures.UTC;
import static io.github.gridbill.rating.vee.VeeFixtures.check;
import static io.github.gridbill.rating.vee.VeeFixtures.flatHours;
import static io.github.gridbill.rating.vee.VeeFixtures.h;
import static io.github.gridbill.rating.vee.VeeFixtures.hourlyWh;
import static io.github.gridbill.rating.vee.VeeFixtures.withEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.quantity.Unit;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.IntervalRange;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RegisterRead;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each validation check with hand-made readings and its exact finding, and each configuration rule. */
class ValidationCheckTest {

  private static IntervalRange hours(int from, int to) {
    return IntervalRange.of(from, to - from, h(from), h(to));
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  private static List<RawReading> set(List<RawReading> base, int index, RawReading r) {
    List<RawReading> out = new ArrayList<>(base);
    out.set(index, r);
    return out;
  }

  // ---------------------------------------------------------------------------------------------- negative values

  @Test
  void negativeImportIsAFailureThatRejects() {
    ValidationResult v = check(hourlyWh(500, -5, -7, 600), ValidationCheck.negativeValues());
    assertThat(v.findings()).containsExactly(Finding.builder().check(CheckId.NEGATIVE_IMPORT)
        .severity(Severity.FAILURE).rejects(true).range(hours(1, 3)).values(List.of(-5_000L, -7_000L))
        .message("negative import in 2 intervals from 2024-06-03T01:00:00Z").build());
    assertThat(v.isValid(1)).isFalse();
    assertThat(v.isRejected(2)).isTrue();
    assertThat(v.isValid(3)).isTrue();
    assertThat(v.validCount()).isEqualTo(2);
  }

  @Test
  void negativeExport() {
    ValidationResult v = check(List.of(RawReading.of(h(0), HOUR, 100, -3, Set.of())),
        ValidationCheck.negativeValues(Severity.WARNING));
    assertThat(v.findings()).first().isEqualTo(Finding.builder().check(CheckId.NEGATIVE_EXPORT)
        .severity(Severity.WARNING).range(hours(0, 1)).addValue(-3L)
        .message("negative export in interval 2024-06-03T00:00:00Z").build());
    // a WARNING does not reject, but no series can hold a negative value: the chain's last step rejects it
    assertThat(v.findings()).hasSize(2);
    assertThat(v.findings().get(1).check()).isEqualTo(CheckId.UNUSABLE_VALUE);
    assertThat(v.isValid(0)).isFalse();
  }

  // ---------------------------------------------------------------------------------------------- zero runs

  @Test
  void zeroRunLongerThanTheLimit() {
    ValidationResult v = check(hourlyWh(500, 0, 0, 0, 0, 600, 0, 0, 0, 700),
        ValidationCheck.zeroRun(Duration.ofHours(3), Severity.WARNING));
    assertThat(v.findings()).containsExactly(Finding.builder().check(CheckId.ZERO_RUN).severity(Severity.WARNING)
        .range(hours(1, 5)).threshold(Quantity.of(3, Unit.HOUR))
        .message("zero usage for PT4H (4 intervals from 2024-06-03T01:00:00Z) on an energised meter, longer than PT3H")
        .build());
  }

  @Test
  void zeroRunDuringAPowerOutageIsInfo() {
    List<RawReading> r = set(hourlyWh(500, 0, 0, 0, 0, 600), 2, withEvents(h(2), 0, MeterEvent.POWER_OUTAGE));
    ValidationResult v = check(r, ValidationCheck.zeroRun(Duration.ofHours(3), Severity.FAILURE));
    assertThat(v.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.rejects()).isFalse();
      assertThat(f.message()).endsWith("longer than PT3H, during a reported power outage");
    });
  }

  @Test
  void zeroWhileDeenergisedIsNoRunAndAMissingIntervalEndsARun() {
    VeeContext ctx = VeeContext.builder().addDeenergized(TimeSpan.of(h(1), h(5))).build();
    assertThat(check(hourlyWh(500, 0, 0, 0, 0, 600), ctx, ValidationCheck.zeroRun(Duration.ofHours(3),
        Severity.WARNING)).findings()).isEmpty();
    List<RawReading> gap = new ArrayList<>(hourlyWh(500, 0, 0, 0, 0, 0, 0, 600));
    gap.remove(3);
    assertThat(check(gap, ValidationCheck.zeroRun(Duration.ofHours(3), Severity.WARNING)).findings()).isEmpty();
  }

  @Test
  void zeroRunOfFailureRejects() {
    ValidationResult v = check(hourlyWh(500, 0, 0, 600), ValidationCheck.zeroRun(Duration.ofHours(1),
        Severity.FAILURE));
    assertThat(v.findings()).singleElement().satisfies(f -> assertThat(f.rejects()).isTrue());
    assertThat(v.isValid(1)).isFalse();
  }

  // ---------------------------------------------------------------------------------------------- limits

  @Test
  void highLimitFlagsRunsAboveTheLimitButNotAtIt() {
    ValidationResult v = check(hourlyWh(4000, 5000, 6000, 7000, 1000),
        ValidationCheck.highLimit(Power.ofWatts(5000), Severity.FAILURE));
    assertThat(v.findings()).containsExactly(Finding.builder().check(CheckId.HIGH_LIMIT).severity(Severity.FAILURE)
        .rejects(true).range(hours(2, 4)).values(List.of(6_000_000L, 7_000_000L))
        .threshold(Quantity.of(Power.ofWatts(5000)))
        .message("demand above the high limit of 5 kW in 2 intervals from 2024-06-03T02:00:00Z").build());
    assertThat(v.isValid(1)).isTrue();
    assertThat(v.isValid(2)).isFalse();
  }

  @Test
  void highLimitIsOnDemandSoAQuarterHourOf125WattHoursIs5Kilowatts() {
    IntervalGrid q = IntervalGrid.of(h(0), IntervalLength.FIFTEEN_MINUTES, 2);
    GridReadings g = GridReadings.normalize("M-1", List.of(RawReading.of(h(0), VeeFixtures.QUARTER, 1_250_000),
        RawReading.of(h(0).plusSeconds(900), VeeFixtures.QUARTER, 1_250_001)), q, UTC, NormalizationRules.defaults());
    ValidationResult v = ValidationChain.of(NormalizationRules.defaults(),
        List.of(ValidationCheck.highLimit(Power.ofWatts(5000), Severity.WARNING))).validate(g, VeeContext.empty());
    assertThat(v.findings()).singleElement().satisfies(f -> {
      assertThat(f.range().orElseThrow().firstIndex()).isEqualTo(1);
      assertThat(f.values()).containsExactly(1_250_001L);
    });
  }

  @Test
  void lowLimitFlagsEachRunBelowTheLimit() {
    ValidationResult v = check(hourlyWh(50, 100, 99), ValidationCheck.lowLimit(Power.ofWatts(100), Severity.WARNING));
    assertThat(v.findings()).extracting(Finding::message).containsExactly(
        "demand below the low limit of 0.1 kW in interval 2024-06-03T00:00:00Z",
        "demand below the low limit of 0.1 kW in interval 2024-06-03T02:00:00Z");
    assertThat(v.findings()).allSatisfy(f -> assertThat(f.check()).isEqualTo(CheckId.LOW_LIMIT));
  }

  // ---------------------------------------------------------------------------------------------- spikes

  @Test
  void spikeOverThePreviousInterval() {
    ValidationResult v = check(hourlyWh(100, 800, 100, 600),
        ValidationCheck.spikeOverPrevious(d("500"), Power.zero(), Severity.WARNING));
    // 800 after 100 is 700 % above: a spike; 600 after 100 is exactly 500 %: not a spike
    assertThat(v.findings()).containsExactly(Finding.builder().check(CheckId.SPIKE_PREVIOUS)
        .severity(Severity.WARNING).range(hours(1, 2)).values(List.of(800_000L, 100_000L))
        .threshold(Quantity.of(d("500"), Unit.PERCENT))
        .message("import of interval 2024-06-03T01:00:00Z (0.800 kWh) is 700 % above the previous valid interval"
            + " (0.100 kWh at 2024-06-03T00:00:00Z), more than 500 %")
        .build());
  }

  @Test
  void spikeBelowTheFloorIsNoSpike() {
    assertThat(check(hourlyWh(100, 800), ValidationCheck.spikeOverPrevious(d("500"), Power.ofWatts(1000),
        Severity.WARNING)).findings()).isEmpty();
  }

  @Test
  void spikeIsMeasuredAgainstThePreviousValidInterval() {
    ValidationResult v = check(hourlyWh(100, -5, 800), ValidationCheck.negativeValues(),
        ValidationCheck.spikeOverPrevious(d("500"), Power.zero(), Severity.WARNING));
    assertThat(v.findings(CheckId.SPIKE_PREVIOUS)).singleElement()
        .satisfies(f -> assertThat(f.values()).containsExactly(800_000L, 100_000L));
  }

  @Test
  void aRejectedSpikeIsNotThePreviousValidIntervalOfTheNext() {
    ValidationCheck failure = ValidationCheck.spikeOverPrevious(d("500"), Power.zero(), Severity.FAILURE);
    ValidationCheck warning = ValidationCheck.spikeOverPrevious(d("500"), Power.zero(), Severity.WARNING);
    // rejected, 800 is skipped: 790 is measured against 100 and is a spike too
    ValidationResult f = check(hourlyWh(100, 800, 790), failure);
    assertThat(f.findings()).extracting(x -> x.range().orElseThrow().firstIndex()).containsExactly(1, 2);
    assertThat(f.findings()).allSatisfy(x -> assertThat(x.rejects()).isTrue());
    // kept, 800 is the previous valid interval of 790
    assertThat(check(hourlyWh(100, 800, 790), warning).findings()).hasSize(1);
  }

  private static long[] day(long base) {
    long[] v = new long[24];
    java.util.Arrays.fill(v, base);
    return v;
  }

  @Test
  void dailySpikeHighestAgainstThirdHighest() {
    long[] v = day(500);
    v[10] = 9000;
    v[11] = 900;
    v[12] = 800;
    ValidationResult r = check(hourlyWh(v), ValidationCheck.dailySpike());
    assertThat(r.findings()).containsExactly(Finding.builder().check(CheckId.SPIKE_DAILY).severity(Severity.WARNING)
        .range(hours(10, 11)).values(List.of(9_000_000L, 800_000L)).threshold(Quantity.of(d("300"), Unit.PERCENT))
        .message("highest interval of 2024-06-03 (9.000 kWh at 2024-06-03T10:00:00Z) is 1025 % above the day's"
            + " third-highest (0.800 kWh), more than 300 %")
        .build());
  }

  @Test
  void dailySpikeAtExactlyTheThresholdOrBelowTheFloorIsNoSpike() {
    long[] v = day(500);
    v[10] = 3200;
    v[11] = 900;
    v[12] = 800;
    assertThat(check(hourlyWh(v), ValidationCheck.dailySpike()).findings()).isEmpty();
    long[] w = day(100);
    w[3] = 1900;
    assertThat(check(hourlyWh(w), ValidationCheck.dailySpike()).findings()).isEmpty();
    assertThat(check(hourlyWh(9000, 1), ValidationCheck.dailySpike()).findings()).as("fewer than 3 valid").isEmpty();
  }

  // ---------------------------------------------------------------------------------------------- history

  private static VeeContext history(long kwhPerDay) {
    return VeeContext.builder().historicalDailyUse(Energy.ofWattHours(kwhPerDay * 1000)).build();
  }

  @Test
  void usageHighAgainstTheSamePeriodLastCycle() {
    ValidationResult v = check(flatHours(24, 1000), history(10), ValidationCheck.usageAgainstHistory());
    assertThat(v.findings()).containsExactly(Finding.builder().check(CheckId.USAGE_HIGH).severity(Severity.WARNING)
        .range(hours(0, 24)).values(List.of(24_000_000L, 10_000_000L)).threshold(Quantity.of(d("100"), Unit.PERCENT))
        .message("average daily use 24.000 kWh over 24 valid intervals is 140 % above the same period last cycle"
            + " (10.000 kWh per day), more than 100 %")
        .build());
  }

  @Test
  void usageLowAgainstTheSamePeriodLastCycle() {
    ValidationResult v = check(flatHours(24, 200), history(10), ValidationCheck.usageAgainstHistory());
    assertThat(v.findings()).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(CheckId.USAGE_LOW);
      assertThat(f.values()).containsExactly(4_800_000L, 10_000_000L);
      assertThat(f.message()).isEqualTo("average daily use 4.800 kWh over 24 valid intervals is 52 % below the same"
          + " period last cycle (10.000 kWh per day), more than 50 %");
    });
  }

  @Test
  void usageIsPerDayOfValidIntervalsAndNothingWithoutHistory() {
    ValidationResult half = check(flatHours(12, 1000), history(10), ValidationCheck.usageAgainstHistory());
    assertThat(half.findings()).singleElement().satisfies(f -> assertThat(f.values()).startsWith(24_000_000L));
    assertThat(check(flatHours(24, 625), history(10), ValidationCheck.usageAgainstHistory()).findings()).isEmpty();
    assertThat(check(flatHours(24, 1000), ValidationCheck.usageAgainstHistory()).findings()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------- sum check

  private static VeeContext registers(int fromHour, String fromKwh, int toHour, String toKwh, String multiplier) {
    return VeeContext.builder().registerStart(RegisterRead.of("M-1", h(fromHour), d(fromKwh)))
        .registerEnd(RegisterRead.of("M-1", h(toHour), d(toKwh))).multiplier(d(multiplier)).build();
  }

  @Test
  void sumCheckAgainstTheRegisterDifferenceTimesTheMultiplier() {
    ValidationResult v = check(flatHours(24, 1000), registers(0, "100", 24, "112.5", "2"), ValidationCheck.sumCheck());
    assertThat(v.findings()).containsExactly(Finding.builder().check(CheckId.SUM_CHECK).severity(Severity.WARNING)
        .range(hours(0, 24)).values(List.of(24_000_000L, 25_000_000L)).threshold(Quantity.of(d("2"), Unit.PERCENT))
        .message("intervals sum to 24.000 kWh, below the register difference 25.000 kWh (multiplier 2) by 1.000 kWh,"
            + " more than the 2 % tolerance")
        .build());
  }

  @Test
  void sumCheckWithinToleranceAndOverPartOfTheWindow() {
    assertThat(check(flatHours(24, 1030), registers(0, "100", 24, "112.5", "2"), ValidationCheck.sumCheck())
        .findings()).isEmpty();
    VeeContext rolled = VeeContext.builder().registerStart(RegisterRead.of("M-1", h(6), d("99999")))
        .registerEnd(RegisterRead.of("M-1", h(18), d("11"))).registerDigits(5).build();
    ValidationResult part = check(flatHours(24, 1000), rolled, ValidationCheck.sumCheck(BigDecimal.ZERO,
        Severity.FAILURE));
    // 12 hours of 1 kWh against a register that rolled over at 100000: 12 kWh exactly
    assertThat(part.findings()).isEmpty();
  }

  @Test
  void sumCheckWithMissingIntervalsReportsWhatItCouldSumAtInfo() {
    ValidationResult v = check(flatHours(23, 1000), registers(0, "100", 24, "112.5", "2"), ValidationCheck.sumCheck());
    assertThat(v.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.message()).isEqualTo("sum check over 23 of 24 intervals: 23.000 kWh against the register"
          + " difference 25.000 kWh (multiplier 2); the 1 missing or rejected intervals are left to estimation");
    });
  }

  // ---------------------------------------------------------------------------------------------- reverse flow

  @Test
  void reverseFlowOnAMeterWithoutGeneration() {
    List<RawReading> r = set(flatHours(5, 100), 3, RawReading.of(h(3), HOUR, 0, 200_000, Set.of()));
    assertThat(check(r, ValidationCheck.reverseFlow()).findings()).containsExactly(Finding.builder()
        .check(CheckId.REVERSE_FLOW).severity(Severity.WARNING).range(hours(3, 4)).addValue(200_000L)
        .message("export on a meter without generation in interval 2024-06-03T03:00:00Z").build());
    assertThat(check(r, VeeContext.builder().hasGeneration(true).build(), ValidationCheck.reverseFlow()).findings())
        .isEmpty();
  }

  // ---------------------------------------------------------------------------------------------- meter events

  @Test
  void meterEventsAreCarriedThroughAtTheirSeverities() {
    List<RawReading> r = new ArrayList<>(flatHours(10, 100));
    r.set(0, withEvents(h(0), 100_000, MeterEvent.POWER_OUTAGE));
    r.set(1, withEvents(h(1), 100_000, MeterEvent.POWER_OUTAGE));
    r.set(5, withEvents(h(5), 100_000, MeterEvent.TAMPER));
    r.set(7, withEvents(h(7), 999_000, MeterEvent.OVERFLOW));
    r.set(9, withEvents(h(9), 100_000, MeterEvent.CLOCK_RESET));
    ValidationResult v = check(r, ValidationCheck.meterEvents());
    assertThat(v.findings()).containsExactly(
        Finding.builder().check(CheckId.EVENT_POWER_OUTAGE).severity(Severity.INFO).range(hours(0, 2))
            .values(List.of(100_000L, 100_000L))
            .message("meter reported power outage in 2 intervals from 2024-06-03T00:00:00Z").build(),
        Finding.builder().check(CheckId.EVENT_CLOCK_RESET).severity(Severity.WARNING).range(hours(9, 10))
            .addValue(100_000L).message("meter reported clock reset in interval 2024-06-03T09:00:00Z").build(),
        Finding.builder().check(CheckId.EVENT_TAMPER).severity(Severity.WARNING).range(hours(5, 6))
            .addValue(100_000L).message("meter reported tamper in interval 2024-06-03T05:00:00Z").build(),
        Finding.builder().check(CheckId.EVENT_OVERFLOW).severity(Severity.FAILURE).rejects(true).range(hours(7, 8))
            .addValue(999_000L).message("meter reported overflow in interval 2024-06-03T07:00:00Z").build());
    assertThat(v.isValid(7)).isFalse();
    assertThat(v.isValid(0)).isTrue();
    assertThat(check(r, ValidationCheck.meterEvents(Map.of(MeterEvent.TAMPER, Severity.FAILURE))).findings())
        .singleElement().satisfies(f -> assertThat(f.check()).isEqualTo(CheckId.EVENT_TAMPER));
  }

  // ---------------------------------------------------------------------------------------------- the chain

  @Test
  void valuesNoSeriesCanHoldAreAlwaysRejected() {
    ValidationResult v = check(hourlyWh(-5, 1));
    assertThat(v.findings()).containsExactly(Finding.builder().check(CheckId.UNUSABLE_VALUE)
        .severity(Severity.FAILURE).rejects(true).range(hours(0, 1)).values(List.of(-5_000L, 0L))
        .message("interval 2024-06-03T00:00:00Z holds import -5000 mWh and export 0 mWh, outside 0 to the sane"
            + " maximum of 100000000000 mWh that a series can hold: rejected")
        .build());
  }

  @Test
  void standardChainFindsNothingInCleanDataAndNamesItsChecks() {
    ValidationChain c = ValidationChain.standard();
    assertThat(c.validate(VeeFixtures.grid(flatHours(24, 500)), VeeContext.empty()).findings()).isEmpty();
    assertThat(c.checks()).extracting(ValidationCheck::toString).containsExactly(
        "missing-intervals(WARNING)", "negative-values(FAILURE)",
        "meter-events({POWER_OUTAGE=INFO, CLOCK_RESET=WARNING, TAMPER=WARNING, OVERFLOW=FAILURE})",
        "high-limit(100000 kW, FAILURE)", "reverse-flow(WARNING)", "spike-previous(1000 %, floor 2 kW, WARNING)",
        "spike-daily(300 %, floor 2 kW, WARNING)", "zero-run(longer than PT24H, WARNING)",
        "usage-against-history(+100 %, -50 %, WARNING)", "sum-check(2 %, WARNING)");
  }

  @Test
  void normalisationFindingsComeFirst() {
    List<RawReading> r = new ArrayList<>(hourlyWh(500, -1));
    r.add(RawReading.of(h(0), HOUR, 500_000));
    ValidationResult v = check(r, ValidationCheck.negativeValues());
    assertThat(v.findings()).extracting(Finding::check).containsExactly(CheckId.DUPLICATE_IDENTICAL,
        CheckId.NEGATIVE_IMPORT);
  }

  // ---------------------------------------------------------------------------------------------- configuration

  @Test
  void percentMustBePositive() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ValidationCheck.spikeOverPrevious(BigDecimal.ZERO, Power.zero(), Severity.WARNING))
        .withMessage("percent must be positive: 0");
  }

  @Test
  void percentHasAtMostTwoDecimals() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ValidationCheck.dailySpike(d("12.345"), Power.zero(), Severity.WARNING))
        .withMessage("percent must have at most 2 decimals: 12.345");
  }

  @Test
  void percentHasAnUpperBound() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ValidationCheck.dailySpike(d("1000001"), Power.zero(), Severity.WARNING))
        .withMessage("percent must not exceed 1000000: 1000001");
  }

  @Test
  void lowPercentIsAtMost100() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ValidationCheck.usageAgainstHistory(d("100"), d("101"), Severity.WARNING))
        .withMessage("lowPercent must not exceed 100: 101");
  }

  @Test
  void highPercentMustBePositive() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ValidationCheck.usageAgainstHistory(d("-1"), d("50"), Severity.WARNING))
        .withMessage("highPercent must be positive: -1");
  }

  @Test
  void sumToleranceMustNotBeNegative() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ValidationCheck.sumCheck(d("-0.5"), Severity.WARNING))
        .withMessage("tolerancePercent must not be negative: -0.5");
  }

  @Test
  void zeroRunLimitMustBePositive() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ValidationCheck.zeroRun(Duration.ZERO, Severity.WARNING))
        .withMessage("longerThan must be positive: PT0S");
  }

  @Test
  void highLimitMustBePositive() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ValidationCheck.highLimit(Power.zero(), Severity.WARNING))
        .withMessage("max must be positive: 0 kW");
  }

  @Test
  void lowLimitMustNotBeNegative() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ValidationCheck.lowLimit(Power.ofWatts(-1), Severity.WARNING))
        .withMessage("min must not be negative: -0.001 kW");
  }

  @Test
  void spikeFloorMustNotBeNegative() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ValidationCheck.spikeOverPrevious(d("10"), Power.ofWatts(-1), Severity.WARNING))
        .withMessage("floor must not be negative: -0.001 kW");
  }

  @Test
  void registerReadsComeInPairs() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> VeeContext.builder().registerStart(RegisterRead.of("M-1", h(0), 1)).build())
        .withMessage("registerEnd must be given together with registerStart: null");
  }

  @Test
  void registerReadsInTimeOrder() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> registers(5, "1", 2, "2", "1"))
        .withMessage("to.readAt must be after from.readAt 2024-06-03T05:00:00Z: 2024-06-03T02:00:00Z");
  }

  @Test
  void registerDigitsInRange() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> VeeContext.builder().registerDigits(0).build())
        .withMessage("registerDigits must be 1 to 12: 0");
  }

  @Test
  void multiplierMustBePositive() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> VeeContext.builder().multiplier(BigDecimal.ZERO).build())
        .withMessage("multiplier must be positive: 0");
  }

  @Test
  void historicalDailyUseMustNotBeNegative() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> VeeContext.builder().historicalDailyUse(Energy.ofWattHours(-1)).build())
        .withMessage("historicalDailyUse must not be negative: -0.001 kWh");
  }

  @Test
  void registerReadOffAnIntervalBoundaryIsRefusedBeforeAnyCheckRuns() {
    VeeContext ctx = VeeContext.builder().registerStart(RegisterRead.of("M-1", h(0).plusSeconds(1800), 1))
        .registerEnd(RegisterRead.of("M-1", h(3), 2)).build();
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> check(flatHours(24, 1), ctx, ValidationCheck.sumCheck()))
        .withMessage("registerStart.readAt must be an interval boundary of the window 24 × 60 min from"
            + " 2024-06-03T00:00:00Z: 2024-06-03T00:30:00Z");
  }

  @Test
  void registerReadOfAnotherMeterIsRefused() {
    VeeContext ctx = VeeContext.builder().registerStart(RegisterRead.of("M-2", h(0), 1))
        .registerEnd(RegisterRead.of("M-2", h(3), 2)).build();
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> check(flatHours(24, 1), ctx, ValidationCheck.sumCheck()))
        .withMessage("registerStart.meterId must be the meter validated, M-1: M-2");
  }

  @Test
  void historyOfAnotherIntervalLengthIsRefused() {
    IntervalSeries q = IntervalSeries.ofImports("M-1", IntervalGrid.of(h(-1), IntervalLength.FIFTEEN_MINUTES, 4),
        new long[4]);
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> check(flatHours(24, 1), VeeContext.builder().history(q).build()))
        .withMessage("history.intervalLength must equal the window's interval length of 60 minutes: 15 minutes");
  }

  @Test
  void averageDailyUseOfAllMissingHistoryIsRefused() {
    IntervalSeries none = IntervalSeries.builder("M-1", DAY_HOURS).imports(new long[24]).quality(missing(24)).build();
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> VeeContext.averageDailyUse(none))
        .withMessageStartingWith("series must have at least one interval that is not missing: ");
  }

  private static byte[] missing(int n) {
    byte[] q = new byte[n];
    java.util.Arrays.fill(q, io.github.gridbill.rating.ReadingQuality.MISSING.code());
    return q;
  }
}
