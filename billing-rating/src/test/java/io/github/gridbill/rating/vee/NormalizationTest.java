package io.github.gridbill.rating.vee;

import static io.github.gridbill.rating.vee.VeeFixtures.DAY_HOURS;
import static io.github.gridbill.rating.vee.VeeFixtures.HOUR;
import static io.github.gridbill.rating.vee.VeeFixtures.NEW_YORK;
import static io.github.gridbill.rating.vee.VeeFixtures.QUARTER;
import static io.github.gridbill.rating.vee.VeeFixtures.UTC;
import static io.github.gridbill.rating.vee.VeeFixtures.at;
import static io.github.gridbill.rating.vee.VeeFixtures.grid;
import static io.github.gridbill.rating.vee.VeeFixtures.h;
import static io.github.gridbill.rating.vee.VeeFixtures.hourlyWh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.IntervalRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Laying raw readings on the grid: each rule with hand-made readings and its exact finding. */
class NormalizationTest {

  private static List<RawReading> plus(List<RawReading> a, RawReading... more) {
    List<RawReading> out = new ArrayList<>(a);
    out.addAll(List.of(more));
    return out;
  }

  private static IntervalRange hours(int from, int to) {
    return IntervalRange.of(from, to - from, h(from), h(to));
  }

  @Test
  void readingsOnTheGridFillTheirIntervals() {
    GridReadings g = grid(hourlyWh(500, 600));
    assertThat(g.size()).isEqualTo(24);
    assertThat(g.readingCount()).isEqualTo(2);
    assertThat(g.isPresent(0)).isTrue();
    assertThat(g.importAt(1)).isEqualTo(600_000);
    assertThat(g.isPresent(2)).isFalse();
    assertThat(g.findings()).isEmpty();
    assertThat(g.days()).containsExactly(LocalDate.of(2024, 6, 3));
  }

  @Test
  void offGridBeyondTheClockToleranceIsNotUsed() {
    GridReadings g = grid(plus(hourlyWh(500, 600), at(h(2).plusSeconds(300), HOUR, 700_000)));
    assertThat(g.findings()).containsExactly(Finding.builder().check(CheckId.OFF_GRID).severity(Severity.WARNING)
        .range(hours(2, 4)).addReadingPosition(2).addValue(700_000L)
        .message("reading 2 starts 2024-06-03T02:05:00Z, PT5M off the grid, beyond the clock tolerance of PT1M: not"
            + " used")
        .build());
    assertThat(g.isPresent(2)).isFalse();
    assertThat(g.isPresent(3)).isFalse();
  }

  @Test
  void offGridWithinTheClockToleranceIsTakenAtTheNearestStart() {
    GridReadings g = grid(List.of(at(h(1).plusSeconds(40), HOUR, 600_000), at(h(3).minusSeconds(30), HOUR, 8)));
    assertThat(g.findings()).containsExactly(
        Finding.builder().check(CheckId.CLOCK_TOLERANCE).severity(Severity.INFO).range(hours(1, 2))
            .addReadingPosition(0).addValue(600_000L)
            .message("reading starting 2024-06-03T01:00:40Z is PT40S off the grid, within the clock tolerance of PT1M:"
                + " taken as 2024-06-03T01:00:00Z")
            .build(),
        Finding.builder().check(CheckId.CLOCK_TOLERANCE).severity(Severity.INFO).range(hours(3, 4))
            .addReadingPosition(1).addValue(8L)
            .message("reading starting 2024-06-03T02:59:30Z is PT30S off the grid, within the clock tolerance of PT1M:"
                + " taken as 2024-06-03T03:00:00Z")
            .build());
    assertThat(g.importAt(1)).isEqualTo(600_000);
    assertThat(g.importAt(3)).isEqualTo(8);
  }

