package io.github.gridbill.ledger;

/** What an item's age is counted from in an aging report. */
public enum AgingBasis {
  /** Days past the due date (negative while not yet due): the default. */
  DUE_DATE,
  /** Days since the issue date. */
  INVOICE_DATE
}
