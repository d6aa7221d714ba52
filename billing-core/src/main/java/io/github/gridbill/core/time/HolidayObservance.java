package io.github.gridbill.core.time;

/** How a fixed-date holiday that falls on a weekend is observed. */
public enum HolidayObservance {
  /** Observed on the date itself, whatever the day. */
  ON_DATE,
  /** Sunday moves to the following Monday; Saturday stays (the NERC off-peak holiday rule). */
  SUNDAY_TO_MONDAY,
  /** Saturday moves to the Friday before, Sunday to the Monday after (US federal rule). */
  NEAREST_WEEKDAY
}
