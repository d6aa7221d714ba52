package io.github.gridbill.core.contract;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.BillingPeriod;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.immutables.value.Value;

/**
 * A monthly billing cycle read on a bill day: with bill day 15, the period billed in April 2024 is
 * {@code [2024-03-15, 2024-04-15)}; bill day 1 gives calendar months. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class BillingCycleDef {

  /**
   * The day of month on which each period starts (and the previous one ends), 1 to 28.
   *
   * @return the bill day
   */
  @Value.Parameter
  public abstract int billDay();

  /**
   * A cycle starting on the given day of each month.
   *
   * @param billDay the day, 1 to 28
   * @return the cycle, never null
   * @throws ValidationException if the day is not 1 to 28
   */
  public static BillingCycle monthlyOn(int billDay) {
    return BillingCycle.of(billDay);
  }

  /**
   * The period that ends on the bill day of a month: {@code periodEndingIn(2024-04)} with bill day 15 is
   * {@code [2024-03-15, 2024-04-15)}.
   *
   * @param month the month in which the period ends, not null
   * @param zone the zone, not null
   * @return the period, never null
   */
  public BillingPeriod periodEndingIn(YearMonth month, ZoneId zone) {
    LocalDate end = month.atDay(billDay());
    return BillingPeriod.of(end.minusMonths(1), end, zone);
  }

  /**
   * The period that contains a day.
   *
   * @param date the day, not null
   * @param zone the zone, not null
   * @return the period, never null
   */
  public BillingPeriod periodContaining(LocalDate date, ZoneId zone) {
    LocalDate start = date.getDayOfMonth() >= billDay() ? date.withDayOfMonth(billDay())
        : date.minusMonths(1).withDayOfMonth(billDay());
    return BillingPeriod.of(start, start.plusMonths(1), zone);
  }

  @Value.Check
  void check() {
    if (billDay() < 1 || billDay() > 28) {
      throw new ValidationException("billDay", billDay(), "must be 1 to 28");
    }
  }
}
