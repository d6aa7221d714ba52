package io.github.gridbill.core.time;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A rule that names one holiday each year: a fixed date with an observance rule ({@code 25 December, Sunday moves to
 * Monday}), or the n-th (or last) weekday of a month ({@code 4th Thursday of November}).
 *
 * <p>Use the factories {@link HolidayRule#fixed}, {@link HolidayRule#nthWeekday} and {@link HolidayRule#lastWeekday}.
 * Instances are immutable and thread-safe; treat them as value types.
 */
@Value.Immutable
@GridBillStyle
abstract class HolidayRuleDef {


  /**
   * The holiday's name, for example {@code "Christmas Day"}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The month the holiday falls in.
   *
   * @return the month
   */
  public abstract Month month();

  /**
   * For a fixed-date holiday, the day of month.
   *
   * @return the day of month, or empty for a weekday rule
   */
  public abstract Optional<Integer> dayOfMonth();

  /**
   * For a weekday rule, the day of week.
   *
   * @return the day of week, or empty for a fixed date
   */
  public abstract Optional<DayOfWeek> dayOfWeek();

  /**
   * For a weekday rule, which occurrence: 1 to 5, or -1 for the last one in the month.
   *
   * @return the occurrence, 0 for a fixed date
   */
  @Value.Default
  public int occurrence() {
    return 0;
  }

  /**
   * How a fixed-date holiday on a weekend is observed.
   *
   * @return the observance
   */
  @Value.Default
  public HolidayObservance observance() {
    return HolidayObservance.ON_DATE;
  }

  /**
   * The date on which the holiday is observed in a year.
   *
   * <p>A 5th-weekday rule in a year whose month has only four such weekdays yields a date in the next month (the
   * result of {@link TemporalAdjusters#dayOfWeekInMonth}); {@link HolidayCalendar#isHoliday} treats that year as having
   * no such holiday.
   *
   * @param year the year
   * @return the observed date, never null
   */
  public LocalDate observedIn(int year) {
    if (dayOfMonth().isPresent()) {
      LocalDate d = LocalDate.of(year, month(), dayOfMonth().get());
      switch (observance()) {
        case SUNDAY_TO_MONDAY:
          return d.getDayOfWeek() == DayOfWeek.SUNDAY ? d.plusDays(1) : d;
        case NEAREST_WEEKDAY:
          if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return d.plusDays(1);
          }
          return d.getDayOfWeek() == DayOfWeek.SATURDAY ? d.minusDays(1) : d;
        default:
          return d;
      }
    }
    DayOfWeek dow = dayOfWeek().orElseThrow();
    LocalDate first = LocalDate.of(year, month(), 1);
    if (occurrence() == -1) {
      return first.with(TemporalAdjusters.lastInMonth(dow));
    }
    return first.with(TemporalAdjusters.dayOfWeekInMonth(occurrence(), dow));
  }

  /**
   * A holiday on a fixed date each year: {@code fixed("Christmas Day", DECEMBER, 25, SUNDAY_TO_MONDAY)}.
   *
   * @param name the name, not null
   * @param month the month, not null
   * @param dayOfMonth the day of month
   * @param observance how a weekend date is observed, not null
   * @return the rule, never null
   * @throws ValidationException if the day does not exist in the month every year (29 February is refused)
   */
  public static HolidayRule fixed(String name, Month month, int dayOfMonth, HolidayObservance observance) {
    return HolidayRule.builder().name(name).month(month).dayOfMonth(dayOfMonth).observance(observance).build();
  }

  /**
   * A holiday on the n-th weekday of a month: {@code nthWeekday("Labor Day", SEPTEMBER, MONDAY, 1)}.
   *
   * @param name the name, not null
   * @param month the month, not null
   * @param dayOfWeek the weekday, not null
   * @param n the occurrence, 1 to 5
   * @return the rule, never null
   * @throws ValidationException if n is not 1 to 5
   */
  public static HolidayRule nthWeekday(String name, Month month, DayOfWeek dayOfWeek, int n) {
    return HolidayRule.builder().name(name).month(month).dayOfWeek(dayOfWeek).occurrence(n).build();
  }

  /**
   * A holiday on the last given weekday of a month: {@code lastWeekday("Memorial Day", MAY, MONDAY)}.
   *
   * @param name the name, not null
   * @param month the month, not null
   * @param dayOfWeek the weekday, not null
   * @return the rule, never null
   */
  public static HolidayRule lastWeekday(String name, Month month, DayOfWeek dayOfWeek) {
    return HolidayRule.builder().name(name).month(month).dayOfWeek(dayOfWeek).occurrence(-1).build();
  }

  @Value.Check
  void check() {
    if (dayOfMonth().isPresent() == dayOfWeek().isPresent()) {
      throw new ValidationException(
          "holidayRule", name(), "must have either a dayOfMonth or a dayOfWeek, not both or neither");
    }
    dayOfMonth().ifPresent(d -> {
      // the date must exist every year: 29 February would make observedIn fail in three years of four
      if (d < 1 || d > month().minLength()) {
        throw new ValidationException("dayOfMonth", d, "must be a day of " + month() + " in every year");
      }
    });
    if (dayOfWeek().isPresent() && !(occurrence() == -1 || (occurrence() >= 1 && occurrence() <= 5))) {
      throw new ValidationException("occurrence", occurrence(), "must be 1 to 5, or -1 for the last");
    }
  }
}
