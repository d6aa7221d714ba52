package io.github.gridbill.rating.vee;

import static io.github.gridbill.rating.vee.VeeFixtures.DAY_HOURS;
import static io.github.gridbill.rating.vee.VeeFixtures.HOUR;
import static io.github.gridbill.rating.vee.VeeFixtures.UTC;
import static io.github.gridbill.rating.vee.VeeFixtures.h;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.HolidayCalendar;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.GapFill;
import io.github.gridbill.rating.IntervalRange;
import io.github.gridbill.rating.IntervalReadings;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
import io.github.gridbill.rating.RegisterRead;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Each estimation method with hand-made data: the values, quality, method and basis it gives. */
class EstimationTest {
  private static final LocalDate MONDAY = LocalDate.of(2024, 6, 3);
  private static final LocalDate MEMORIAL_DAY = LocalDate.of(2024, 5, 27);

  /** Hourly readings of the window day, {@code wh(hour)} Wh, without the hours listed. */
  private static List<RawReading> dayWithout(BiFunction<LocalDate, Integer, Long> wh, int... skip) {
    List<RawReading> out = new ArrayList<>();
    outer:
    for (int hr = 0; hr < 24; hr++) {
      for (int s : skip) {
        if (s == hr) {
          continue outer;
        }
      }
      out.add(RawReading.of(h(hr), HOUR, wh.apply(MONDAY, hr) * 1000));
    }
    return out;
  }

  /** Each day's value identifies it: day of month × 100 + hour, in Wh. */
  private static long dayValue(LocalDate d, int hour) {
    return d.getDayOfMonth() * 100L + hour;
  }

  /** Hourly history of the 28 days before the window, valued by {@link #dayValue}; ESTIMATED where asked. */
  private static IntervalSeries history(LocalDate... estimatedDays) {
    LocalDate from = MONDAY.minusDays(28);
    IntervalGrid g = IntervalGrid.forPeriod(BillingPeriod.of(from, MONDAY, UTC), IntervalLength.SIXTY_MINUTES);
    long[] v = new long[g.count()];
    byte[] q = new byte[g.count()];
    byte[] m = new byte[g.count()];
    for (int i = 0; i < v.length; i++) {
      Instant t = g.intervalStart(i);
      LocalDate d = t.atZone(UTC).toLocalDate();
      v[i] = dayValue(d, t.atZone(UTC).getHour()) * 1000;
      for (LocalDate e : estimatedDays) {
        if (e.equals(d) && t.atZone(UTC).getHour() == 5) {
          q[i] = ReadingQuality.ESTIMATED.code();
          m[i] = EstimationMethod.LINEAR_INTERPOLATION.code();
        }
      }
    }
    return IntervalSeries.builder("M-1", g).imports(v).quality(q).methods(m).build();
  }

  private static Vee vee(DayCalendar calendar, EstimationStep... steps) {
    return Vee.builder(UTC).calendar(calendar).plan(EstimationPlan.of(List.of(steps))).build();
  }

  private static Vee vee(EstimationStep... steps) {
    return vee(DayCalendar.standard(), steps);
  }

  private static IntervalRange hours(int from, int to) {
    return IntervalRange.of(from, to - from, h(from), h(to));
  }

