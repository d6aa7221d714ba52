package io.github.gridbill.reconcile.cash;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.LocalDate;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * An open receivable: an invoice of an account with an amount still to be paid.
 *
 * <p>{@code OpenItem.of("ACC-1001", "INV-2024-0042", 2024-02-01, 2024-02-16, USD 120.00, false)}. The cash
 * application engine matches payments to these; in this phase they are supplied by the caller (later a ledger adapter
 * will produce them from the receivables sub-ledger). A disputed item is only matched when a payment names it.
 * Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class OpenItemDef {

  /**
   * The customer account owing the item, for example {@code "ACC-1001"}.
   *
   * @return the account id, not blank
   */
  @Value.Parameter
  public abstract String accountId();

  /**
   * The invoice number, unique among the open items (compared ignoring case), for example {@code "INV-2024-0042"}.
   *
   * @return the invoice number, not blank
   */
  @Value.Parameter
  public abstract String invoiceNumber();

  /**
   * The invoice's issue date.
   *
   * @return the issue date
   */
  @Value.Parameter
  public abstract LocalDate issueDate();

  /**
   * The due date, not before the issue date; "oldest" means earliest due date.
   *
   * @return the due date
   */
  @Value.Parameter
  public abstract LocalDate dueDate();

  /**
   * The amount still open, positive, at most 2^52 minor units (USD 45,035,996,273,704.96).
   *
   * @return the open amount
   */
  @Value.Parameter
  public abstract Money openAmount();

  /**
   * Whether the customer disputes the item.
   *
   * @return true when disputed
   */
  @Value.Parameter
  public abstract boolean disputed();

  @Value.Check
  void check() {
    Checks.notBlank(accountId(), "accountId");
    Checks.notBlank(invoiceNumber(), "invoiceNumber");
    if (dueDate().isBefore(issueDate())) {
      throw new ValidationException("dueDate", dueDate(), "must not be before issueDate " + issueDate());
    }
    if (!openAmount().isPositive()) {
      throw new ValidationException("openAmount", openAmount(), "must be positive");
    }
    Amounts.requireAtMost(openAmount(), "openAmount");
  }
}
