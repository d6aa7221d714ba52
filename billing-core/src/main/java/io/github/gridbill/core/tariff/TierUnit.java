package io.github.gridbill.core.tariff;

/** The unit of a tier bound, and so how it scales with the bill. */
public enum TierUnit {
  /** kWh per billing period (prorated by days when a tariff change splits the period). */
  KWH,
  /** kWh per day of the period: 10 kWh/day over 30 days is a 300 kWh bound. */
  KWH_PER_DAY,
  /**
   * kWh per kW of demand: 200 kWh/kW with a 50 kW demand is a 10,000 kWh bound. The demand is the period's peak, or the
   * billing demand when the tariff's conventions say so.
   */
  KWH_PER_KW,
  /** kWh per kW per day: both scalings at once. */
  KWH_PER_KW_PER_DAY,
  /** kW of demand, for demand-charge tiers. */
  KW
}
