package io.github.gridbill.core.tariff;

/** How a customer's exports are settled (DOMAIN.md, Net metering). */
public enum NetMeteringMode {
  /**
   * Monthly netting: net = import − export over the period; a positive net is charged at retail, a negative net becomes
   * a credit carried to the next bill in kWh or money.
   */
  NET_METERING,
  /** Netting per interval: imports are charged at retail, exports credited at the export rate. */
  NET_BILLING,
  /** All consumption is bought at retail and all generation sold at the export rate (two meters). */
  BUY_ALL_SELL_ALL
}
