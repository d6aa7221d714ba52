package io.github.gridbill.core.time;

import static io.github.gridbill.core.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.EqualityGroups;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HolidayCalendarTest {
  static final HolidayCalendar NERC = HolidayCalendar.nerc();

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static Stream<Arguments> data_nerc() {
    return Stream.of(
        Arguments.of("2024-01-01", true), // New Year's Day, Monday
        Arguments.of("2024-05-27", true), // Memorial Day: last Monday of May
        Arguments.of("2024-07-04", true), // Independence Day, Thursday
        Arguments.of("2024-09-02", true), // Labor Day: first Monday of September
        Arguments.of("2024-11-28", true), // Thanksgiving: fourth Thursday of November
        Arguments.of("2024-12-25", true), // Christmas, Wednesday
        Arguments.of("2022-12-26", true), // 25 December 2022 is a Sunday: observed Monday
        Arguments.of("2022-12-25", false), // ... and the Sunday itself is not the holiday
        Arguments.of("2023-01-02", true), // 1 January 2023 is a Sunday: observed Monday
        Arguments.of("2022-01-01", true), // a Saturday holiday stays on the Saturday under NERC
        Arguments.of("2021-12-31", false),
        Arguments.of("2021-05-31", true), // Memorial Day 2021
        Arguments.of("2024-05-20", false),
        Arguments.of("2024-07-05", false),
        Arguments.of("2024-11-29", false), // the day after Thanksgiving is not a NERC holiday
        Arguments.of("2024-11-21", false),
        Arguments.of("2024-02-19", false)); // Presidents' Day is not a NERC holiday
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("data_nerc")
  void nerc(String date, boolean holiday) {
    assertThat(NERC.isHoliday(d(date))).isEqualTo(holiday);
  }

  @Test
  void nerc_has_six_holidays_a_year() {
    for (int year = 2015; year <= 2035; year++) {
      int n = 0;
      for (LocalDate x = LocalDate.of(year, 1, 1); x.getYear() == year; x = x.plusDays(1)) {
        if (NERC.isHoliday(x)) {
          n++;
        }
      }
      assertThat(n).as("NERC holidays in %d", year).isEqualTo(6);
    }
    assertThat(NERC.name()).isEqualTo("NERC");
    assertThat(NERC.rules()).extracting(HolidayRule::name).containsExactly("New Year's Day", "Memorial Day",
        "Independence Day", "Labor Day", "Thanksgiving Day", "Christmas Day");
  }

  @Test
  void none_has_no_holidays() {
    HolidayCalendar none = HolidayCalendar.none();
    assertThat(none.name()).isEqualTo("none");
    assertThat(none.isHoliday(d("2024-12-25"))).isFalse();
    assertThat(none.dates()).isEmpty();
    assertThat(none.rules()).isEmpty();
  }

  @Test
  void explicit_dates() {
    HolidayCalendar c =
        HolidayCalendar.builder().name("Holi").addDate(d("2024-03-25")).addDate(d("2025-03-14")).build();
    assertThat(c.isHoliday(d("2024-03-25"))).isTrue();
    assertThat(c.isHoliday(d("2025-03-14"))).isTrue();
    assertThat(c.isHoliday(d("2025-03-25"))).isFalse();
  }

  @Test
  void nearest_weekday_crosses_the_year_boundary() {
    HolidayRule newYear = HolidayRule.fixed("New Year's Day", Month.JANUARY, 1, HolidayObservance.NEAREST_WEEKDAY);
    assertThat(newYear.observedIn(2022)).isEqualTo(d("2021-12-31")); // Saturday -> Friday before
    assertThat(newYear.observedIn(2023)).isEqualTo(d("2023-01-02")); // Sunday -> Monday after
    assertThat(newYear.observedIn(2024)).isEqualTo(d("2024-01-01"));
    HolidayCalendar c = HolidayCalendar.builder().name("federal").addRule(newYear).build();
    assertThat(c.isHoliday(d("2021-12-31"))).isTrue();
    assertThat(c.isHoliday(d("2022-01-01"))).isFalse();
    assertThat(c.isHoliday(d("2023-01-02"))).isTrue();
    assertThat(c.isHoliday(d("2023-01-01"))).isFalse();
  }

  @Test
  void nearest_weekday_within_a_year() {
    HolidayRule july4 = HolidayRule.fixed("Independence Day", Month.JULY, 4, HolidayObservance.NEAREST_WEEKDAY);
    assertThat(july4.observedIn(2020)).isEqualTo(d("2020-07-03"));
    assertThat(july4.observedIn(2021)).isEqualTo(d("2021-07-05"));
    HolidayRule xmas = HolidayRule.fixed("Christmas Day", Month.DECEMBER, 25, HolidayObservance.NEAREST_WEEKDAY);
    assertThat(xmas.observedIn(2021)).isEqualTo(d("2021-12-24"));
  }

  @Test
  void on_date_and_sunday_to_monday() {
    HolidayRule onDate = HolidayRule.fixed("x", Month.DECEMBER, 25, HolidayObservance.ON_DATE);
    assertThat(onDate.observedIn(2022)).isEqualTo(d("2022-12-25"));
    HolidayRule sunToMon = HolidayRule.fixed("x", Month.JANUARY, 1, HolidayObservance.SUNDAY_TO_MONDAY);
    assertThat(sunToMon.observedIn(2022)).isEqualTo(d("2022-01-01")); // Saturday stays
    assertThat(sunToMon.observedIn(2023)).isEqualTo(d("2023-01-02"));
  }

  @Test
  void weekday_rules() {
    assertThat(HolidayRule.nthWeekday("Labor Day", Month.SEPTEMBER, DayOfWeek.MONDAY, 1).observedIn(2024))
        .isEqualTo(d("2024-09-02"));
    assertThat(HolidayRule.nthWeekday("Thanksgiving", Month.NOVEMBER, DayOfWeek.THURSDAY, 4).observedIn(2024))
        .isEqualTo(d("2024-11-28"));
    assertThat(HolidayRule.lastWeekday("Memorial Day", Month.MAY, DayOfWeek.MONDAY).observedIn(2024))
        .isEqualTo(d("2024-05-27"));
    assertThat(HolidayRule.nthWeekday("Fifth Monday", Month.MAY, DayOfWeek.MONDAY, 5).observedIn(2021))
        .isEqualTo(d("2021-05-31"));
  }

  @Test
  void a_missing_fifth_weekday_is_no_holiday() {
    HolidayCalendar c = HolidayCalendar.builder().name("fifth")
        .addRule(HolidayRule.nthWeekday("Fifth Monday", Month.MAY, DayOfWeek.MONDAY, 5)).build();
    assertThat(c.isHoliday(d("2021-05-31"))).isTrue();
    // May 2024 has four Mondays: no holiday, and certainly not on 3 June
    List<LocalDate> holidays2024 = new ArrayList<>();
    for (LocalDate x = d("2024-01-01"); x.getYear() == 2024; x = x.plusDays(1)) {
      if (c.isHoliday(x)) {
        holidays2024.add(x);
      }
    }
    assertThat(holidays2024).isEmpty();
  }

  @Test
  void builder_defaults() {
    HolidayRule r = HolidayRule.builder().name("x").month(Month.MARCH).dayOfMonth(8).build();
    assertThat(r.occurrence()).isZero();
    assertThat(r.observance()).isEqualTo(HolidayObservance.ON_DATE);
    assertThat(r.dayOfWeek()).isEmpty();
  }

  @Test
  void rule_with_both_day_of_month_and_day_of_week_is_refused() {
    invalid("holidayRule must have either a dayOfMonth or a dayOfWeek, not both or neither: Odd",
        () -> HolidayRule.builder().name("Odd").month(Month.MAY).dayOfMonth(1).dayOfWeek(DayOfWeek.MONDAY)
            .occurrence(1).build());
  }

  @Test
  void rule_with_neither_is_refused() {
    invalid("holidayRule must have either a dayOfMonth or a dayOfWeek, not both or neither: Empty",
        () -> HolidayRule.builder().name("Empty").month(Month.MAY).build());
  }

  @Test
  void day_of_month_zero_is_refused() {
    invalid("dayOfMonth must be a day of JANUARY in every year: 0",
        () -> HolidayRule.fixed("x", Month.JANUARY, 0, HolidayObservance.ON_DATE));
  }

  @Test
  void day_of_month_past_the_month_is_refused() {
    invalid("dayOfMonth must be a day of APRIL in every year: 31",
        () -> HolidayRule.fixed("x", Month.APRIL, 31, HolidayObservance.ON_DATE));
  }

  @Test
  void twenty_ninth_of_february_is_refused() {
    invalid("dayOfMonth must be a day of FEBRUARY in every year: 29",
        () -> HolidayRule.fixed("Leap day", Month.FEBRUARY, 29, HolidayObservance.ON_DATE));
    assertThat(HolidayRule.fixed("x", Month.FEBRUARY, 28, HolidayObservance.ON_DATE).observedIn(2024))
        .isEqualTo(d("2024-02-28"));
  }

  @Test
  void occurrence_zero_is_refused() {
    invalid("occurrence must be 1 to 5, or -1 for the last: 0",
        () -> HolidayRule.nthWeekday("x", Month.MAY, DayOfWeek.MONDAY, 0));
  }

  @Test
  void occurrence_six_is_refused() {
    invalid("occurrence must be 1 to 5, or -1 for the last: 6",
        () -> HolidayRule.nthWeekday("x", Month.MAY, DayOfWeek.MONDAY, 6));
  }

  @Test
  void occurrence_minus_two_is_refused() {
    invalid("occurrence must be 1 to 5, or -1 for the last: -2",
        () -> HolidayRule.nthWeekday("x", Month.MAY, DayOfWeek.MONDAY, -2));
  }

  @Test
  void value_semantics() {
    EqualityGroups.create()
        .group(HolidayRule.fixed("Christmas Day", Month.DECEMBER, 25, HolidayObservance.SUNDAY_TO_MONDAY),
            HolidayRule.builder().name("Christmas Day").month(Month.DECEMBER).dayOfMonth(25)
                .observance(HolidayObservance.SUNDAY_TO_MONDAY).build())
        .group(HolidayRule.fixed("Christmas Day", Month.DECEMBER, 25, HolidayObservance.ON_DATE))
        .group(HolidayRule.fixed("Christmas Day", Month.DECEMBER, 26, HolidayObservance.SUNDAY_TO_MONDAY))
        .group(HolidayRule.lastWeekday("Memorial Day", Month.MAY, DayOfWeek.MONDAY),
            HolidayRule.nthWeekday("Memorial Day", Month.MAY, DayOfWeek.MONDAY, -1))
        .verify();
    EqualityGroups.create()
        .group(HolidayCalendar.nerc(), HolidayCalendar.nerc())
        .group(HolidayCalendar.none(), HolidayCalendar.builder().name("none").build())
        .group(HolidayCalendar.nerc().withName("NERC 2"))
        .group(HolidayCalendar.nerc().withDates(d("2024-12-24")))
        .verify();
  }
}
