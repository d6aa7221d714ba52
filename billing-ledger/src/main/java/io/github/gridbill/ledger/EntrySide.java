package io.github.gridbill.ledger;

import io.github.gridbill.core.ValidationException;
import org.joda.money.Money;

/**
 * The side of a journal line. A debit increases an asset (customer receivables, cash) and a credit increases revenue,
 * liabilities (tax payable, unapplied cash) and income.
 */
public enum EntrySide {
  /** Debit: the left side. */
  DEBIT,
  /** Credit: the right side. */
  CREDIT;

  /**
   * The signed amount of a line of this side, debits positive: {@code CREDIT.signed(USD 5.00)} is {@code USD -5.00}.
   * A balanced entry's signed amounts sum to zero per currency.
   *
   * @param amount the line amount, not negative, not null
   * @return the signed amount, never null
   * @throws ValidationException if the amount is negative
   */
  public Money signed(Money amount) {
    if (amount.isNegative()) {
      throw new ValidationException("amount", amount, "must not be negative");
    }
    return this == DEBIT ? amount : amount.negated();
  }
}
