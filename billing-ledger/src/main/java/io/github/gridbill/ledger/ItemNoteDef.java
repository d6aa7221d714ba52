package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A statement about an open item that moves no money: the item a dispute concerns, or an item of a dunning notice
 * with the level reached and the amount dunned.
 *
 * <p>{@code ItemNote.of(LedgerAccount.receivable("ACC-1"), "INV-42", USD 107.33, 2)}: INV-42 was dunned at level 2
 * for USD 107.33. Level 0 for disputes. Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class ItemNoteDef {

  /**
   * The item's account.
   *
   * @return the account
   */
  @Value.Parameter
  public abstract LedgerAccount account();

  /**
   * The item's reference (invoice number).
   *
   * @return the reference
   */
  @Value.Parameter
  public abstract String itemRef();

  /**
   * The item's open amount when the note was made.
   *
   * @return the amount, zero or more
   */
  @Value.Parameter
  public abstract Money amount();

  /**
   * The dunning level, or 0.
   *
   * @return the level, 0 or more
   */
  @Value.Parameter
  public abstract int level();

  @Value.Check
  void check() {
    Names.name(itemRef(), "itemRef");
    if (amount().isNegative()) {
      throw new ValidationException("amount", amount(), "must not be negative");
    }
    if (level() < 0) {
      throw new ValidationException("level", level(), "must not be negative");
    }
  }
}
