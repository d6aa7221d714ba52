package io.github.gridbill.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.EqualityGroups;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeasonTest {
  static final Season SUMMER = Season.of("summer", MonthDay.of(6, 1), MonthDay.of(9, 30));
  static final Season WINTER = Season.of("winter", MonthDay.of(10, 1), MonthDay.of(5, 31));
  static final Season DEC_TO_LEAP_DAY = Season.of("dec-feb", MonthDay.of(12, 1), MonthDay.of(2, 29));
  static final Season JAN_TO_LEAP_DAY = Season.of("jan-feb", MonthDay.of(1, 1), MonthDay.of(2, 29));
  static final Season FROM_LEAP_DAY = Season.of("leap-may", MonthDay.of(2, 29), MonthDay.of(5, 31));
  static final Season ONE_DAY = Season.of("july 4", MonthDay.of(7, 4), MonthDay.of(7, 4));

  static Stream<Arguments> data_contains() {
    return Stream.of(
        Arguments.of(SUMMER, "2024-06-01", true),
        Arguments.of(SUMMER, "2024-09-30", true),
        Arguments.of(SUMMER, "2024-07-15", true),
        Arguments.of(SUMMER, "2024-05-31", false),
        Arguments.of(SUMMER, "2024-10-01", false),
        // wrap-around over the year end
        Arguments.of(WINTER, "2024-10-01", true),
        Arguments.of(WINTER, "2024-12-31", true),
        Arguments.of(WINTER, "2025-01-01", true),
        Arguments.of(WINTER, "2024-05-31", true),
        Arguments.of(WINTER, "2024-06-01", false),
        Arguments.of(WINTER, "2024-09-30", false),
        // a 29 February end covers all of February in every year
        Arguments.of(DEC_TO_LEAP_DAY, "2023-02-28", true),
        Arguments.of(DEC_TO_LEAP_DAY, "2024-02-28", true),
        Arguments.of(DEC_TO_LEAP_DAY, "2024-02-29", true),
        Arguments.of(DEC_TO_LEAP_DAY, "2023-03-01", false),
        Arguments.of(DEC_TO_LEAP_DAY, "2024-03-01", false),
        Arguments.of(DEC_TO_LEAP_DAY, "2023-12-01", true),
        Arguments.of(DEC_TO_LEAP_DAY, "2023-11-30", false),
        Arguments.of(JAN_TO_LEAP_DAY, "2023-02-28", true),
        Arguments.of(JAN_TO_LEAP_DAY, "2024-02-29", true),
        Arguments.of(JAN_TO_LEAP_DAY, "2023-03-01", false),
        // a 29 February start begins on 1 March in other years
        Arguments.of(FROM_LEAP_DAY, "2024-02-29", true),
        Arguments.of(FROM_LEAP_DAY, "2024-02-28", false),
        Arguments.of(FROM_LEAP_DAY, "2023-02-28", false),
        Arguments.of(FROM_LEAP_DAY, "2023-03-01", true),
        Arguments.of(ONE_DAY, "2024-07-04", true),
        Arguments.of(ONE_DAY, "2024-07-05", false),
        Arguments.of(Season.allYear(), "2024-01-01", true),
        Arguments.of(Season.allYear(), "2024-02-29", true),
        Arguments.of(Season.allYear(), "2024-12-31", true));
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @MethodSource("data_contains")
  void contains(Season season, String date, boolean expected) {
    assertThat(season.contains(LocalDate.parse(date))).isEqualTo(expected);
  }

  @Test
  void summer_and_winter_split_every_year() {
    for (LocalDate d = LocalDate.of(2023, 1, 1); d.getYear() < 2025; d = d.plusDays(1)) {
      assertThat(SUMMER.contains(d) ^ WINTER.contains(d)).as(d.toString()).isTrue();
    }
  }

  @Test
  void all_year() {
    assertThat(Season.allYear().name()).isEqualTo("all year");
    assertThat(Season.allYear().startInclusive()).isEqualTo(MonthDay.of(1, 1));
    assertThat(Season.allYear().endInclusive()).isEqualTo(MonthDay.of(12, 31));
  }

  @Test
  void value_semantics() {
    EqualityGroups.create()
        .group(SUMMER, Season.of("summer", MonthDay.of(6, 1), MonthDay.of(9, 30)),
            Season.builder().name("summer").startInclusive(MonthDay.of(6, 1)).endInclusive(MonthDay.of(9, 30)).build())
        .group(Season.of("Summer", MonthDay.of(6, 1), MonthDay.of(9, 30)))
        .group(Season.of("summer", MonthDay.of(6, 2), MonthDay.of(9, 30)))
        .group(Season.of("summer", MonthDay.of(6, 1), MonthDay.of(9, 29)))
        .group(SUMMER.withName("high"))
        .verify();
  }
}