  private static long[] imports(IntervalSeries s, int from, int to) {
    long[] out = new long[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = s.importAt(i);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------- linear

  @Test
  void aWindowOfMoreIntervalsThanASeriesHoldsIsRefused() {
    // 2^24 + 1 one-minute intervals: VEE keeps per-interval arrays for the window, which used to be allocated anyway
    IntervalGrid window = IntervalGrid.of(Instant.parse("2024-01-01T00:00:00Z"), IntervalLength.ONE_MINUTE,
        (1 << 24) + 1);
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Vee.standard(UTC).run("M-1", List.of(), window, VeeContext.empty()))
        .withMessage("window must hold at most 16777216 intervals: 16777217 × 1 min from 2024-01-01T00:00:00Z");
  }

  @Test
  void linearInterpolationFillsAGapOnTheStraightLine() {
    List<RawReading> r = dayWithout((d, hr) -> hr == 12 ? 800L : 400L, 9, 10, 11);
    VeeResult res = vee(EstimationStep.linearInterpolation(Duration.ofHours(3))).run("M-1", r, DAY_HOURS,
        VeeContext.empty());
    IntervalSeries s = res.series();
    assertThat(imports(s, 8, 13)).containsExactly(400_000, 500_000, 600_000, 700_000, 800_000);
    assertThat(s.quality(9)).isEqualTo(ReadingQuality.ESTIMATED);
    assertThat(s.method(10)).isEqualTo(EstimationMethod.LINEAR_INTERPOLATION);
    assertThat(s.quality(8)).isEqualTo(ReadingQuality.ACTUAL);
    assertThat(res.estimations()).containsExactly(EstimationRecord.of(hours(9, 12), ReadingQuality.ESTIMATED,
        EstimationMethod.LINEAR_INTERPOLATION,
        "linear between 0.400 kWh at 2024-06-03T08:00:00Z and 0.800 kWh at 2024-06-03T12:00:00Z"));
    assertThat(res.isComplete()).isTrue();
  }

  @Test
  void linearInterpolationGivesWhatGapFillGivesOnTheSameGap() {
    long[] wh = {1, 7, 0, 0, 0, 0, 3, 1000, 0, 999};
    IntervalReadings ir = IntervalReadings.forMeter("M-1", IntervalLength.SIXTY_MINUTES);
    List<RawReading> raw = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      long v = i < wh.length ? wh[i] * 1000 + 17 : 5;
      if ((i >= 2 && i <= 5) || i == 8) {
        continue;
      }
      ir.add(h(i), v);
      raw.add(RawReading.of(h(i), HOUR, v));
    }
    IntervalSeries viaGapFill = ir.toSeries(BillingPeriod.of(MONDAY, MONDAY.plusDays(1), UTC),
        GapFill.linear(Duration.ofHours(4)));
    IntervalSeries viaVee = vee(EstimationStep.linearInterpolation(Duration.ofHours(4))).run("M-1", raw, DAY_HOURS,
        VeeContext.empty()).series();
    assertThat(viaVee.importsCopy()).containsExactly(viaGapFill.importsCopy());
  }

  @Test
  void aGapLongerThanTheDefaultHourIsLeftMissing() {
    List<RawReading> r = dayWithout((d, hr) -> 400L, 9, 10);
    VeeResult res = vee(EstimationStep.linearInterpolation()).run("M-1", r, DAY_HOURS, VeeContext.empty());
    assertThat(res.isComplete()).isFalse();
    assertThat(res.series().quality(9)).isEqualTo(ReadingQuality.MISSING);
    assertThat(res.findings(CheckId.NOT_ESTIMATED)).containsExactly(Finding.builder().check(CheckId.NOT_ESTIMATED)
        .severity(Severity.WARNING).range(hours(9, 11))
        .message("2 intervals from 2024-06-03T09:00:00Z could not be estimated by [linear-interpolation(up to PT1H)]:"
            + " still MISSING")
        .build());
  }

  @Test
  void aGapAtTheWindowStartUsesTheHistoryOnTheLeft() {
    List<RawReading> r = dayWithout((d, hr) -> 2800L, 0);
    VeeResult withHistory = vee(EstimationStep.linearInterpolation()).run("M-1", r, DAY_HOURS,
        VeeContext.builder().history(history()).build());
    // the history's last hour (2024-06-02 23:00) is 2 × 100 + 23 = 223 Wh
    assertThat(withHistory.series().importAt(0)).isEqualTo((223_000 + 2_800_000 + 1) / 2);
    VeeResult without = vee(EstimationStep.linearInterpolation()).run("M-1", r, DAY_HOURS, VeeContext.empty());
    assertThat(without.series().quality(0)).isEqualTo(ReadingQuality.MISSING);
  }

  // ---------------------------------------------------------------------------------------------- like day

  @Test
  void likeDayCopiesTheSameWeekdayAWeekBack() {
    List<RawReading> r = dayWithout(EstimationTest::dayValue, 9, 10, 11);
    VeeResult res = vee(EstimationStep.likeDay()).run("M-1", r, DAY_HOURS,
        VeeContext.builder().history(history()).build());
    assertThat(imports(res.series(), 9, 12)).containsExactly(2_709_000, 2_710_000, 2_711_000);
    assertThat(res.estimations()).containsExactly(EstimationRecord.of(hours(9, 12), ReadingQuality.SUBSTITUTED,
        EstimationMethod.LIKE_DAY, "like day 2024-05-27 (monday)"));
  }

