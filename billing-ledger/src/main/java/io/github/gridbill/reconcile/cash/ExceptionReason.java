package io.github.gridbill.reconcile.cash;

/** Why a payment was not matched and went to the exception list. */
public enum ExceptionReason {
  /** No payer could be identified: no known account given, and no known account or invoice number referenced. */
  NO_PAYER,
  /**
   * More than one candidate fits equally well: two open items or combinations with the same amount, or references
   * to more than one account; also when the combination search reached its step limit without a certain answer.
   */
  AMBIGUOUS,
  /** The payment is larger than what it pays (the named invoices, or everything the payer has open) plus tolerance. */
  OVERPAYMENT,
  /** The payment is smaller than what it names (or than any open item of the payer) minus tolerance. */
  UNDERPAYMENT,
  /** The named invoices or the payer's open items are in another currency than the payment. */
  CURRENCY_MISMATCH,
  /** The payer is known but no rule found items to apply the payment to. */
  NO_MATCH,
  /**
   * A rule matched, but with less confidence than the ledger adapter accepts
   * ({@code CashPostingConfig.minimumConfidence()} in {@code io.github.gridbill.reconcile.ledger}). The engine itself
   * never gives this reason.
   */
  LOW_CONFIDENCE,
  /**
   * A rule matched, but the match cannot be posted through the ledger as one payment of one customer: its invoices
   * belong to another account than the payer, or to several accounts. Given by the ledger adapter, never by the
   * engine.
   */
  NOT_POSTABLE
}
