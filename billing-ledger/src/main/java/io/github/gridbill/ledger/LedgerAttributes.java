package io.github.gridbill.ledger;

/**
 * Names of the attributes the ledger's operations store on entries ({@link JournalEntry#attributes()}).
 *
 * <p>{@code entry.attribute(LedgerAttributes.METHOD)} is {@code "CARD"} on a card payment. Which type uses which name
 * is listed in LEDGER.md.
 */
public final class LedgerAttributes {
  /** The customer account id an entry concerns: {@code "ACC-1"}. */
  public static final String ACCOUNT_ID = "accountId";
  /** A document number: the invoice, credit note, adjustment or late fee's number. */
  public static final String DOCUMENT = "document";
  /** The invoice an entry acts on (credit note, write-off, dispute, reversal of an invoice). */
  public static final String INVOICE_NUMBER = "invoiceNumber";
  /** The payment (or credit) id: {@code "PAY-7"}. */
  public static final String PAYMENT_ID = "paymentId";
  /** The payment method's name: {@code "CHEQUE"}. */
  public static final String METHOD = "method";
  /** The external reference of a payment or refund: a cheque number, card authorisation, bank reference. */
  public static final String EXTERNAL_REFERENCE = "externalReference";
  /** How a payment was applied: {@code "BALANCE_FORWARD"} or {@code "OPEN_ITEM"}. */
  public static final String MODE = "mode";
  /** The sequence of the entry a reversal or rebill reverses: {@code "12"}. */
  public static final String REVERSES = "reverses";
  /** The number of the invoice a rebill replaces. */
  public static final String REPLACES = "replaces";
  /** A reason or resolution text. */
  public static final String REASON = "reason";
  /** The refund id. */
  public static final String REFUND_ID = "refundId";
  /** The last day of a closed period: {@code "2024-03-31"}. */
  public static final String CLOSED_THROUGH = "closedThrough";
  /** The overdue amount a late fee was computed on: {@code "USD 200.00"}. */
  public static final String BASE = "base";
  /** The rate a late fee was computed with: {@code "0.015"}. */
  public static final String RATE = "rate";
  /** Prefix of the dunning level names of a dunning run: {@code "level.2" = "Second notice"}. */
  public static final String LEVEL_PREFIX = "level.";

  private LedgerAttributes() {}
}
