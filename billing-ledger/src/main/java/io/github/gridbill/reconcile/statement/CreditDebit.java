package io.github.gridbill.reconcile.statement;

import java.util.Objects;
import org.joda.money.Money;

/** Whether a statement line or balance is money in (credit) or out (debit) of the statement's account. */
public enum CreditDebit {
  /** Money into the account: an incoming payment ({@code CRDT} in camt.053, type codes 100–399 in BAI2). */
  CREDIT,
  /** Money out of the account ({@code DBIT} in camt.053, type codes 400–699 in BAI2). */
  DEBIT;

  /**
   * The signed amount, credits positive: {@code DEBIT.signed(EUR 7.00)} is {@code EUR -7.00}.
   *
   * @param amount the unsigned amount, not null
   * @return the signed amount, never null
   */
  public Money signed(Money amount) {
    Objects.requireNonNull(amount, "amount");
    return this == CREDIT ? amount : amount.negated();
  }
}
