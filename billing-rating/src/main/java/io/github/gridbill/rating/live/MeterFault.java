package io.github.gridbill.rating.live;

/** A suspected tampering or meter fault, as a {@link MeterFaultAlert} reports it. */
public enum MeterFault {
  /**
   * Energy flowed to the grid at an account that declares no generation (a reversed or bypassed meter, or unregistered
   * generation).
   */
  REVERSE_FLOW_WITHOUT_GENERATION,
  /**
   * Import and export both read zero for at least {@link LiveOptions#flatZeroHours()} of a day while the account
   * normally consumes (its reference daily import is at least {@link LiveOptions#normalDailyUse()}).
   */
  FLAT_ZERO,
  /**
   * {@link LiveOptions#dropDays()} complete days in a row each imported less than {@link LiveOptions#dropPercent()}%
   * of the reference daily import.
   */
  SUSTAINED_DROP
}
