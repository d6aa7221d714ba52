package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import java.time.LocalDate;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * One item on a dunning notice: {@code INV-42 due 2024-05-05, 45 days past due, USD 57.33}. Instances are immutable
 * and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class DunningItemDef {

  /**
   * The invoice (or late fee, adjustment) number.
   *
   * @return the number
   */
  @Value.Parameter
  public abstract String number();

  /**
   * The due date.
   *
   * @return the due date
   */
  @Value.Parameter
  public abstract LocalDate dueDate();

  /**
   * Days past due on the run's date.
   *
   * @return the days
   */
  @Value.Parameter
  public abstract long daysPastDue();

  /**
   * The open amount dunned.
   *
   * @return the amount
   */
  @Value.Parameter
  public abstract Money openAmount();
}