  @Test
  void identicalDuplicateIsDroppedAtInfo() {
    GridReadings g = grid(plus(hourlyWh(500, 600), at(h(1), HOUR, 600_000)));
    assertThat(g.findings()).containsExactly(Finding.builder().check(CheckId.DUPLICATE_IDENTICAL)
        .severity(Severity.INFO).range(hours(1, 2)).readingPositions(List.of(1, 2)).values(List.of(600_000L, 600_000L))
        .message("reading 2 repeats reading 1 for 2024-06-03T01:00:00Z with the same values: dropped").build());
    assertThat(g.importAt(1)).isEqualTo(600_000);
  }

  @Test
  void conflictingDuplicateKeepsTheLatestByDefault() {
    GridReadings g = grid(plus(hourlyWh(500, 600), at(h(1), HOUR, 650_000)));
    assertThat(g.findings()).containsExactly(Finding.builder().check(CheckId.DUPLICATE_CONFLICTING)
        .severity(Severity.WARNING).range(hours(1, 2)).readingPositions(List.of(1, 2))
        .values(List.of(600_000L, 650_000L))
        .message("reading 2 for 2024-06-03T01:00:00Z conflicts with reading 1 (import 650000 against 600000 mWh,"
            + " export 0 against 0 mWh, events [] against []): the latest is kept")
        .build());
    assertThat(g.importAt(1)).isEqualTo(650_000);
  }

