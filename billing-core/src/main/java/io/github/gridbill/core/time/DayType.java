package io.github.gridbill.core.time;

/** The kind of day a time-of-use schedule distinguishes. */
public enum DayType {
  /** A working day (by default Monday to Friday) that is not a holiday. */
  WEEKDAY,
  /** A weekend day (by default Saturday and Sunday) that is not a holiday. */
  WEEKEND,
  /** A day in the tariff's holiday calendar; a schedule without a holiday profile prices it as a weekend day. */
  HOLIDAY
}
