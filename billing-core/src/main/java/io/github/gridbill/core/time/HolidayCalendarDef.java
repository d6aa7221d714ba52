package io.github.gridbill.core.time;

import io.github.gridbill.core.GridBillStyle;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A named set of holidays: explicit dates plus yearly rules.
 *
 * <p>{@link HolidayCalendar#nerc()} is the North American off-peak holiday list (New Year's Day, Memorial Day,
 * Independence Day, Labor Day, Thanksgiving Day, Christmas Day; Sunday holidays observed on Monday) that many US
 * time-of-use tariffs use. {@link HolidayCalendar#none()} has no holidays.
 *
 * <p>Instances are immutable and thread-safe; treat them as value types.
 */
@Value.Immutable
@GridBillStyle
abstract class HolidayCalendarDef {

  /**
   * The calendar's name, for example {@code "NERC"}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Holidays given as explicit dates (one-off or published lists).
   *
   * @return the dates
   */
  public abstract Set<LocalDate> dates();

  /**
   * Holidays that recur every year by rule.
   *
   * @return the rules
   */
  public abstract List<HolidayRule> rules();

  /**
   * Whether a day is a holiday in this calendar.
   *
   * @param date the day, not null
   * @return true if the day is an explicit date or the observed date of a rule in its year
   */
  public boolean isHoliday(LocalDate date) {
    if (dates().contains(date)) {
      return true;
    }
    for (HolidayRule r : rules()) {
      // an observed date can cross a year boundary (a Saturday 1 January observed on Friday 31 December)
      for (int y = date.getYear() - 1; y <= date.getYear() + 1; y++) {
        LocalDate observed = r.observedIn(y);
        // a 5th-weekday rule in a month with only four such weekdays has no date that year
        boolean exists = r.dayOfMonth().isPresent() || observed.getMonth() == r.month();
        if (exists && observed.equals(date)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A calendar with no holidays.
   *
   * @return the empty calendar, never null
   */
  public static HolidayCalendar none() {
    return HolidayCalendar.builder().name("none").build();
  }

  /**
   * The NERC off-peak holidays: New Year's Day, Memorial Day, Independence Day, Labor Day, Thanksgiving Day and
   * Christmas Day, each observed on the Monday when it falls on a Sunday.
   *
   * @return the NERC calendar, never null
   */
  public static HolidayCalendar nerc() {
    HolidayObservance sun = HolidayObservance.SUNDAY_TO_MONDAY;
    return HolidayCalendar.builder()
        .name("NERC")
        .addRule(HolidayRule.fixed("New Year's Day", Month.JANUARY, 1, sun))
        .addRule(HolidayRule.lastWeekday("Memorial Day", Month.MAY, java.time.DayOfWeek.MONDAY))
        .addRule(HolidayRule.fixed("Independence Day", Month.JULY, 4, sun))
        .addRule(HolidayRule.nthWeekday("Labor Day", Month.SEPTEMBER, java.time.DayOfWeek.MONDAY, 1))
        .addRule(HolidayRule.nthWeekday("Thanksgiving Day", Month.NOVEMBER, java.time.DayOfWeek.THURSDAY, 4))
        .addRule(HolidayRule.fixed("Christmas Day", Month.DECEMBER, 25, sun))
        .build();
  }
}
