package io.github.gridbill.core.invoice;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.money.Monies;
import io.github.gridbill.core.time.BillingPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * An invoice: a numbered document for an account, with rounded lines whose sum is the total.
 *
 * <p>Every line is in the invoice's currency; {@link #total()} = Σ line amounts = {@link #subtotal()} +
 * {@link #taxTotal()}, exactly. An invoice may total zero or less (a credit bill). This is the type rating produces and
 * the ledger posts. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class InvoiceDef {

  /**
   * The invoice number, unique within its sequence, for example {@code "INV-2024-000042"}.
   *
   * @return the number
   */
  public abstract String number();

  /**
   * The account billed.
   *
   * @return the account id
   */
  public abstract String accountId();

  /**
   * The currency of every line.
   *
   * @return the currency
   */
  public abstract CurrencyUnit currency();

  /**
   * The issue date.
   *
   * @return the issue date
   */
  public abstract LocalDate issueDate();

  /**
   * The due date, not before the issue date.
   *
   * @return the due date
   */
  public abstract LocalDate dueDate();

  /**
   * The service period billed, if the invoice bills a period.
   *
   * @return the period, or empty
   */
  public abstract Optional<BillingPeriod> period();

  /**
   * The lines, in print order.
   *
   * @return the lines, at least one
   */
  public abstract List<InvoiceLine> lines();

  /**
   * The total: the sum of every line.
   *
   * @return the total
   */
  @Value.Lazy
  public Money total() {
    List<Money> amounts = new ArrayList<>();
    for (InvoiceLine l : lines()) {
      amounts.add(l.amount());
    }
    return Monies.total(currency(), amounts);
  }

  /**
   * The sum of the non-tax lines.
   *
   * @return the subtotal, never null
   */
  public Money subtotal() {
    return total().minus(taxTotal());
  }

  /**
   * The sum of the tax lines.
   *
   * @return the tax total, never null
   */
  public Money taxTotal() {
    List<Money> amounts = new ArrayList<>();
    for (InvoiceLine l : lines()) {
      if (l.kind() == LineKind.TAX) {
        amounts.add(l.amount());
      }
    }
    return Monies.total(currency(), amounts);
  }

  @Value.Check
  void check() {
    Checks.notBlank(number(), "number");
    Checks.notBlank(accountId(), "accountId");
    if (dueDate().isBefore(issueDate())) {
      throw new ValidationException("dueDate", dueDate(), "must not be before issueDate " + issueDate());
    }
    if (lines().isEmpty()) {
      throw new ValidationException("lines", lines(), "must not be empty");
    }
    for (int i = 0; i < lines().size(); i++) {
      Monies.requireCurrency("lines[" + i + "].amount", lines().get(i).amount(), currency());
    }
  }
}
