package io.github.gridbill.core.tariff;

/** Where a tax is rounded. */
public enum TaxCalculation {
  /** Computed and rounded on each taxed line, then summed. */
  PER_LINE,
  /** Computed once on the sum of the taxed lines, rounded once. */
  ON_SUBTOTAL
}
