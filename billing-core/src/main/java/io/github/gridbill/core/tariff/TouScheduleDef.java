package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.Season;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A time-of-use schedule: maps every local time to a period by season, day type and time of day.
 *
 * <p>Periods are numbered from 0 and named by {@link #periodNames()}. Seasons must cover every day of the year exactly
 * once; each season needs a WEEKDAY and a WEEKEND profile, and a HOLIDAY profile is optional (holidays are priced as
 * weekend days without one). {@link #fromMonthHourMatrices} builds the 12 × 24 month-by-hour form used by OpenEI URDB
 * and SAM. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class TouScheduleDef {

  /**
   * The schedule's name, for example {@code "summer/winter 3-period"}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The name of each period, indexed by period number: {@code ["off-peak", "shoulder", "peak"]}.
   *
   * @return the period names, at least one
   */
  public abstract List<String> periodNames();

  /**
   * The seasons, covering the year exactly once.
   *
   * @return the seasons
   */
  public abstract List<Season> seasons();

  /**
   * The calendar that decides weekdays, weekend days and holidays.
   *
   * @return the day calendar, Saturday/Sunday weekends without holidays by default
   */
  @Value.Default
  public DayCalendar calendar() {
    return DayCalendar.standard();
  }

  /**
   * The day profiles, one per season and day type.
   *
   * @return the profiles
   */
  public abstract List<DayProfile> profiles();

  /**
   * The finest slot length of any profile, in minutes (60 for hourly profiles).
   *
   * @return the slot length
   */
  @Value.Derived
  public int slotMinutes() {
    int m = 1440;
    for (DayProfile p : profiles()) {
      m = Math.min(m, p.slotMinutes());
    }
    return m;
  }

  /**
   * The season a date falls in.
   *
   * @param date the date, not null
   * @return the season, never null
   */
  public Season seasonOf(LocalDate date) {
    for (Season s : seasons()) {
      if (s.contains(date)) {
        return s;
      }
    }
    throw new IllegalStateException("no season contains " + date); // excluded by check()
  }

  /**
   * The profile that applies on a date: its season's profile for the day type, holidays falling back to WEEKEND.
   *
   * @param date the date, not null
   * @return the profile, never null
   */
  public DayProfile profileOn(LocalDate date) {
    String season = seasonOf(date).name();
    DayType type = calendar().dayType(date);
    Optional<DayProfile> p = find(season, type);
    if (p.isEmpty() && type == DayType.HOLIDAY) {
      p = find(season, DayType.WEEKEND);
    }
    return p.orElseThrow();
  }

  /**
   * The period at a local date and time (evaluated on the wall clock, so DST days use their real local hours).
   *
   * @param localDateTime the local date and time, not null
   * @return the period index
   */
  public int periodAt(LocalDateTime localDateTime) {
    DayProfile p = profileOn(localDateTime.toLocalDate());
    int minute = localDateTime.getHour() * 60 + localDateTime.getMinute();
    return p.slots().get(minute / p.slotMinutes());
  }

  private Optional<DayProfile> find(String season, DayType type) {
    for (DayProfile p : profiles()) {
      if (p.season().equals(season) && p.dayType() == type) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * A schedule in the month-by-hour form of OpenEI URDB and SAM: {@code weekday[month][hour]} and
   * {@code weekend[month][hour]} give 0-based periods; months are January = 0. Each month becomes a season named after
   * it ({@code "Jan"} ...).
   *
   * @param name the schedule name, not null
   * @param periodNames the period names, not null
   * @param weekday 12 rows of 24 periods for weekdays, not null
   * @param weekend 12 rows of 24 periods for weekend days and holidays, not null
   * @param calendar the day calendar, not null
   * @return the schedule, never null
   * @throws ValidationException if a matrix is not 12 × 24 or names an unknown period
   */
  public static TouSchedule fromMonthHourMatrices(
      String name, List<String> periodNames, int[][] weekday, int[][] weekend, DayCalendar calendar) {
    checkMatrix("weekday", weekday);
    checkMatrix("weekend", weekend);
    TouSchedule.Builder b = TouSchedule.builder().name(name).periodNames(periodNames).calendar(calendar);
    for (int m = 0; m < 12; m++) {
      Month month = Month.of(m + 1);
      String season = month.getDisplayName(TextStyle.SHORT, Locale.ROOT);
      b.addSeason(Season.of(season, MonthDay.of(month, 1), MonthDay.of(month, month.maxLength())));
      b.addProfile(DayProfile.of(season, DayType.WEEKDAY, toList(weekday[m])));
      b.addProfile(DayProfile.of(season, DayType.WEEKEND, toList(weekend[m])));
    }
    return b.build();
  }

  /**
   * A schedule with a single period all the time (a flat rate), named {@code "all hours"}.
   *
   * @return the schedule, never null
   */
  public static TouSchedule allHours() {
    List<Integer> zeros = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      zeros.add(0);
    }
    Season all = Season.allYear();
    return TouSchedule.builder()
        .name("all hours")
        .addPeriodName("all hours")
        .addSeason(all)
        .addProfile(DayProfile.of(all.name(), DayType.WEEKDAY, zeros))
        .addProfile(DayProfile.of(all.name(), DayType.WEEKEND, zeros))
        .build();
  }

  private static void checkMatrix(String field, int[][] m) {
    if (m == null || m.length != 12) {
      throw new ValidationException(field, m == null ? null : m.length + " rows", "must have 12 rows (months)");
    }
    for (int i = 0; i < 12; i++) {
      if (m[i] == null || m[i].length != 24) {
        throw new ValidationException(
            field + "[" + i + "]", m[i] == null ? null : m[i].length + " entries", "must have 24 entries (hours)");
      }
    }
  }

  private static List<Integer> toList(int[] row) {
    List<Integer> l = new ArrayList<>(row.length);
    for (int v : row) {
      l.add(v);
    }
    return l;
  }

  @Value.Check
  void check() {
    if (periodNames().isEmpty()) {
      throw new ValidationException("periodNames", periodNames(), "must not be empty");
    }
    if (seasons().isEmpty()) {
      throw new ValidationException("seasons", seasons(), "must not be empty");
    }
    // every day of a leap year in exactly one season
    LocalDate d = LocalDate.of(2024, 1, 1);
    while (d.getYear() == 2024) {
      int n = 0;
      for (Season s : seasons()) {
        if (s.contains(d)) {
          n++;
        }
      }
      if (n != 1) {
        throw new ValidationException("seasons", MonthDay.from(d),
            n == 0 ? "must cover every day of the year" : "must not overlap, but " + n + " seasons contain");
      }
      d = d.plusDays(1);
    }
    for (Season s : seasons()) {
      for (DayType t : new DayType[] {DayType.WEEKDAY, DayType.WEEKEND}) {
        if (find(s.name(), t).isEmpty()) {
          throw new ValidationException(
              "profiles", s.name() + "/" + t, "must include every season's WEEKDAY and WEEKEND");
        }
      }
    }
    for (int i = 0; i < profiles().size(); i++) {
      for (int j = 0; j < i; j++) {
        DayProfile a = profiles().get(i);
        DayProfile b = profiles().get(j);
        if (a.season().equals(b.season()) && a.dayType() == b.dayType()) {
          throw new ValidationException(
              "profiles[" + i + "]", a.season() + "/" + a.dayType(), "must not repeat a season and day type");
        }
      }
    }
    for (DayProfile p : profiles()) {
      boolean known = false;
      for (Season s : seasons()) {
        known |= s.name().equals(p.season());
      }
      if (!known) {
        throw new ValidationException("profiles[" + p.season() + "/" + p.dayType() + "].season", p.season(),
            "must name a season of the schedule");
      }
      for (int i = 0; i < p.slots().size(); i++) {
        if (p.slots().get(i) >= periodNames().size()) {
          throw new ValidationException("profiles[" + p.season() + "/" + p.dayType() + "].slots[" + i + "]",
              p.slots().get(i), "must name a period 0 to " + (periodNames().size() - 1));
        }
      }
    }
  }
}