  @Test
  void conflictingDuplicateKeepFirst() {
    GridReadings g = GridReadings.normalize("M-1", plus(hourlyWh(500, 600), at(h(1), HOUR, 650_000)), DAY_HOURS, UTC,
        NormalizationRules.builder().duplicates(DuplicatePolicy.KEEP_FIRST).build());
    assertThat(g.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.message()).endsWith(": the first is kept");
    });
    assertThat(g.importAt(1)).isEqualTo(600_000);
  }

  @Test
  void conflictingDuplicateRejectedMakesTheIntervalMissingAndAFailure() {
    GridReadings g = GridReadings.normalize("M-1", plus(hourlyWh(500, 600), at(h(1), HOUR, 650_000)), DAY_HOURS, UTC,
        NormalizationRules.builder().duplicates(DuplicatePolicy.REJECT).build());
    assertThat(g.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.FAILURE);
      assertThat(f.rejects()).isTrue();
      assertThat(f.message()).endsWith(": both rejected, the interval is estimated");
    });
    assertThat(g.isPresent(1)).isFalse();
    ValidationResult v = ValidationChain.of(NormalizationRules.defaults(), List.of()).validate(g, VeeContext.empty());
    assertThat(v.isValid(1)).isFalse();
    assertThat(v.isRejected(1)).isTrue();
  }

  @Test
  void sameValuesWithOtherEventFlagsConflict() {
    GridReadings g = grid(plus(hourlyWh(500),
        RawReading.of(h(0), HOUR, 500_000, 0, Set.of(MeterEvent.POWER_OUTAGE))));
    assertThat(g.findings()).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(CheckId.DUPLICATE_CONFLICTING);
      assertThat(f.message()).contains("events [POWER_OUTAGE] against []");
    });
    assertThat(g.events(0)).containsExactly(MeterEvent.POWER_OUTAGE);
  }

  @Test
  void overlapEqualToTheIntervalsItCoversIsIdentical() {
    GridReadings g = grid(plus(hourlyWh(500, 600), at(h(0), Duration.ofHours(2), 1_100_000)));
    assertThat(g.findings()).containsExactly(Finding.builder().check(CheckId.OVERLAP_IDENTICAL)
        .severity(Severity.INFO).range(hours(0, 2)).addReadingPosition(2).values(List.of(1_100_000L, 1_100_000L))
        .message("reading 2 (2024-06-03T00:00:00Z +PT2H) overlaps 2 intervals already read and equals their sum:"
            + " dropped")
        .build());
  }

  @Test
  void overlapWithOtherValuesConflicts() {
    GridReadings g = grid(plus(hourlyWh(500, 600), at(h(0), Duration.ofHours(2), 1_200_000),
        at(h(0).plusSeconds(1800), HOUR, 550_000)));
    assertThat(g.findings()).containsExactly(
        Finding.builder().check(CheckId.OVERLAP_CONFLICTING).severity(Severity.WARNING).range(hours(0, 2))
            .addReadingPosition(2).values(List.of(1_200_000L, 1_100_000L))
            .message("reading 2 (2024-06-03T00:00:00Z +PT2H) overlaps 2 of 2 intervals already read (import 1200000"
                + " mWh against their 1100000 mWh): not used")
            .build(),
        Finding.builder().check(CheckId.OVERLAP_CONFLICTING).severity(Severity.WARNING).range(hours(0, 2))
            .addReadingPosition(3).values(List.of(550_000L, 1_100_000L))
            .message("reading 3 (2024-06-03T00:30:00Z +PT1H) overlaps 2 of 2 intervals already read (import 550000"
                + " mWh against their 1100000 mWh): not used")
            .build());
    assertThat(g.importAt(0)).isEqualTo(500_000);
    assertThat(g.importAt(1)).isEqualTo(600_000);
  }

  @Test
  void readingOfAnotherDurationOverUnreadIntervalsIsAnIntervalSizeFinding() {
    GridReadings g = grid(List.of(at(h(5), Duration.ofMinutes(30), 200_000)));
    assertThat(g.findings()).containsExactly(Finding.builder().check(CheckId.INTERVAL_SIZE)
        .severity(Severity.WARNING).range(hours(5, 6)).addReadingPosition(0).addValue(200_000L)
        .message("reading 0 (2024-06-03T05:00:00Z +PT30M) lasts PT30M, not the grid's 60 minutes: not used").build());
    assertThat(g.isPresent(5)).isFalse();
  }

  @Test
  void readingOutsideTheWindowIsIgnored() {
    GridReadings g = grid(List.of(at(h(-1), HOUR, 1), at(h(24), Duration.ofMinutes(30), 2)));
    assertThat(g.findings()).extracting(Finding::message).containsExactly(
        "reading starting 2024-06-02T23:00:00Z is outside the window [2024-06-03T00:00:00Z, 2024-06-04T00:00:00Z)",
        "reading starting 2024-06-04T00:00:00Z is outside the window [2024-06-03T00:00:00Z, 2024-06-04T00:00:00Z)");
    assertThat(g.findings()).allSatisfy(f -> {
      assertThat(f.check()).isEqualTo(CheckId.OUTSIDE_WINDOW);
      assertThat(f.range()).isEmpty();
    });
  }

  /** Every quarter-hour of a local day but those whose local start is in [skipFrom, skipTo). */
  private static List<RawReading> dayOfQuarters(LocalDate day, int skipFromHour, int skipToHour) {
    IntervalGrid g = IntervalGrid.forPeriod(BillingPeriod.of(day, day.plusDays(1), NEW_YORK),
        IntervalLength.FIFTEEN_MINUTES);
    List<RawReading> out = new ArrayList<>();
    for (int i = 0; i < g.count(); i++) {
      Instant t = g.intervalStart(i);
      int hour = t.atZone(NEW_YORK).getHour();
      if (hour < skipFromHour || hour >= skipToHour) {
        out.add(at(t, QUARTER, 100_000));
      }
    }
    return out;
  }

  @Test
  void missingIntervalsOnA23HourDayExpect92() {
    LocalDate day = LocalDate.of(2024, 3, 10);
    IntervalGrid g = IntervalGrid.forPeriod(BillingPeriod.of(day, day.plusDays(1), NEW_YORK),
        IntervalLength.FIFTEEN_MINUTES);
    assertThat(g.count()).isEqualTo(92);
    GridReadings gr = GridReadings.normalize("M-1", dayOfQuarters(day, 4, 5), g, NEW_YORK,
        NormalizationRules.defaults());
    ValidationResult v = ValidationChain.of(NormalizationRules.defaults(),
        List.of(ValidationCheck.missingIntervals())).validate(gr, VeeContext.empty());
    // local 04:00 EDT is 08:00Z; the day starts at 05:00Z, so the gap is intervals 12 to 15
    assertThat(v.findings()).containsExactly(Finding.builder().check(CheckId.MISSING_INTERVALS)
        .severity(Severity.WARNING)
        .range(IntervalRange.of(12, 4, Instant.parse("2024-03-10T08:00:00Z"), Instant.parse("2024-03-10T09:00:00Z")))
        .message("4 intervals missing on 2024-03-10 from 04:00 to 05:00; the day has 88 of its 92 expected 15-minute"
            + " intervals (a 23-hour day)")
        .build());
  }

  @Test
  void missingIntervalsOnA25HourDayExpect100() {
    LocalDate day = LocalDate.of(2024, 11, 3);
    IntervalGrid g = IntervalGrid.forPeriod(BillingPeriod.of(day, day.plusDays(1), NEW_YORK),
        IntervalLength.FIFTEEN_MINUTES);
    GridReadings gr = GridReadings.normalize("M-1", dayOfQuarters(day, 23, 24), g, NEW_YORK,
        NormalizationRules.defaults());
    ValidationResult v = ValidationChain.of(NormalizationRules.defaults(),
        List.of(ValidationCheck.missingIntervals(Severity.INFO))).validate(gr, VeeContext.empty());
    assertThat(v.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.range()).contains(IntervalRange.of(96, 4, Instant.parse("2024-11-04T04:00:00Z"),
          Instant.parse("2024-11-04T05:00:00Z")));
      assertThat(f.message()).isEqualTo("4 intervals missing on 2024-11-03 from 23:00 to 00:00; the day has 96 of its"
          + " 100 expected 15-minute intervals (a 25-hour day)");
    });
  }

  @Test
  void missingIntervalsOfAPartDayCountTheWindow() {
    IntervalGrid g = IntervalGrid.of(VeeFixtures.T0.plusSeconds(3600L * 20), IntervalLength.SIXTY_MINUTES, 8);
    GridReadings gr = GridReadings.normalize("M-1", List.of(at(h(21), HOUR, 1)), g, UTC,
        NormalizationRules.defaults());
    assertThat(gr.days()).containsExactly(LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 4));
    assertThat(gr.dayStartIndex(1)).isEqualTo(4);
    ValidationResult v = ValidationChain.of(NormalizationRules.defaults(),
        List.of(ValidationCheck.missingIntervals())).validate(gr, VeeContext.empty());
    assertThat(v.findings()).extracting(Finding::message).containsExactly(
        "1 interval missing on 2024-06-03 from 20:00 to 21:00; the window has 1 of its 4 expected intervals of this"
            + " day",
        "2 intervals missing on 2024-06-03 from 22:00 to 00:00; the window has 1 of its 4 expected intervals of this"
            + " day",
        "4 intervals missing on 2024-06-04 from 00:00 to 04:00; the window has 0 of its 4 expected intervals of this"
            + " day");
  }

  @Test
  void clockToleranceOfHalfAnIntervalIsRefused() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> GridReadings.normalize("M-1", List.of(), DAY_HOURS, UTC,
            NormalizationRules.builder().clockTolerance(Duration.ofMinutes(30)).build()))
        .withMessage("clockTolerance must be less than half the 60-minute interval: PT30M");
  }

  @Test
  void negativeClockToleranceIsRefused() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> NormalizationRules.builder().clockTolerance(Duration.ofSeconds(-1)).build())
        .withMessage("clockTolerance must not be negative: PT-1S");
  }

  @Test
  void readingWithoutDurationIsRefused() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> RawReading.of(h(0), Duration.ZERO, 1))
        .withMessage("duration must be positive: PT0S");
  }

  @Test
  void timeSpanMustEndAfterItStarts() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> TimeSpan.of(h(2), h(2)))
        .withMessage("endExclusive must be after startInclusive 2024-06-03T02:00:00Z: 2024-06-03T02:00:00Z");
  }
}
