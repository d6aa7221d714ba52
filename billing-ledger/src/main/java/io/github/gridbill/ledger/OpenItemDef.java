package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * An item of an item-managed account as of a day: an invoice (or late fee, adjustment) on receivables, or a payment
 * or credit on unapplied or unidentified cash.
 *
 * <p>{@code INV-42 ACC-1 issued 2024-04-05 due 2024-05-05 USD 107.33 open USD 57.33}. Amounts are positive on the
 * item's natural side (what the customer owes for a receivable, what is left to apply for a credit). Instances are
 * immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class OpenItemDef {

  /**
   * The document number: the invoice number, or the payment or credit id.
   *
   * @return the number
   */
  public abstract String number();

  /**
   * The account holding the item.
   *
   * @return the ledger account
   */
  public abstract LedgerAccount account();

  /**
   * The customer account, for receivables and unapplied cash.
   *
   * @return the customer account id, or empty for unidentified cash and refunds
   */
  public Optional<String> accountId() {
    return account().accountId();
  }

  /**
   * The currency.
   *
   * @return the currency
   */
  public abstract CurrencyUnit currency();

  /**
   * The day the item was opened: the issue date of an invoice, the receipt date of a payment.
   *
   * @return the issue date
   */
  public abstract LocalDate issueDate();

  /**
   * The due date (receivables; the issue date for credits).
   *
   * @return the due date
   */
  public abstract LocalDate dueDate();

  /**
   * The amount the item was opened with.
   *
   * @return the original amount
   */
  public abstract Money originalAmount();

  /**
   * What is still open.
   *
   * @return the open amount, zero or more
   */
  public abstract Money openAmount();

  /**
   * Whether the item is in dispute.
   *
   * @return true while a dispute is open
   */
  public abstract boolean disputed();

  /**
   * The type of the entry that opened the item: {@code INVOICE}, {@code LATE_FEE}, {@code PAYMENT}, …
   *
   * @return the origin
   */
  public abstract EntryType origin();

  /**
   * The sequence of the entry that opened the item.
   *
   * @return the sequence
   */
  public abstract long openedBy();
}
