package io.github.gridbill.core.tariff;

/** How exported energy is priced. */
public enum ExportRateKind {
  /** One rate for every exported kWh. */
  FLAT,
  /** A rate per TOU period of the export schedule. */
  PER_PERIOD,
  /** A price per interval (real-time export prices). */
  TIME_SERIES,
  /** The sell rate of the energy charge's tier and period (URDB {@code sell}, ssc sell column). */
  TIER_SELL_RATES
}
