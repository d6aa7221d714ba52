package io.github.gridbill.ledger;

/**
 * What a journal entry records. Financial types move money (two or more balanced lines); memo types record facts
 * about items without moving money (no lines). The double-entry pattern of each type is in LEDGER.md.
 */
public enum EntryType {
  /** A manual entry posted with {@link Ledger#post}. */
  MANUAL(1, true),
  /** An invoice issued: debit receivable (or credit unapplied cash for a credit bill), credit revenue and tax. */
  INVOICE(2, true),
  /** A credit note against an invoice: debit revenue and tax, credit the invoice and any rest to unapplied cash. */
  CREDIT_NOTE(3, true),
  /** A payment received: debit cash by method, credit the customer's unapplied cash (or unidentified cash). */
  PAYMENT(4, true),
  /** An unidentified payment assigned to a customer: debit unidentified cash, credit the customer's unapplied cash. */
  PAYMENT_IDENTIFIED(5, true),
  /** A payment or credit applied to invoices: debit unapplied cash, credit receivable items. */
  APPLICATION(6, true),
  /** A billing adjustment: receivable against the adjustments account, either way. */
  ADJUSTMENT(7, true),
  /** A write-off: debit write-off expense, credit the receivable item. */
  WRITE_OFF(8, true),
  /** A late fee: debit a new receivable item, credit late-fee income. */
  LATE_FEE(9, true),
  /** A refund of a credit balance approved: debit unapplied cash, credit refunds payable. */
  REFUND(10, true),
  /** A refund paid out: debit refunds payable, credit cash by method. */
  REFUND_PAID(11, true),
  /** The exact mirror of an earlier financial entry. */
  REVERSAL(12, true),
  /** An invoice cancelled and replaced: the mirror of the old invoice plus the new invoice, in one entry. */
  REBILL(13, true),
  /** A dispute opened on an invoice (memo). */
  DISPUTE_OPENED(20, false),
  /** A dispute on an invoice resolved (memo). */
  DISPUTE_RESOLVED(21, false),
  /** A dunning run: the notices issued, item by item with their level (memo). */
  DUNNING_RUN(22, false),
  /** A period closed: nothing may be posted on or before its date afterwards (memo). */
  PERIOD_CLOSED(23, false),
  /** A customer account opened before its first invoice (memo). */
  CUSTOMER_OPENED(24, false);

  private final int code;
  private final boolean financial;

  EntryType(int code, boolean financial) {
    this.code = code;
    this.financial = financial;
  }

  /**
   * Whether entries of this type move money: {@code INVOICE.isFinancial()} is true, {@code DISPUTE_OPENED}'s false.
   *
   * @return true if the entry has two or more balanced lines, false if it has none
   */
  public boolean isFinancial() {
    return financial;
  }

  int code() {
    return code;
  }

  static EntryType ofCode(int code) {
    for (EntryType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown entry type code " + code);
  }
}
