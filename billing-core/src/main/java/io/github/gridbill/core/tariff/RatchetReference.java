package io.github.gridbill.core.tariff;

/** What a demand ratchet looks back at. */
public enum RatchetReference {
  /** The highest billed demand of the previous months (the usual utility wording). */
  BILLED_DEMAND,
  /** The highest actual peak of the previous months. */
  PEAK_DEMAND,
  /**
   * SAM/ssc's billing demand: each looked-back month's peak times that month's own percentage, the current month
   * included at its percentage (and at 100% where flagged), only the ratchet's demand periods counting when it names
   * any; the window reaches one month further into the previous year.
   */
  SAM_BILLING_DEMAND
}
