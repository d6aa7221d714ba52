package io.github.gridbill.core.time;

import static io.github.gridbill.core.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.EqualityGroups;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DayCalendarTest {
  static final DayCalendar US = DayCalendar.standard(HolidayCalendar.nerc());
  static final DayCalendar GULF =
      DayCalendar.of(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), HolidayCalendar.none());

  static Stream<Arguments> data_dayTypes() {
    return Stream.of(
        Arguments.of(US, "2024-07-04", DayType.HOLIDAY),
        Arguments.of(US, "2024-07-05", DayType.WEEKDAY),
        Arguments.of(US, "2024-07-06", DayType.WEEKEND),
        Arguments.of(US, "2024-07-07", DayType.WEEKEND),
        Arguments.of(US, "2024-07-08", DayType.WEEKDAY),
        // a holiday on a weekend day is a holiday (NERC keeps Saturday holidays on the Saturday)
        Arguments.of(US, "2022-01-01", DayType.HOLIDAY),
        Arguments.of(US, "2022-12-25", DayType.WEEKEND),
        Arguments.of(US, "2022-12-26", DayType.HOLIDAY),
        Arguments.of(GULF, "2024-07-05", DayType.WEEKEND),
        Arguments.of(GULF, "2024-07-06", DayType.WEEKEND),
        Arguments.of(GULF, "2024-07-07", DayType.WEEKDAY),
        Arguments.of(GULF, "2024-07-04", DayType.WEEKDAY),
        Arguments.of(DayCalendar.standard(), "2024-07-04", DayType.WEEKDAY),
        Arguments.of(DayCalendar.of(Set.of(), HolidayCalendar.none()), "2024-07-06", DayType.WEEKDAY));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("data_dayTypes")
  void dayType(DayCalendar calendar, String date, DayType expected) {
    assertThat(calendar.dayType(LocalDate.parse(date))).isEqualTo(expected);
  }

  @Test
  void standard_is_saturday_sunday_without_holidays() {
    assertThat(DayCalendar.standard().weekendDays()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(DayCalendar.standard().holidays()).isEqualTo(HolidayCalendar.none());
    assertThat(US.holidays()).isEqualTo(HolidayCalendar.nerc());
  }

  @Test
  void seven_weekend_days_are_refused() {
    invalid("weekendDays must leave at least one weekday: "
            + "[MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY]",
        () -> DayCalendar.of(EnumSet.allOf(DayOfWeek.class), HolidayCalendar.none()));
  }

  @Test
  void value_semantics() {
    EqualityGroups.create()
        .group(DayCalendar.standard(),
            DayCalendar.of(Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY), HolidayCalendar.none()))
        .group(US, DayCalendar.standard(HolidayCalendar.nerc()))
        .group(GULF)
        .group(DayCalendar.of(Set.of(DayOfWeek.SUNDAY), HolidayCalendar.none()))
        .verify();
  }
}
