package io.github.gridbill.rating.live;

/**
 * What became of one reading handed to a {@link LiveAccount}.
 *
 * <p>Only {@link #ACCEPTED} changes the account; the other outcomes leave it exactly as it was, so re-sending a file
 * is harmless.
 */
public enum IngestOutcome {
  /** The interval's first reading: folded into the bill-to-date. */
  ACCEPTED,
  /** The interval was already received with the same import, export, quality and method: nothing to do. */
  DUPLICATE,
  /**
   * The interval was already received with a different value: the new value is not applied (the first reading stands;
   * corrections go through validation, estimation and editing, then re-rating).
   */
  CONFLICT,
  /**
   * The interval is older than the lateness window (more than the window before the latest interval received), or
   * the cycle was closed: the interval is final and the reading is not applied, whether or not it was received
   * before.
   */
  TOO_LATE
}
