package io.github.gridbill.core.invoice;

/** What a bill or invoice line charges or credits; the ledger books revenue by kind. */
public enum LineKind {
  /** A fixed charge (per bill or per day). */
  FIXED,
  /** An energy charge. */
  ENERGY,
  /** A demand charge. */
  DEMAND,
  /** A minimum-charge top-up. */
  MINIMUM,
  /** A rider or surcharge. */
  RIDER,
  /** A credit for exported energy (net billing, buy-all/sell-all) or a net-metering credit applied or paid. */
  EXPORT_CREDIT,
  /** A demand-response incentive credit. */
  DEMAND_RESPONSE_CREDIT,
  /** Solar PPA energy. */
  PPA,
  /** A lease payment. */
  LEASE,
  /** A maintenance-contract fee. */
  MAINTENANCE,
  /** A one-off item: service ticket, sales-order line, milestone, installation. */
  ONE_OFF,
  /** A correction of an earlier bill (re-rating differences, manual adjustments). */
  ADJUSTMENT,
  /** A tax. */
  TAX
}
