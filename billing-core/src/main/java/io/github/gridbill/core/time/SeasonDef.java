package io.github.gridbill.core.time;

import io.github.gridbill.core.GridBillStyle;
import java.time.LocalDate;
import java.time.MonthDay;
import org.immutables.value.Value;

/**
 * A named season: the days from {@code startInclusive} to {@code endInclusive} every year, wrapping over the year end
 * when the end comes before the start ({@code winter: 10-01 .. 05-31}).
 *
 * <p>{@code Season.of("summer", MonthDay.of(6, 1), MonthDay.of(9, 30))} contains 2024-06-01 and 2024-09-30 but not
 * 2024-10-01. A 29 February bound matches 28 February in non-leap years (so {@code 12-01 .. 02-29} covers all of
 * February every year). Instances are immutable and thread-safe; treat them as value types.
 */
@Value.Immutable
@GridBillStyle
abstract class SeasonDef {

  /**
   * The season's name, for example {@code "summer"}.
   *
   * @return the name
   */
  @Value.Parameter
  public abstract String name();

  /**
   * The first day of the season each year.
   *
   * @return the start
   */
  @Value.Parameter
  public abstract MonthDay startInclusive();

  /**
   * The last day of the season each year.
   *
   * @return the end
   */
  @Value.Parameter
  public abstract MonthDay endInclusive();

  /**
   * Whether a date falls in this season.
   *
   * @param date the date, not null
   * @return true if in the season
   */
  public boolean contains(LocalDate date) {
    MonthDay md = MonthDay.from(date);
    MonthDay end = endInclusive();
    if (end.getMonthValue() == 2 && end.getDayOfMonth() == 29 && !date.isLeapYear()
        && md.equals(MonthDay.of(2, 28))) {
      md = end;
    }
    if (!startInclusive().isAfter(end)) {
      return !md.isBefore(startInclusive()) && !md.isAfter(end);
    }
    return !md.isBefore(startInclusive()) || !md.isAfter(end);
  }

  /**
   * The whole year as one season.
   *
   * @return the all-year season, never null
   */
  public static Season allYear() {
    return Season.of("all year", MonthDay.of(1, 1), MonthDay.of(12, 31));
  }
}
