package io.github.gridbill.core.time;

import static io.github.gridbill.core.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gridbill.core.EqualityGroups;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntervalGridTest {
  static final String NY = "America/New_York";
  static final String LONDON = "Europe/London";
  static final String KOLKATA = "Asia/Kolkata";
  static final String LORD_HOWE = "Australia/Lord_Howe";
  static final int REFUSED = -1;

  /** Zone, day, then the interval counts of 5-, 15-, 30- and 60-minute grids over that local day. */
  static Stream<Arguments> data_dstDays() {
    return Stream.of(
        // New York 2024: DST starts 10 March (23 h), ends 3 November (25 h)
        Arguments.of(NY, "2024-03-10", 276, 92, 46, 23),
        Arguments.of(NY, "2024-11-03", 300, 100, 50, 25),
        Arguments.of(NY, "2024-07-15", 288, 96, 48, 24),
        // London 2024: 31 March (23 h), 27 October (25 h)
        Arguments.of(LONDON, "2024-03-31", 276, 92, 46, 23),
        Arguments.of(LONDON, "2024-10-27", 300, 100, 50, 25),
        Arguments.of(LONDON, "2024-01-15", 288, 96, 48, 24),
        // Kolkata has no DST: every day has 24 h, also on the other zones' transition days
        Arguments.of(KOLKATA, "2024-03-10", 288, 96, 48, 24),
        Arguments.of(KOLKATA, "2024-03-31", 288, 96, 48, 24),
        Arguments.of(KOLKATA, "2024-10-27", 288, 96, 48, 24),
        Arguments.of(KOLKATA, "2024-11-03", 288, 96, 48, 24),
        // Lord Howe shifts by 30 minutes: DST ends on the first Sunday of April (24.5 h), starts on the first
        // Sunday of October (23.5 h); an hourly grid cannot cover either day
        Arguments.of(LORD_HOWE, "2024-04-07", 294, 98, 49, REFUSED),
        Arguments.of(LORD_HOWE, "2024-10-06", 282, 94, 47, REFUSED),
        Arguments.of(LORD_HOWE, "2024-07-15", 288, 96, 48, 24));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("data_dstDays")
  void counts_over_one_local_day(String zone, String day, int c5, int c15, int c30, int c60) {
    LocalDate date = LocalDate.parse(day);
    BillingPeriod p = BillingPeriod.of(date, date.plusDays(1), ZoneId.of(zone));
    assertCount(p, IntervalLength.FIVE_MINUTES, c5);
    assertCount(p, IntervalLength.FIFTEEN_MINUTES, c15);
    assertCount(p, IntervalLength.THIRTY_MINUTES, c30);
    assertCount(p, IntervalLength.SIXTY_MINUTES, c60);
    assertThat(IntervalGrid.forPeriod(p, IntervalLength.ONE_MINUTE).count())
        .isEqualTo(Duration.between(p.startInstant(), p.endInstant()).toMinutes());
  }

  private static void assertCount(BillingPeriod p, IntervalLength length, int expected) {
    if (expected == REFUSED) {
      assertThatThrownBy(() -> IntervalGrid.forPeriod(p, length))
          .isExactlyInstanceOf(io.github.gridbill.core.ValidationException.class);
      return;
    }
    IntervalGrid g = IntervalGrid.forPeriod(p, length);
    assertThat(g.count()).as("%s %s-minute intervals", p, length.minutes()).isEqualTo(expected);
    assertThat(g.start()).isEqualTo(p.startInstant());
    assertThat(g.end()).isEqualTo(p.endInstant());
    assertThat(g.length()).isEqualTo(length);
  }

  @Test
  void hourly_grid_over_the_lord_howe_dst_end_day_is_refused() {
    BillingPeriod p = BillingPeriod.ofClosed(LocalDate.parse("2024-04-07"), LocalDate.parse("2024-04-07"),
        ZoneId.of(LORD_HOWE));
    invalid("period must last a whole number of 60-minute intervals, but lasts PT24H30M: "
            + "[2024-04-06T13:00:00Z, 2024-04-07T13:30:00Z)",
        () -> IntervalGrid.forPeriod(p, IntervalLength.SIXTY_MINUTES));
  }

  @Test
  void hourly_grid_over_the_lord_howe_dst_start_day_is_refused() {
    BillingPeriod p = BillingPeriod.ofClosed(LocalDate.parse("2024-10-06"), LocalDate.parse("2024-10-06"),
        ZoneId.of(LORD_HOWE));
    invalid("period must last a whole number of 60-minute intervals, but lasts PT23H30M: "
            + "[2024-10-05T13:30:00Z, 2024-10-06T13:00:00Z)",
        () -> IntervalGrid.forPeriod(p, IntervalLength.SIXTY_MINUTES));
  }

  @Test
  void a_grid_of_more_intervals_than_an_int_counts_is_refused() {
    // 2000-01-01 to 6084-01-01 is 1,491,651 days, 2,147,977,440 minutes: more than Integer.MAX_VALUE (2,147,483,647)
    BillingPeriod p = BillingPeriod.of(LocalDate.parse("2000-01-01"), LocalDate.parse("6084-01-01"), ZoneOffset.UTC);
    invalid("period must hold at most 2147483647 1-minute intervals, but holds 2147977440: "
            + "[2000-01-01T00:00:00Z, 6084-01-01T00:00:00Z)",
        () -> IntervalGrid.forPeriod(p, IntervalLength.ONE_MINUTE));
    // the same span in 15-minute intervals fits
    assertThat(IntervalGrid.forPeriod(p, IntervalLength.FIFTEEN_MINUTES).count()).isEqualTo(143_198_496);
  }

  /** Zone, month, then the 5-, 15-, 30- and 60-minute counts over the whole local month. */
  static Stream<Arguments> data_months() {
    return Stream.of(
        Arguments.of(NY, "2024-03", 8916, 2972, 1486, 743),
        Arguments.of(NY, "2024-11", 8652, 2884, 1442, 721),
        Arguments.of(NY, "2024-02", 8352, 2784, 1392, 696),
        Arguments.of(LONDON, "2024-03", 8916, 2972, 1486, 743),
        Arguments.of(LONDON, "2024-10", 8940, 2980, 1490, 745),
        Arguments.of(KOLKATA, "2024-03", 8928, 2976, 1488, 744),
        Arguments.of(KOLKATA, "2024-10", 8928, 2976, 1488, 744),
        Arguments.of(LORD_HOWE, "2024-04", 8646, 2882, 1441, REFUSED),
        Arguments.of(LORD_HOWE, "2024-10", 8922, 2974, 1487, REFUSED),
        Arguments.of(LORD_HOWE, "2024-06", 8640, 2880, 1440, 720));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("data_months")
  void counts_over_one_local_month(String zone, String month, int c5, int c15, int c30, int c60) {
    BillingPeriod p = BillingPeriod.ofMonth(YearMonth.parse(month), ZoneId.of(zone));
    assertCount(p, IntervalLength.FIVE_MINUTES, c5);
    assertCount(p, IntervalLength.FIFTEEN_MINUTES, c15);
    assertCount(p, IntervalLength.THIRTY_MINUTES, c30);
    assertCount(p, IntervalLength.SIXTY_MINUTES, c60);
  }

  static Stream<Arguments> data_years() {
    return Stream.of(
        Arguments.of(NY, 2024, 8784), Arguments.of(LONDON, 2024, 8784), Arguments.of(KOLKATA, 2024, 8784),
        Arguments.of(LORD_HOWE, 2024, 8784), Arguments.of(NY, 2023, 8760), Arguments.of(LORD_HOWE, 2023, 8760));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("data_years")
  void a_whole_year_has_every_hour_once(String zone, int year, int hours) {
    BillingPeriod p = BillingPeriod.of(Year.of(year).atDay(1), Year.of(year + 1).atDay(1), ZoneId.of(zone));
    assertCount(p, IntervalLength.SIXTY_MINUTES, hours);
    assertCount(p, IntervalLength.THIRTY_MINUTES, hours * 2);
    assertCount(p, IntervalLength.FIFTEEN_MINUTES, hours * 4);
    assertCount(p, IntervalLength.FIVE_MINUTES, hours * 12);
  }

  static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void of_holds_its_parts() {
    IntervalGrid g = IntervalGrid.of(T0, IntervalLength.FIFTEEN_MINUTES, 4);
    assertThat(g.start()).isEqualTo(T0);
    assertThat(g.length()).isEqualTo(IntervalLength.FIFTEEN_MINUTES);
    assertThat(g.count()).isEqualTo(4);
    assertThat(g.end()).isEqualTo(Instant.parse("2024-01-01T01:00:00Z"));
    IntervalGrid empty = IntervalGrid.of(T0, IntervalLength.FIVE_MINUTES, 0);
    assertThat(empty.end()).isEqualTo(T0);
    assertThat(empty.indexOf(T0)).isEqualTo(-1);
  }

  @Test
  void of_refuses_a_negative_count() {
    invalid("count must not be negative: -1", () -> IntervalGrid.of(T0, IntervalLength.FIFTEEN_MINUTES, -1));
  }

  @Test
  void between_refuses_an_end_before_the_start() {
    invalid("endExclusive must not be before 2024-01-01T00:00:00Z: 2023-12-31T23:45:00Z",
        () -> IntervalGrid.between(T0, Instant.parse("2023-12-31T23:45:00Z"), IntervalLength.FIFTEEN_MINUTES));
  }

  @Test
  void between_refuses_a_span_that_is_not_a_whole_number_of_intervals() {
    invalid("period must last a whole number of 15-minute intervals, but lasts PT20M: "
            + "[2024-01-01T00:00:00Z, 2024-01-01T00:20:00Z)",
        () -> IntervalGrid.between(T0, T0.plusSeconds(1200), IntervalLength.FIFTEEN_MINUTES));
  }

  @Test
  void between_refuses_a_fraction_of_a_second() {
    invalid("period must last a whole number of 15-minute intervals, but lasts PT15M0.5S: "
            + "[2024-01-01T00:00:00Z, 2024-01-01T00:15:00.500Z)",
        () -> IntervalGrid.between(T0, T0.plusMillis(900_500), IntervalLength.FIFTEEN_MINUTES));
  }

  @Test
  void between_an_instant_and_itself_is_empty() {
    assertThat(IntervalGrid.between(T0, T0, IntervalLength.SIXTY_MINUTES).count()).isZero();
  }

  @Test
  void intervalStart() {
    IntervalGrid g = IntervalGrid.of(T0, IntervalLength.FIFTEEN_MINUTES, 4);
    assertThat(g.intervalStart(0)).isEqualTo(T0);
    assertThat(g.intervalStart(3)).isEqualTo(Instant.parse("2024-01-01T00:45:00Z"));
    assertThatThrownBy(() -> g.intervalStart(4)).isExactlyInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Index 4 out of bounds for length 4");
    assertThatThrownBy(() -> g.intervalStart(-1)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void indexOf_is_half_open() {
    IntervalGrid g = IntervalGrid.of(T0, IntervalLength.FIFTEEN_MINUTES, 4);
    assertThat(g.indexOf(T0)).isZero();
    assertThat(g.indexOf(T0.plusSeconds(899))).isZero();
    assertThat(g.indexOf(T0.plusSeconds(900))).isEqualTo(1);
    assertThat(g.indexOf(T0.plusSeconds(2700).plusNanos(123))).isEqualTo(3);
    assertThat(g.indexOf(g.end().minusNanos(1))).isEqualTo(3);
    assertThat(g.indexOf(g.end())).isEqualTo(-1);
    assertThat(g.indexOf(T0.minusNanos(1))).isEqualTo(-1);
    assertThat(g.indexOf(T0.minusSeconds(3600))).isEqualTo(-1);
  }

  @Test
  void indexOf_across_the_new_york_fall_back_hour() {
    BillingPeriod day = BillingPeriod.ofClosed(LocalDate.parse("2024-11-03"), LocalDate.parse("2024-11-03"),
        ZoneId.of(NY));
    IntervalGrid g = IntervalGrid.forPeriod(day, IntervalLength.FIFTEEN_MINUTES);
    // 01:30 EDT (05:30Z) and 01:30 EST (06:30Z) are different intervals
    assertThat(g.indexOf(Instant.parse("2024-11-03T05:30:00Z"))).isEqualTo(6);
    assertThat(g.indexOf(Instant.parse("2024-11-03T06:30:00Z"))).isEqualTo(10);
    assertThat(g.intervalStart(99)).isEqualTo(Instant.parse("2024-11-04T04:45:00Z"));
  }

  @Test
  void value_semantics() {
    EqualityGroups.create()
        .group(IntervalGrid.of(T0, IntervalLength.FIFTEEN_MINUTES, 4),
            IntervalGrid.between(T0, T0.plusSeconds(3600), IntervalLength.FIFTEEN_MINUTES))
        .group(IntervalGrid.of(T0, IntervalLength.FIFTEEN_MINUTES, 5))
        .group(IntervalGrid.of(T0, IntervalLength.SIXTY_MINUTES, 4))
        .group(IntervalGrid.of(T0.plusSeconds(60), IntervalLength.FIFTEEN_MINUTES, 4))
        .verify();
  }

  @Test
  void toString_format() {
    assertThat(IntervalGrid.of(T0, IntervalLength.FIFTEEN_MINUTES, 4))
        .hasToString("4 × 15 min from 2024-01-01T00:00:00Z");
  }
}
