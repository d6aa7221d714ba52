package io.github.gridbill.core.tariff;

/** Which kWh a kWh bank's true-up pays. */
public enum TrueUpBasis {
  /** The kWh in the bank. */
  BANK_BALANCE,
  /**
   * The net surplus of the netting year: the running sum of each bill's total net export since the last true-up,
   * floored at zero after each bill (SAM/ssc, which banks per period but pays this figure). As in SAM, when the true-up
   * month is not December, January of every year after the first takes December's figure without adding January's own
   * net.
   */
  NET_SURPLUS_SINCE_TRUE_UP
}