  @Test
  void likeDaySkipsHolidays() {
    List<RawReading> r = dayWithout(EstimationTest::dayValue, 9);
    VeeResult res = vee(DayCalendar.standard(HolidayCalendar.nerc()), EstimationStep.likeDay()).run("M-1", r,
        DAY_HOURS, VeeContext.builder().history(history()).build());
    assertThat(res.series().importAt(9)).isEqualTo(2_009_000);
    assertThat(res.estimations()).singleElement().satisfies(e -> assertThat(e.basis())
        .isEqualTo("like day 2024-05-20 (monday)"));
  }

  @Test
  void likeDaySkipsEventDaysAndAlreadyEstimatedDays() {
    List<RawReading> r = dayWithout(EstimationTest::dayValue, 9);
    VeeResult event = vee(EstimationStep.likeDay()).run("M-1", r, DAY_HOURS,
        VeeContext.builder().history(history()).addEventDay(MEMORIAL_DAY).build());
    assertThat(event.series().importAt(9)).isEqualTo(2_009_000);
    VeeResult estimated = vee(EstimationStep.likeDay()).run("M-1", r, DAY_HOURS,
        VeeContext.builder().history(history(MEMORIAL_DAY, LocalDate.of(2024, 5, 20))).build());
    assertThat(estimated.series().importAt(9)).isEqualTo(1_309_000);
  }

  @Test
  void likeDayLooksBackOnlyTheConfiguredWeeks() {
    List<RawReading> r = dayWithout(EstimationTest::dayValue, 9);
    VeeResult res = vee(EstimationStep.likeDay(1)).run("M-1", r, DAY_HOURS,
        VeeContext.builder().history(history(MEMORIAL_DAY)).build());
    assertThat(res.series().quality(9)).isEqualTo(ReadingQuality.MISSING);
  }

  @Test
  void aDayInTheWindowWithAPowerOutageIsNoLikeDay() {
    // a two-week window: the second Monday's gap looks at the first Monday, which had an outage
    IntervalGrid twoWeeks = IntervalGrid.of(h(0), IntervalLength.SIXTY_MINUTES, 24 * 14);
    List<RawReading> r = new ArrayList<>();
    for (int i = 0; i < twoWeeks.count(); i++) {
      if (i == 24 * 7 + 9) {
        continue;
      }
      Set<MeterEvent> ev = i == 3 ? Set.of(MeterEvent.POWER_OUTAGE) : Set.of();
      r.add(RawReading.of(twoWeeks.intervalStart(i), HOUR, 1000L + i, 0, ev));
    }
    VeeResult res = vee(EstimationStep.likeDay()).run("M-1", r, twoWeeks,
        VeeContext.builder().history(history()).build());
    assertThat(res.series().importAt(24 * 7 + 9)).isEqualTo(2_709_000);
    List<RawReading> clean = new ArrayList<>(r);
    clean.set(3, RawReading.of(twoWeeks.intervalStart(3), HOUR, 1003));
    assertThat(vee(EstimationStep.likeDay()).run("M-1", clean, twoWeeks,
        VeeContext.builder().history(history()).build()).series().importAt(24 * 7 + 9)).isEqualTo(1009);
  }

  // ---------------------------------------------------------------------------------------------- average

  @Test
  void averageOfTheThreeMostRecentLikeDays() {
    List<RawReading> r = dayWithout(EstimationTest::dayValue, 9, 10);
    VeeResult res = vee(EstimationStep.averageOfLikeDays()).run("M-1", r, DAY_HOURS,
        VeeContext.builder().history(history()).build());
    // weekdays before Monday 3 June: Friday 31, Thursday 30, Wednesday 29 May
    assertThat(imports(res.series(), 9, 11)).containsExactly(3_009_000, 3_010_000);
    assertThat(res.estimations()).containsExactly(EstimationRecord.of(hours(9, 11), ReadingQuality.ESTIMATED,
        EstimationMethod.AVERAGE_OF_LIKE_DAYS, "average of 3 like days: [2024-05-31, 2024-05-30, 2024-05-29]"));
  }

