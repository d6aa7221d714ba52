package io.github.gridbill.reconcile.ledger;

/**
 * What a ledger reconciliation found to differ. Receivables reconciliation ({@link ReceivablesReconciler}) reports the
 * first five, bank reconciliation ({@link BankReconciler}) the rest.
 */
public enum DifferenceKind {
  /** A customer's open receivable items do not add up to the balance of its {@code RECEIVABLE} account. */
  CUSTOMER_RECEIVABLE,
  /** A customer's open credits (unapplied payments and credits) do not add up to its {@code UNAPPLIED_CASH} balance. */
  CUSTOMER_CREDITS,
  /** The open unidentified payments do not add up to the {@code UNIDENTIFIED_CASH} balance. */
  UNIDENTIFIED_CASH,
  /** All open receivable items together do not add up to the AR control balance (all {@code RECEIVABLE} accounts). */
  AR_CONTROL,
  /** The AR control balance another book gives (the general ledger's AR control account) is not the ledger's. */
  EXTERNAL_CONTROL,
  /**
   * The statement's opening balance (or, without one, the opening its closing balance and lines imply) is not the
   * ledger's cash balance at the end of the day before the statement period.
   */
  OPENING_BALANCE,
  /** A booked statement line has no ledger entry: a bank charge, a transfer, a line not imported. */
  NOT_IN_LEDGER,
  /** A ledger entry on the cash account inside the statement period has no statement line: not (yet) at the bank. */
  NOT_ON_STATEMENT,
  /** A statement line and the ledger entry that records it have different amounts. */
  AMOUNT_MISMATCH,
  /** The ledger records a statement line before the statement period (for example on an earlier value date). */
  POSTED_BEFORE_PERIOD,
  /** The ledger records a statement line after the statement date (for example on a later value date). */
  POSTED_AFTER_STATEMENT,
  /**
   * The statement's closing balance is not its opening balance plus its booked lines: the file disagrees with itself.
   */
  STATEMENT_TOTALS
}
