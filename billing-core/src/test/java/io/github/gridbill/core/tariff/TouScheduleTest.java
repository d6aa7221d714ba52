package io.github.gridbill.core.tariff;

import static io.github.gridbill.core.tariff.TariffFixtures.OFF_PEAK;
import static io.github.gridbill.core.tariff.TariffFixtures.PEAK;
import static io.github.gridbill.core.tariff.TariffFixtures.SHOULDER;
import static io.github.gridbill.core.tariff.TariffFixtures.date;
import static io.github.gridbill.core.tariff.TariffFixtures.hours;
import static io.github.gridbill.core.tariff.TariffFixtures.twoSeasonSchedule;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.Season;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TouScheduleTest {
  static final TouSchedule SCHEDULE = twoSeasonSchedule();

  static Stream<Arguments> data_periodAt() {
    return Stream.of(
        // summer weekday (Monday 15 July 2024): shoulder 7-14, peak 14-20, shoulder 20-22
        Arguments.of("2024-07-15T03:00", OFF_PEAK),
        Arguments.of("2024-07-15T06:59", OFF_PEAK),
        Arguments.of("2024-07-15T07:00", SHOULDER),
        Arguments.of("2024-07-15T13:59", SHOULDER),
        Arguments.of("2024-07-15T14:00", PEAK),
        Arguments.of("2024-07-15T19:59", PEAK),
        Arguments.of("2024-07-15T20:00", SHOULDER),
        Arguments.of("2024-07-15T22:00", OFF_PEAK),
        Arguments.of("2024-07-15T23:59:59", OFF_PEAK),
        // summer weekend
        Arguments.of("2024-07-13T10:00", OFF_PEAK),
        Arguments.of("2024-07-13T17:00", SHOULDER),
        Arguments.of("2024-07-14T17:00", SHOULDER),
        // summer holidays (NERC) have their own profile, even on a weekday
        Arguments.of("2024-07-04T17:00", OFF_PEAK),
        Arguments.of("2024-09-02T17:00", OFF_PEAK),
        // season boundaries
        Arguments.of("2024-05-31T15:00", SHOULDER), // winter Friday
        Arguments.of("2024-06-03T15:00", PEAK), // summer Monday
        Arguments.of("2024-09-30T15:00", PEAK), // summer Monday
        Arguments.of("2024-10-01T15:00", SHOULDER), // winter Tuesday
        // winter weekday peak 17-20; winter holidays fall back to the weekend profile
        Arguments.of("2024-11-27T18:00", PEAK),
        Arguments.of("2024-11-28T18:00", OFF_PEAK),
        Arguments.of("2024-12-25T18:00", OFF_PEAK),
        Arguments.of("2025-01-01T18:00", OFF_PEAK),
        Arguments.of("2025-01-02T18:00", PEAK),
        // wall-clock time on DST days: 10 March 2024 is a Sunday, 11 March a Monday after the change
        Arguments.of("2024-03-10T18:00", OFF_PEAK),
        Arguments.of("2024-03-11T18:00", PEAK),
        Arguments.of("2024-11-04T17:00", PEAK));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("data_periodAt")
  void periodAt(String localDateTime, int period) {
    assertThat(SCHEDULE.periodAt(LocalDateTime.parse(localDateTime))).isEqualTo(period);
  }

  @Test
  void seasonOf_and_profileOn() {
    assertThat(SCHEDULE.seasonOf(date("2024-06-01")).name()).isEqualTo("summer");
    assertThat(SCHEDULE.seasonOf(date("2024-01-15")).name()).isEqualTo("winter");
    assertThat(SCHEDULE.profileOn(date("2024-07-04")).dayType()).isEqualTo(DayType.HOLIDAY);
    assertThat(SCHEDULE.profileOn(date("2024-12-25")).dayType()).isEqualTo(DayType.WEEKEND);
    assertThat(SCHEDULE.profileOn(date("2024-12-25")).season()).isEqualTo("winter");
    assertThat(SCHEDULE.profileOn(date("2024-12-24")).dayType()).isEqualTo(DayType.WEEKDAY);
  }

  @Test
  void half_hourly_profile_sets_the_slot_length() {
    List<Integer> halfHours = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      halfHours.add(i == 35 ? 1 : 0); // 17:30-18:00 only
    }
    Season all = Season.allYear();
    TouSchedule s = TouSchedule.builder().name("half-hour").addPeriodNames("off", "on").addSeason(all)
        .addProfile(DayProfile.of(all.name(), DayType.WEEKDAY, halfHours))
        .addProfile(DayProfile.of(all.name(), DayType.WEEKEND, hours(0, 0, 0, 0)))
        .build();
    assertThat(s.slotMinutes()).isEqualTo(30);
    assertThat(s.profiles().get(0).slotMinutes()).isEqualTo(30);
    assertThat(s.profiles().get(1).slotMinutes()).isEqualTo(60);
    assertThat(s.periodAt(LocalDateTime.parse("2024-07-15T17:29"))).isZero();
    assertThat(s.periodAt(LocalDateTime.parse("2024-07-15T17:30"))).isEqualTo(1);
    assertThat(s.periodAt(LocalDateTime.parse("2024-07-15T17:59"))).isEqualTo(1);
    assertThat(s.periodAt(LocalDateTime.parse("2024-07-15T18:00"))).isZero();
  }

  @Test
  void five_minute_and_one_minute_profiles() {
    List<Integer> fiveMinutes = new ArrayList<>();
    for (int i = 0; i < 288; i++) {
      fiveMinutes.add(i % 2);
    }
    List<Integer> minutes = new ArrayList<>();
    for (int i = 0; i < 1440; i++) {
      minutes.add(i == 1439 ? 1 : 0);
    }
    Season all = Season.allYear();
    TouSchedule s = TouSchedule.builder().name("fine").addPeriodNames("a", "b").addSeason(all)
        .addProfile(DayProfile.of(all.name(), DayType.WEEKDAY, fiveMinutes))
        .addProfile(DayProfile.of(all.name(), DayType.WEEKEND, minutes))
        .build();
    assertThat(s.slotMinutes()).isEqualTo(1);
    assertThat(s.periodAt(LocalDateTime.parse("2024-07-15T00:04"))).isZero();
    assertThat(s.periodAt(LocalDateTime.parse("2024-07-15T00:05"))).isEqualTo(1);
    assertThat(s.periodAt(LocalDateTime.parse("2024-07-13T23:58"))).isZero();
    assertThat(s.periodAt(LocalDateTime.parse("2024-07-13T23:59"))).isEqualTo(1);
  }

  @Test
  void all_hours() {
    TouSchedule s = TouSchedule.allHours();
    assertThat(s.name()).isEqualTo("all hours");
    assertThat(s.periodNames()).containsExactly("all hours");
    assertThat(s.seasons()).containsExactly(Season.allYear());
    assertThat(s.slotMinutes()).isEqualTo(60);
    assertThat(s.periodAt(LocalDateTime.parse("2024-07-04T17:00"))).isZero();
    assertThat(s.periodAt(LocalDateTime.parse("2024-02-29T23:00"))).isZero();
  }
}
