package io.github.gridbill.ledger;

/**
 * How a payment was received or a refund paid; each method has its own cash/bank account,
 * {@code LedgerAccount.cash(PaymentMethod.CARD)}.
 */
public enum PaymentMethod {
  /** Credit or debit card. */
  CARD,
  /** Cheque (check). */
  CHEQUE,
  /** Electronic funds transfer. */
  EFT,
  /** ACH (automated clearing house) transfer. */
  ACH,
  /** Wire transfer. */
  WIRE,
  /** Direct debit (mandate collected by the biller). */
  DIRECT_DEBIT,
  /** Online payment (portal, wallet, UPI). */
  ONLINE,
  /** Cash at a counter. */
  CASH,
  /** Any other method. */
  OTHER
}
