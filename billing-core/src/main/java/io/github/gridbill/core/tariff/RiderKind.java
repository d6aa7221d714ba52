package io.github.gridbill.core.tariff;

/** How a rider or surcharge is computed. */
public enum RiderKind {
  /** A rate per kWh of imported energy (net energy under net metering). */
  PER_KWH,
  /** A rate per kW of the bill's peak demand. */
  PER_KW,
  /** A percentage of the named lines' amounts. */
  PERCENT,
  /** A fixed amount per bill. */
  PER_BILL
}
