package io.github.gridbill.core.tariff;

/** How tiered rates price usage. */
public enum TierMode {
  /**
   * Graduated (inclining or declining) blocks: each tier's rate applies only to usage inside that tier. Tiers
   * 0–100 @0.10, 100–300 @0.15, >300 @0.20: 450 kWh = 10.00 + 30.00 + 30.00 = 70.00.
   */
  BLOCK,
  /** All-units: the highest tier reached prices every unit. Same tiers: 450 kWh = 450 × 0.20 = 90.00. */
  VOLUME
}
