package io.github.gridbill.reconcile.billing;

/** What billing reconciliation found wrong with a source record or an invoice reference. */
public enum FindingKind {
  /** No invoice bills the record (or every billing was credited back). */
  UNBILLED,
  /** The record is billed more than once, net of credits. */
  DOUBLE_BILLED,
  /** Billed once, but the billed quantity differs from the record's. */
  QUANTITY_MISMATCH,
  /** Billed once, but the billed amount differs from the record's expected amount. */
  AMOUNT_MISMATCH,
  /** Billed to another account than the record's. */
  ACCOUNT_MISMATCH,
  /** An invoice line names a source record that is not among the records reconciled. */
  UNKNOWN_SOURCE
}
