package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A billing adjustment, for {@link Ledger#adjust(String, Adjustment)}: a positive amount is a new charge, a negative
 * one a credit.
 *
 * <p>{@code Adjustment.builder().documentNumber("ADJ-3").accountId("ACC-1").amount(USD -12.50)
 * .date(2024-05-10).invoiceNumber("INV-42").reason("meter misread").build()} credits 12.50 to INV-42. A negative
 * adjustment without an invoice becomes a credit on the customer's unapplied cash (named by the document number); a
 * positive one opens a receivable item named by the document number, due on {@link #dueDate()} (default: the date).
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class AdjustmentDef {

  /**
   * The adjustment's document number: the item it opens (positive, or negative without invoice).
   *
   * @return the number
   */
  public abstract String documentNumber();

  /**
   * The customer account.
   *
   * @return the account id
   */
  public abstract String accountId();

  /**
   * The amount: positive charges, negative credits; not zero.
   *
   * @return the amount
   */
  public abstract Money amount();

  /**
   * The effective date.
   *
   * @return the date
   */
  public abstract LocalDate date();

  /**
   * The due date of a positive adjustment's new item.
   *
   * @return the due date, or empty for the adjustment's date
   */
  public abstract Optional<LocalDate> dueDate();

  /**
   * The invoice a negative adjustment credits.
   *
   * @return the invoice number, or empty
   */
  public abstract Optional<String> invoiceNumber();

  /**
   * Why.
   *
   * @return the reason, may be empty
   */
  @Value.Default
  public String reason() {
    return "";
  }

  @Value.Check
  void check() {
    Names.name(documentNumber(), "documentNumber");
    Names.name(accountId(), "accountId");
    Names.text(reason(), "reason");
    invoiceNumber().ifPresent(n -> Names.name(n, "invoiceNumber"));
    if (amount().isZero()) {
      throw new ValidationException("amount", amount(), "must not be zero");
    }
    Limits.requireAmount(amount(), "amount");
    if (amount().isPositive() && invoiceNumber().isPresent()) {
      throw new ValidationException("invoiceNumber", invoiceNumber().get(),
          "must be empty for a positive adjustment (it opens its own item)");
    }
    if (amount().isNegative() && dueDate().isPresent()) {
      throw new ValidationException("dueDate", dueDate().get(), "must be empty for a negative adjustment");
    }
    if (dueDate().isPresent() && dueDate().get().isBefore(date())) {
      throw new ValidationException("dueDate", dueDate().get(), "must not be before date " + date());
    }
  }
}
