package io.github.gridbill.core.tariff;

/**
 * How a per-period kWh bank moves to the next bill when the TOU periods change between bills (for example between
 * seasons).
 */
public enum KwhBankTransfer {
  /** Each period's bank goes to the period with the same index next bill. */
  SAME_PERIOD,
  /**
   * Each period's bank goes to the period that covers the same weekday hour next bill, the hour being the first of
   * {@link RatingConventions#bankTransferHours()} that the period covers; a period covering none of those hours loses
   * its bank (SAM/ssc).
   */
  SAME_HOURS
}
