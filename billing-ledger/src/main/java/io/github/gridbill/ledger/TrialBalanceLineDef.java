package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * One account's balance in one currency, debits positive: a line of {@link Ledger#trialBalance}.
 *
 * <p>{@code RECEIVABLE:ACC-1 USD 57.33} (a debit balance), {@code REVENUE:ENERGY USD -90.00} (a credit balance). The
 * balances of a trial balance sum to zero in each currency. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class TrialBalanceLineDef {

  /**
   * The account.
   *
   * @return the account
   */
  @Value.Parameter
  public abstract LedgerAccount account();

  /**
   * The balance, debits positive.
   *
   * @return the balance
   */
  @Value.Parameter
  public abstract Money balance();
}
