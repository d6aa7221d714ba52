package io.github.gridbill.core.tariff;

/** How one bill-wide tier counter shares each tier's kWh among TOU periods ({@link TierCounter#ALL_PERIODS}). */
public enum TierAllocation {
  /** Intervals fill tiers in time order: the interval that crosses a bound is split there. */
  CHRONOLOGICAL,
  /** Each period gets a share of every tier in proportion to its share of the bill's usage (SAM/ssc's convention). */
  PROPORTIONAL
}
