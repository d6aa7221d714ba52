package io.github.gridbill.core.tariff;

/** Which usage fills the tiers of a time-of-use energy charge. */
public enum TierCounter {
  /** Each TOU period has its own tier counter (tiers of the peak period fill with peak usage only). */
  PER_PERIOD,
  /**
   * One counter for the whole bill: tiers fill with total usage, and the rate of each kWh is that of its own TOU period
   * at the tier reached. How usage inside a tier is shared among periods is declared by the tariff's
   * {@link TierAllocation}.
   */
  ALL_PERIODS
}
