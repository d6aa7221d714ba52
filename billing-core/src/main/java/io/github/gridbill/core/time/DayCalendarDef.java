package io.github.gridbill.core.time;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Decides the {@link DayType} of each date: holidays first, then weekend days, then weekdays.
 *
 * <p>{@code DayCalendar.of(Set.of(SATURDAY, SUNDAY), HolidayCalendar.nerc())} makes 2024-07-04 a holiday, 2024-07-06 a
 * weekend day and 2024-07-05 a weekday. Instances are immutable and thread-safe; treat them as value types.
 */
@Value.Immutable
@GridBillStyle
abstract class DayCalendarDef {

  /**
   * The days of the week that are weekend days.
   *
   * @return the weekend days (may be empty)
   */
  @Value.Parameter
  public abstract Set<DayOfWeek> weekendDays();

  /**
   * The holidays.
   *
   * @return the holiday calendar
   */
  @Value.Parameter
  public abstract HolidayCalendar holidays();

  /**
   * Saturday and Sunday weekends, no holidays.
   *
   * @return the calendar, never null
   */
  public static DayCalendar standard() {
    return DayCalendar.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), HolidayCalendar.none());
  }

  /**
   * Saturday and Sunday weekends with the given holidays.
   *
   * @param holidays the holidays, not null
   * @return the calendar, never null
   */
  public static DayCalendar standard(HolidayCalendar holidays) {
    return DayCalendar.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidays);
  }

  /**
   * The day type of a date.
   *
   * @param date the date, not null
   * @return HOLIDAY, WEEKEND or WEEKDAY, never null
   */
  public DayType dayType(LocalDate date) {
    if (holidays().isHoliday(date)) {
      return DayType.HOLIDAY;
    }
    return weekendDays().contains(date.getDayOfWeek()) ? DayType.WEEKEND : DayType.WEEKDAY;
  }

  @Value.Check
  void check() {
    if (weekendDays().size() == 7) {
      throw new ValidationException("weekendDays", weekendDays(), "must leave at least one weekday");
    }
  }
}