  @Test
  void averageRoundsHalfUpAndNeedsEnoughLikeDays() {
    List<RawReading> r = dayWithout(EstimationTest::dayValue, 9);
    VeeResult two = vee(EstimationStep.averageOfLikeDays(2, 7)).run("M-1", r, DAY_HOURS,
        VeeContext.builder().history(history()).build());
    // (3109 + 3009) / 2 Wh = 3059 Wh exactly; with 4 days: (3109 + 3009 + 2909 + 2809) / 4 = 2959 Wh
    assertThat(two.series().importAt(9)).isEqualTo(3_059_000);
    VeeResult tooFew = vee(EstimationStep.averageOfLikeDays(5, 5)).run("M-1", r, DAY_HOURS,
        VeeContext.builder().history(history()).build());
    assertThat(tooFew.series().quality(9)).isEqualTo(ReadingQuality.MISSING);
  }

  @Test
  void aHolidayIsEstimatedFromWeekendDays() {
    // Memorial Day 2024-05-27 as the window; its like days are the weekend days before it
    IntervalGrid day = IntervalGrid.forPeriod(BillingPeriod.of(MEMORIAL_DAY, MEMORIAL_DAY.plusDays(1), UTC),
        IntervalLength.SIXTY_MINUTES);
    List<RawReading> r = new ArrayList<>();
    for (int i = 1; i < 24; i++) {
      r.add(RawReading.of(day.intervalStart(i), HOUR, 1));
    }
    IntervalSeries hist = history().slice(IntervalGrid.forPeriod(BillingPeriod.of(LocalDate.of(2024, 5, 6),
        MEMORIAL_DAY, UTC), IntervalLength.SIXTY_MINUTES));
    VeeResult res = vee(DayCalendar.standard(HolidayCalendar.nerc()), EstimationStep.averageOfLikeDays(2, 7))
        .run("M-1", r, day, VeeContext.builder().history(hist).build());
    assertThat(res.series().importAt(0)).isEqualTo((2_600_000 + 2_500_000) / 2);
    assertThat(res.estimations().get(0).basis()).isEqualTo("average of 2 like days: [2024-05-26, 2024-05-25]");
  }

  // ---------------------------------------------------------------------------------------------- zero

  @Test
  void zeroForADeenergisedMeterComesBeforeAnyGuess() {
    List<RawReading> r = dayWithout((d, hr) -> 500L, 2, 3, 4, 5);
    VeeResult res = Vee.standard(UTC).run("M-1", r, DAY_HOURS,
        VeeContext.builder().addDeenergized(TimeSpan.of(h(2), h(6))).build());
    assertThat(imports(res.series(), 2, 6)).containsExactly(0, 0, 0, 0);
    assertThat(res.estimations()).containsExactly(EstimationRecord.of(hours(2, 6), ReadingQuality.ESTIMATED,
        EstimationMethod.ZERO_DEENERGISED, "meter de-energised"));
    assertThat(res.findings()).extracting(Finding::check).containsExactly(CheckId.MISSING_INTERVALS);
  }

  // ---------------------------------------------------------------------------------------------- scaling

  private static VeeContext registerDay(String endKwh) {
    return VeeContext.builder().registerStart(RegisterRead.of("M-1", h(0), new BigDecimal("1000")))
        .registerEnd(RegisterRead.of("M-1", h(24), new BigDecimal(endKwh))).build();
  }

  @Test
  void registerScalingMakesTheEstimatesMeetTheRegisterDifference() {
    List<RawReading> r = dayWithout((d, hr) -> 1000L, 9, 10, 11);
    VeeResult res = vee(EstimationStep.linearInterpolation(Duration.ofHours(3)), EstimationStep.registerScaling())
        .run("M-1", r, DAY_HOURS, registerDay("1025.5"));
    assertThat(imports(res.series(), 9, 12)).containsExactly(1_500_000, 1_500_000, 1_500_000);
    assertThat(res.series().totalImport().milliwattHours()).isEqualTo(25_500_000);
    assertThat(res.estimations()).containsExactly(EstimationRecord.of(hours(9, 12), ReadingQuality.ESTIMATED,
        EstimationMethod.REGISTER_SCALED,
        "scaled × 1.5 from linear interpolation to meet the register difference 25.500 kWh"));
  }

