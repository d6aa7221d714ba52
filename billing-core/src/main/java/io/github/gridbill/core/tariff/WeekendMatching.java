package io.github.gridbill.core.tariff;

/**
 * Which days are "like days" for a demand-response event on a weekend day or holiday (see {@link WeekendBaseline}).
 *
 * <p>CAISO's weekend/holiday baseline and PG&amp;E SmartDays ("the 5 previous weekend days or holidays") pool every
 * non-weekday; PJM Manual 11 keeps a Saturday CBL apart from a Sunday/holiday CBL, and NYISO compares like weekend
 * days.
 */
public enum WeekendMatching {
  /** Every weekend day and holiday is a like day of every weekend or holiday event. */
  ANY_WEEKEND_OR_HOLIDAY,
  /**
   * A weekend event is compared with earlier non-holiday days of the same day of the week (Saturdays with Saturdays);
   * an event on a holiday, or on {@link WeekendBaseline#holidayLikeDay()}, with holidays and non-holiday weekend days
   * of that day of the week (PJM's Sunday/holiday CBL).
   */
  SAME_DAY_OF_WEEK
}
