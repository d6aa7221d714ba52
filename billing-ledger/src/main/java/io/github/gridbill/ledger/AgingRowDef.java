package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import java.util.List;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * One customer's aging in one currency: open receivables per bucket, disputed items apart, and unapplied credits.
 *
 * <p>{@code ACC-1 USD [Current 10.00, 1-30 0.00, 31-60 57.33, 61-90 0.00, 90+ 0.00] disputed 20.00 total 87.33
 * credits 5.00}. {@code total = Σ buckets + disputed} = the customer's receivables balance. Instances are immutable
 * and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class AgingRowDef {

  /**
   * The customer account.
   *
   * @return the account id
   */
  public abstract String accountId();

  /**
   * The currency.
   *
   * @return the currency
   */
  public abstract CurrencyUnit currency();

  /**
   * Open undisputed receivables per bucket, in the policy's order.
   *
   * @return one amount per bucket
   */
  public abstract List<Money> buckets();

  /**
   * Open disputed receivables (not in any bucket).
   *
   * @return the disputed amount
   */
  public abstract Money disputed();

  /**
   * All open receivables: buckets plus disputed.
   *
   * @return the total
   */
  public abstract Money total();

  /**
   * The customer's unapplied cash and credits (shown apart; not subtracted from the buckets).
   *
   * @return the credits
   */
  public abstract Money credits();
}
