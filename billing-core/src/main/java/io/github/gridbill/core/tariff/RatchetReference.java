package io.github.gridbill.core.tariff;

/** What a demand ratchet looks back at. */
public enum RatchetReference {
  /** The highest billed demand of the previous months (the usual utility wording). */
  BILLED_DEMAND,
  /** The highest actual peak of the previous months (SAM/ssc's billing demand). */
  PEAK_DEMAND
}
