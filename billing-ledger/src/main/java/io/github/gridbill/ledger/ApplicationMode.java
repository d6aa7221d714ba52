package io.github.gridbill.ledger;

/** How a payment or credit is applied to a customer's invoices. */
public enum ApplicationMode {
  /** Oldest due first over the customer's open, undisputed items in the payment's currency (the utility norm). */
  BALANCE_FORWARD,
  /** To the invoices named, in the order named. */
  OPEN_ITEM
}
