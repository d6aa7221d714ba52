package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import java.util.List;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The totals of an aging report in one currency, with the AR control balance they must tie to.
 *
 * <p>{@code total()} (all buckets plus disputed) equals {@code arControl()} when the sub-ledger ties to the control
 * account, which the ledger guarantees; {@link #tiesToControl()} says so. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class AgingTotalDef {

  /**
   * The currency.
   *
   * @return the currency
   */
  public abstract CurrencyUnit currency();

  /**
   * Open undisputed receivables per bucket.
   *
   * @return one amount per bucket
   */
  public abstract List<Money> buckets();

  /**
   * Open disputed receivables.
   *
   * @return the disputed amount
   */
  public abstract Money disputed();

  /**
   * All open receivables.
   *
   * @return the total
   */
  public abstract Money total();

  /**
   * Unapplied cash and credits of all customers.
   *
   * @return the credits
   */
  public abstract Money credits();

  /**
   * Unidentified cash.
   *
   * @return the unidentified amount
   */
  public abstract Money unidentified();

  /**
   * The balance of all receivable accounts as of the report's date.
   *
   * @return the AR control balance
   */
  public abstract Money arControl();

  /**
   * Whether the report's total equals the AR control balance.
   *
   * @return true if it ties
   */
  public boolean tiesToControl() {
    return total().equals(arControl());
  }
}
