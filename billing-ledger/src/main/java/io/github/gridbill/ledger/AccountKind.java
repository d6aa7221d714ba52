package io.github.gridbill.ledger;

import io.github.gridbill.core.invoice.LineKind;

/**
 * The kinds of account in the ledger's chart of accounts.
 *
 * <p>Some kinds are one account ({@link #WRITE_OFF_EXPENSE}); others have one account per key: per customer account
 * ({@link #RECEIVABLE}, {@link #UNAPPLIED_CASH}), per {@link LineKind} ({@link #REVENUE}), per tax
 * ({@link #TAX_PAYABLE}), per {@link PaymentMethod} ({@link #CASH}) or per name ({@link #GENERAL}). Item-managed kinds
 * keep open items: every line on them names an item ({@link JournalLine#itemRef()}), a line on the kind's
 * {@link #normalSide()} opens or increases the item, a line on the other side settles it, never below zero.
 */
public enum AccountKind {
  /** Customer receivables (asset), one per customer account; items are invoices, late fees, debit adjustments. */
  RECEIVABLE(1, EntrySide.DEBIT, true, true),
  /**
   * Unapplied cash and credits of a customer (liability), one per customer account: payments not yet applied,
   * overpayments, credit notes and credit bills; the customer's credit balance. Items are the payments and credits.
   */
  UNAPPLIED_CASH(2, EntrySide.CREDIT, true, true),
  /** Cash received from an unknown payer (liability), one account; items are payments. */
  UNIDENTIFIED_CASH(3, EntrySide.CREDIT, true, false),
  /** Revenue, one account per invoice {@link LineKind} other than {@code TAX}, keyed by the kind's name. */
  REVENUE(4, EntrySide.CREDIT, false, true),
  /** Tax payable (liability), one account per tax, keyed by the tax line's source, for example {@code "CGST"}. */
  TAX_PAYABLE(5, EntrySide.CREDIT, false, true),
  /** Cash and bank (asset), one account per {@link PaymentMethod}, keyed by the method's name. */
  CASH(6, EntrySide.DEBIT, false, true),
  /** Bad debt written off (expense), one account. */
  WRITE_OFF_EXPENSE(7, EntrySide.DEBIT, false, false),
  /** Late-fee income, one account. */
  LATE_FEE_INCOME(8, EntrySide.CREDIT, false, false),
  /** Refunds approved but not yet paid out (liability), one account; items are refunds. */
  REFUNDS_PAYABLE(9, EntrySide.CREDIT, true, false),
  /** Billing adjustments (income when positive, expense when negative), one account. */
  ADJUSTMENTS(10, EntrySide.CREDIT, false, false),
  /** Any other account, keyed by name, for manual entries (bank fees, transfers between cash accounts). */
  GENERAL(11, EntrySide.DEBIT, false, true);

  private final int code;
  private final EntrySide normalSide;
  private final boolean itemManaged;
  private final boolean keyed;

  AccountKind(int code, EntrySide normalSide, boolean itemManaged, boolean keyed) {
    this.code = code;
    this.normalSide = normalSide;
    this.itemManaged = itemManaged;
    this.keyed = keyed;
  }

  /**
   * The side that increases this kind's balance: {@code RECEIVABLE.normalSide()} is {@code DEBIT}.
   *
   * @return the side, never null
   */
  public EntrySide normalSide() {
    return normalSide;
  }

  /**
   * Whether accounts of this kind keep open items (receivables, unapplied and unidentified cash, refunds payable).
   *
   * @return true if every line on such an account names an item
   */
  public boolean isItemManaged() {
    return itemManaged;
  }

  /**
   * Whether accounts of this kind have a key ({@code RECEIVABLE:ACC-1}) or are a single account
   * ({@code WRITE_OFF_EXPENSE}).
   *
   * @return true if keyed
   */
  public boolean isKeyed() {
    return keyed;
  }

  /**
   * Whether accounts of this kind belong to one customer account (their key is the customer's account id).
   *
   * @return true for {@link #RECEIVABLE} and {@link #UNAPPLIED_CASH}
   */
  public boolean isCustomerAccount() {
    return this == RECEIVABLE || this == UNAPPLIED_CASH;
  }

  /** The stable code used in the journal encoding. */
  int code() {
    return code;
  }

  static AccountKind ofCode(int code) {
    for (AccountKind k : values()) {
      if (k.code == code) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown account kind code " + code);
  }
}