  @Test
  void registerScalingGivesTheLastMilliwattHoursByLargestRemainderTiesToTheEarliest() {
    List<RawReading> r = dayWithout((d, hr) -> 1000L, 9, 10, 11);
    VeeResult res = vee(EstimationStep.linearInterpolation(Duration.ofHours(3)), EstimationStep.registerScaling())
        .run("M-1", r, DAY_HOURS, registerDay("1025.500002"));
    assertThat(imports(res.series(), 9, 12)).containsExactly(1_500_001, 1_500_001, 1_500_000);
    assertThat(res.series().totalImport().milliwattHours()).isEqualTo(25_500_002);
  }

  @Test
  void registerScalingSpreadsEvenlyWhenTheEstimatesAreZero() {
    List<RawReading> r = dayWithout((d, hr) -> hr == 8 || hr == 12 ? 0L : 1000L, 9, 10, 11);
    VeeResult res = vee(EstimationStep.linearInterpolation(Duration.ofHours(3)), EstimationStep.registerScaling())
        .run("M-1", r, DAY_HOURS, registerDay("1022"));
    // 19 actual hours of 1 kWh plus two actual zeros: 3 kWh left for the three estimates
    assertThat(imports(res.series(), 9, 12)).containsExactly(1_000_000, 1_000_000, 1_000_000);
    assertThat(res.estimations()).singleElement().satisfies(e -> assertThat(e.basis())
        .isEqualTo("spread evenly from linear interpolation to meet the register difference 22.000 kWh"));
  }

