package io.github.gridbill.core.tariff;

/** Which demand a demand charge bills. */
public enum DemandBasis {
  /** The highest interval demand in the period (or in the TOU period's intervals). */
  PEAK,
  /** The billing demand after the tariff's ratchet rule: max(peak, ratchet % × reference demand, minimum). */
  BILLING_DEMAND
}
