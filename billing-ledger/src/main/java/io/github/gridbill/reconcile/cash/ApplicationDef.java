package io.github.gridbill.reconcile.cash;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.money.Monies;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * One part of a match: an amount of the payment applied to one open item.
 *
 * <p>{@code Application.of("INV-2024-0042", "ACC-1001", USD 120.00, USD 120.00)} settles the invoice;
 * {@code openAfter()} is {@code USD 0.00}. Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class ApplicationDef {

  /**
   * The invoice paid.
   *
   * @return the invoice number as the open item states it
   */
  @Value.Parameter
  public abstract String invoiceNumber();

  /**
   * The account owing the invoice.
   *
   * @return the account id
   */
  @Value.Parameter
  public abstract String accountId();

  /**
   * The amount applied, positive and at most {@link #openBefore()}.
   *
   * @return the amount
   */
  @Value.Parameter
  public abstract Money amount();

  /**
   * The item's open amount before this application (after earlier payments of the same run).
   *
   * @return the open amount
   */
  @Value.Parameter
  public abstract Money openBefore();

  /**
   * The item's open amount after this application: zero when settled, a small residual for an underpayment within
   * tolerance, the rest for a partial balance-forward payment.
   *
   * @return the open amount left, never null
   */
  public Money openAfter() {
    return openBefore().minus(amount());
  }

  @Value.Check
  void check() {
    Checks.notBlank(invoiceNumber(), "invoiceNumber");
    Checks.notBlank(accountId(), "accountId");
    Monies.requireCurrency("openBefore", openBefore(), amount().getCurrencyUnit());
    if (!amount().isPositive()) {
      throw new ValidationException("amount", amount(), "must be positive");
    }
    if (amount().isGreaterThan(openBefore())) {
      throw new ValidationException("amount", amount(), "must not exceed the open amount " + openBefore());
    }
  }
}
