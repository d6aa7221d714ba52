package io.github.gridbill.core.tariff;

/** What happens to a bill's surplus credit. */
public enum CreditCarry {
  /** Nothing carries: a net-billing surplus is credited on the bill itself (the bill may be negative). */
  NONE,
  /** Surplus kWh roll to the next bill as kWh and offset future imports. */
  KWH,
  /** Surplus is valued at the export rate and rolls to the next bill as money. */
  MONEY
}
