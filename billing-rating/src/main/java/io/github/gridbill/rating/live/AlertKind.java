package io.github.gridbill.rating.live;

/** The kind of a {@link LiveAlert}; each kind has its own alert type carrying the values behind it. */
public enum AlertKind {
  /** {@link ProjectedBillAlert}: the projected bill is over the account's threshold (or the default). */
  PROJECTED_BILL_OVER_THRESHOLD,
  /** {@link UsageIncreaseAlert}: usage this cycle is more than x% over the same point last cycle. */
  USAGE_ABOVE_LAST_CYCLE,
  /** {@link DemandPeakAlert}: a new demand peak raised the demand charge. */
  NEW_DEMAND_PEAK,
  /** {@link TierCrossedAlert}: usage crossed into a higher energy tier. */
  TIER_CROSSED,
  /** {@link ExportCreditDayAlert}: a day on which exports earned credit. */
  EXPORT_CREDIT_DAY,
  /** {@link MeterFaultAlert}: suspected tampering or meter fault. */
  METER_FAULT
}
