package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import java.time.LocalDate;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * One movement on a customer statement: an entry that changed what the customer owes.
 *
 * <p>{@code 2024-05-03 #7 PAYMENT PAY-7 USD -50.00 balance USD 57.33}. Applications, which only move money between
 * the customer's receivables and unapplied cash, do not change the balance and are not listed. Instances are
 * immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class StatementLineDef {

  /**
   * The entry's effective date.
   *
   * @return the date
   */
  public abstract LocalDate date();

  /**
   * The entry's sequence.
   *
   * @return the sequence
   */
  public abstract long sequence();

  /**
   * The entry's type.
   *
   * @return the type
   */
  public abstract EntryType type();

  /**
   * The document: invoice number, payment id, credit note or adjustment number (empty if none).
   *
   * @return the reference
   */
  public abstract String reference();

  /**
   * The entry's description.
   *
   * @return the description
   */
  public abstract String description();

  /**
   * The change in what the customer owes: positive for charges, negative for payments and credits.
   *
   * @return the amount
   */
  public abstract Money amount();

  /**
   * The balance after this line.
   *
   * @return the running balance
   */
  public abstract Money balance();
}
