package io.github.gridbill.formats;

/** What a local timestamp that does not exist (skipped when DST starts) means. */
public enum NonexistentTimeRule {
  /** Refuse it with a {@link LocalTimeException} naming the line and value (the default). */
  ERROR,
  /** Shift it forward by the length of the gap: 02:30 on a day that jumps from 02:00 to 03:00 becomes 03:30. */
  SHIFT_FORWARD
}
