package io.github.gridbill.core.tariff;

/** The same-day adjustment of a demand-response baseline. */
public enum BaselineAdjustment {
  /** No adjustment. */
  NONE,
  /** Add (actual − baseline) averaged over the adjustment hours before the event, capped. */
  ADDITIVE,
  /** Multiply by actual ÷ baseline over the adjustment hours before the event, capped. */
  MULTIPLICATIVE
}
