package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.money.Monies;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * One customer's sub-ledger against its accounts, in one currency, as of a day: its open items against its
 * {@code RECEIVABLE} balance, its open credits against its {@code UNAPPLIED_CASH} balance.
 *
 * <p>ACC-1 with INV-1 (USD 100.00 open) and INV-2 (USD 50.00 open) and an unapplied payment of USD 20.00:
 * {@code openItemCount 2, openItems 150.00, receivable 150.00, openCredits 20.00, unappliedCash 20.00,
 * customerBalance 130.00}, both differences zero. Credits are shown positive. Instances are immutable and
 * thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class ReceivablesRowDef {

  /**
   * The customer account.
   *
   * @return the account id
   */
  public abstract String accountId();

  /**
   * How many open receivable items the sub-ledger has.
   *
   * @return the count
   */
  public abstract int openItemCount();

  /**
   * The sum of the sub-ledger's open receivable items.
   *
   * @return the amount
   */
  public abstract Money openItems();

  /**
   * The ledger balance of the customer's {@code RECEIVABLE} account.
   *
   * @return the balance, debits positive
   */
  public abstract Money receivable();

  /**
   * The sum of the customer's open credits (unapplied payments, credit notes, credit bills) in the ledger.
   *
   * @return the amount, positive
   */
  public abstract Money openCredits();

  /**
   * The credit balance of the customer's {@code UNAPPLIED_CASH} account, shown positive.
   *
   * @return the balance
   */
  public abstract Money unappliedCash();

  /**
   * The currency.
   *
   * @return the currency, never null
   */
  public CurrencyUnit currency() {
    return openItems().getCurrencyUnit();
  }

  /**
   * What the customer owes: receivable less unapplied cash (negative: a credit balance).
   *
   * @return the balance, never null
   */
  public Money customerBalance() {
    return receivable().minus(unappliedCash());
  }

  /**
   * Open items less the receivable balance: zero when they tie.
   *
   * @return the difference, never null
   */
  public Money receivableDifference() {
    return openItems().minus(receivable());
  }

  /**
   * Open credits less the unapplied-cash balance: zero when they tie.
   *
   * @return the difference, never null
   */
  public Money creditDifference() {
    return openCredits().minus(unappliedCash());
  }

  /**
   * Whether both tie.
   *
   * @return true when both differences are zero
   */
  public boolean ties() {
    return receivableDifference().isZero() && creditDifference().isZero();
  }

  @Value.Check
  void check() {
    Checks.notBlank(accountId(), "accountId");
    Checks.notNegative(openItemCount(), "openItemCount");
    CurrencyUnit c = openItems().getCurrencyUnit();
    Monies.requireCurrency("receivable", receivable(), c);
    Monies.requireCurrency("openCredits", openCredits(), c);
    Monies.requireCurrency("unappliedCash", unappliedCash(), c);
  }
}
