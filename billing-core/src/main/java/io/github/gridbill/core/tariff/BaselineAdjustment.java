package io.github.gridbill.core.tariff;

/**
 * The same-day ("day-of", "in-day", "load point") adjustment of a demand-response baseline: the customer's actual load
 * in an adjustment window of hours before the event is compared with the unadjusted baseline over the same hours, and
 * the event hours' baseline is moved by the difference, within a cap.
 *
 * <p>Published forms: PJM Manual 11's Symmetric Additive Adjustment (additive, the 3 hours ending 1 hour before the
 * event); CAISO's 10-in-10 "with a 20% same day adjustment" (CAISO Baseline Accuracy Work Group proposal, 2017);
 * NYISO's weather-sensitive in-day adjustment (multiplicative, a ratio held between 0.8 and 1.2). See
 * {@link BaselineRule} for the parameters.
 */
public enum BaselineAdjustment {
  /** No adjustment. */
  NONE,
  /**
   * Add {@code (actual − baseline) ÷ intervals} of the adjustment window to every event interval's baseline, the
   * offset held within ± cap × the window's baseline ÷ intervals.
   */
  ADDITIVE,
  /**
   * Multiply every event interval's baseline by {@code actual ÷ baseline} of the adjustment window, the factor held
   * within {@code [1 − cap, 1 + cap]} (never below zero).
   */
  MULTIPLICATIVE
}
