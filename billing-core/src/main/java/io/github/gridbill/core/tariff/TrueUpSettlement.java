package io.github.gridbill.core.tariff;

/** What happens to a net-metering bank at the true-up month. */
public enum TrueUpSettlement {
  /** The bank is paid out (kWh at the surplus rate, or the money) and reset. */
  PAY,
  /** The bank is forfeited and reset. */
  FORFEIT,
  /**
   * The bank carries into the next year; a kWh bank is valued at the surplus rate, offsets the true-up bill's energy
   * charges, and the rest carries as money.
   */
  ROLL_OVER,
  /**
   * The bank is paid out and also carried into the next year (reproduces SAM/ssc 2025 with
   * {@code ur_nm_credit_rollover = 1}; not a real tariff rule).
   */
  PAY_AND_ROLL_OVER
}
