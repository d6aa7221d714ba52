package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.money.Monies;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The whole sub-ledger against the AR control, in one currency, as of a day.
 *
 * <p>{@code USD: 3 open items 270.00, customers' receivable balances 270.00, AR control 270.00, general ledger
 * 295.00, unidentified payments 40.00, unidentified cash 40.00}: the sub-ledger ties to the ledger's control; the
 * general ledger is USD 25.00 higher ({@link #externalDifference()}). Credits are shown positive. Instances are
 * immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class ControlRowDef {

  /**
   * How many open receivable items.
   *
   * @return the count
   */
  public abstract int openItemCount();

  /**
   * The sum of all open receivable items.
   *
   * @return the amount
   */
  public abstract Money openItems();

  /**
   * The sum of the customers' {@code RECEIVABLE} balances.
   *
   * @return the amount
   */
  public abstract Money customerReceivables();

  /**
   * The ledger's AR control balance ({@code Ledger.arControl}).
   *
   * @return the balance
   */
  public abstract Money arControl();

  /**
   * The AR control balance another book gives, when one was given.
   *
   * @return the balance, or empty
   */
  public abstract Optional<Money> externalControl();

  /**
   * The sum of the open unidentified payments.
   *
   * @return the amount, positive
   */
  public abstract Money unidentifiedPayments();

  /**
   * The credit balance of {@code UNIDENTIFIED_CASH}, shown positive.
   *
   * @return the balance
   */
  public abstract Money unidentifiedCash();

  /**
   * The currency.
   *
   * @return the currency, never null
   */
  public CurrencyUnit currency() {
    return openItems().getCurrencyUnit();
  }

  /**
   * Open items less the AR control: zero when they tie.
   *
   * @return the difference, never null
   */
  public Money difference() {
    return openItems().minus(arControl());
  }

  /**
   * The other book's control less the ledger's.
   *
   * @return the difference, or empty when no other book was given
   */
  public Optional<Money> externalDifference() {
    return externalControl().map(e -> e.minus(arControl()));
  }

  /**
   * Open unidentified payments less the {@code UNIDENTIFIED_CASH} balance: zero when they tie.
   *
   * <p>For the row above, {@code USD 0.00}.
   *
   * @return the difference, never null
   */
  public Money unidentifiedDifference() {
    return unidentifiedPayments().minus(unidentifiedCash());
  }

  @Value.Check
  void check() {
    Checks.notNegative(openItemCount(), "openItemCount");
    CurrencyUnit c = openItems().getCurrencyUnit();
    Monies.requireCurrency("customerReceivables", customerReceivables(), c);
    Monies.requireCurrency("arControl", arControl(), c);
    if (externalControl().isPresent()) {
      Monies.requireCurrency("externalControl", externalControl().get(), c);
    }
    Monies.requireCurrency("unidentifiedPayments", unidentifiedPayments(), c);
    Monies.requireCurrency("unidentifiedCash", unidentifiedCash(), c);
  }
}