  @Test
  void registerScalingIsNotAppliedWhileIntervalsAreMissingOrActualsExceedTheRegister() {
    List<RawReading> r = dayWithout((d, hr) -> 1000L, 9, 10, 11, 15, 16);
    VeeResult missing = vee(EstimationStep.linearInterpolation(Duration.ofHours(1)), EstimationStep.registerScaling())
        .run("M-1", r, DAY_HOURS, registerDay("1025"));
    assertThat(missing.findings(CheckId.SCALING_NOT_APPLIED)).isEmpty(); // nothing estimated: nothing to scale
    List<RawReading> r2 = dayWithout((d, hr) -> 1000L, 9, 15, 16, 17);
    VeeResult stillMissing = vee(EstimationStep.linearInterpolation(Duration.ofHours(1)),
        EstimationStep.registerScaling()).run("M-1", r2, DAY_HOURS, registerDay("1025"));
    assertThat(stillMissing.findings(CheckId.SCALING_NOT_APPLIED)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.message()).isEqualTo("register scaling not applied: 3 intervals between the register reads are"
          + " still missing");
    });
    List<RawReading> r3 = dayWithout((d, hr) -> 1000L, 9);
    VeeResult exceed = vee(EstimationStep.linearInterpolation(), EstimationStep.registerScaling()).run("M-1", r3,
        DAY_HOURS, registerDay("1022"));
    assertThat(exceed.findings(CheckId.SCALING_NOT_APPLIED)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.values()).containsExactly(24_000_000L, 22_000_000L);
      assertThat(f.message()).isEqualTo("register scaling not applied: the actual intervals alone (23.000 kWh) exceed"
          + " the register difference 22.000 kWh");
    });
    assertThat(exceed.series().method(9)).isEqualTo(EstimationMethod.LINEAR_INTERPOLATION);
  }

  @Test
  void zerosOfADeenergisedMeterAreNotScaled() {
    List<RawReading> r = dayWithout((d, hr) -> 1000L, 2, 9);
    VeeResult res = Vee.standard(UTC).run("M-1", r, DAY_HOURS, VeeContext.builder()
        .registerStart(RegisterRead.of("M-1", h(0), 1000)).registerEnd(RegisterRead.of("M-1", h(24), 1024))
        .addDeenergized(TimeSpan.of(h(2), h(3))).build());
    assertThat(res.series().importAt(2)).isZero();
    assertThat(res.series().importAt(9)).isEqualTo(2_000_000);
    assertThat(res.series().method(9)).isEqualTo(EstimationMethod.REGISTER_SCALED);
  }

  // ---------------------------------------------------------------------------------------------- the pipeline

  @Test
  void rejectedIntervalsAreEstimatedAndActualDataStaysAsRead() {
    List<RawReading> r = new ArrayList<>(dayWithout((d, hr) -> 400L));
    r.set(5, RawReading.of(h(5), HOUR, -20));
    VeeResult res = Vee.standard(UTC).run("M-1", r, DAY_HOURS, VeeContext.empty());
    assertThat(res.series().importAt(5)).isEqualTo(400_000);
    assertThat(res.series().quality(5)).isEqualTo(ReadingQuality.ESTIMATED);
    assertThat(res.findings()).extracting(Finding::check).containsExactly(CheckId.NEGATIVE_IMPORT);
    assertThat(res.validation().isRejected(5)).isTrue();
  }

  @Test
  void allActualDataGivesThePlainSeries() {
    List<RawReading> r = dayWithout((d, hr) -> 400L + hr);
    IntervalSeries s = Vee.standard(UTC).run("M-1", r, DAY_HOURS, VeeContext.empty()).series();
    long[] v = new long[24];
    for (int i = 0; i < 24; i++) {
      v[i] = (400L + i) * 1000;
    }
    assertThat(s).isEqualTo(IntervalSeries.ofImports("M-1", DAY_HOURS, v));
    assertThat(s.hasExports()).isFalse();
  }

  @Test
  void aMeterWithGenerationGetsAnExportChannel() {
    List<RawReading> r = dayWithout((d, hr) -> 400L);
    assertThat(Vee.standard(UTC).run("M-1", r, DAY_HOURS, VeeContext.builder().hasGeneration(true).build()).series()
        .hasExports()).isTrue();
  }

  @Test
  void theAemoFlagsOfEachMethod() {
    assertThat(AemoFlags.quality(ReadingQuality.ACTUAL)).isEqualTo("A");
    assertThat(AemoFlags.quality(ReadingQuality.SUBSTITUTED)).isEqualTo("S");
    assertThat(AemoFlags.quality(ReadingQuality.MISSING)).isEqualTo("N");
    assertThat(AemoFlags.method(EstimationMethod.LIKE_DAY)).contains(14);
    assertThat(AemoFlags.method(EstimationMethod.AVERAGE_OF_LIKE_DAYS)).contains(15);
    assertThat(AemoFlags.method(EstimationMethod.LINEAR_INTERPOLATION)).contains(17);
    assertThat(AemoFlags.method(EstimationMethod.ZERO_DEENERGISED)).contains(19);
    assertThat(AemoFlags.method(EstimationMethod.REGISTER_SCALED)).contains(24);
    assertThat(AemoFlags.method(EstimationMethod.NONE)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------- configuration

  @Test
  void maxGapMustBePositive() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> EstimationStep.linearInterpolation(Duration.ZERO))
        .withMessage("maxGap must be positive: PT0S");
  }

  @Test
  void weeksBackInRange() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> EstimationStep.likeDay(0))
        .withMessage("weeksBack must be 1 to 52: 0");
  }

  @Test
  void averageDaysInRange() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> EstimationStep.averageOfLikeDays(0, 10))
        .withMessage("days must be 1 to 31: 0");
  }

  @Test
  void searchDaysAtLeastDays() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> EstimationStep.averageOfLikeDays(5, 4))
        .withMessage("searchDays must be 5 (days) to 366: 4");
  }

  @Test
  void standardPlanInItsOrder() {
    assertThat(EstimationPlan.standard().steps()).extracting(EstimationStep::toString).containsExactly(
        "zero-when-deenergized", "linear-interpolation(up to PT1H)", "like-day(4 weeks back)",
        "average-of-like-days(3 within 28 days)", "register-scaling");
    assertThat(EstimationPlan.standard().steps()).extracting(EstimationStep::method).containsExactly(
        EstimationMethod.ZERO_DEENERGISED, EstimationMethod.LINEAR_INTERPOLATION, EstimationMethod.LIKE_DAY,
        EstimationMethod.AVERAGE_OF_LIKE_DAYS, EstimationMethod.REGISTER_SCALED);
  }
}
