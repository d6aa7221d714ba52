package io.github.gridbill.reconcile.ledger;

/**
 * Where a bank line's money stands in the ledger once its postings are made.
 *
 * <p>Together with {@code PlannedLine.previouslyImported()} it says what an import does with the line: a new line is
 * recorded and either applied ({@link #APPLIED}) or held ({@link #UNIDENTIFIED}); a line imported before posts nothing
 * new unless it was recorded to a customer and never applied, in which case it is matched again.
 */
public enum LineStatus {
  /** Recorded to the payer and applied to the payer's invoices (now, or by an earlier import or identification). */
  APPLIED,
  /**
   * Recorded to unidentified cash: a cash-application exception (no payer, ambiguous, over- or underpayment, no
   * match, too little confidence, not postable), waiting for
   * {@code LedgerCashApplication.identify(...)}.
   */
  UNIDENTIFIED,
  /**
   * Recorded to a customer (identified later, or an application interrupted) and not applied: no rule matches it now.
   * It stays on the customer's unapplied cash, a credit balance.
   */
  UNAPPLIED
}
