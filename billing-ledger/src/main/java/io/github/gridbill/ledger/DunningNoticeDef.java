package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import java.util.List;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A dunning notice for the embedding system to send: one customer, one level, the items and their total.
 *
 * <p>{@code ACC-1 level 2 "Second notice": INV-40 USD 20.00, INV-42 USD 57.33; total USD 77.33}. Instances are
 * immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class DunningNoticeDef {

  /**
   * The customer account.
   *
   * @return the account id
   */
  public abstract String accountId();

  /**
   * The level.
   *
   * @return the level number
   */
  public abstract int level();

  /**
   * The level's name.
   *
   * @return the name
   */
  public abstract String levelName();

  /**
   * The items, in due-date order.
   *
   * @return the items, at least one
   */
  public abstract List<DunningItem> items();

  /**
   * The sum of the items' open amounts.
   *
   * @return the total
   */
  public abstract Money total();
}
