package io.github.gridbill.core.tariff;

/** How a fixed charge accrues. */
public enum FixedChargeBasis {
  /** A fixed amount per bill (prorated by days when a tariff change splits the period). */
  PER_BILL,
  /** An amount per day of service: 30 days × 0.50 = 15.00. */
  PER_DAY
}
