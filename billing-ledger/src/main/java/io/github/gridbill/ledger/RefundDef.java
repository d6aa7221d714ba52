package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.LocalDate;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A refund of (part of) a customer's credit balance, for {@link Ledger#refund(String, Refund)}; it becomes a refund
 * payable until {@link Ledger#payRefund} pays it out.
 *
 * <p>{@code Refund.builder().refundId("RF-1").accountId("ACC-1").amount(USD 15.00).date(2024-06-01).build()}.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class RefundDef {

  /**
   * The refund's id: it names the refunds-payable item.
   *
   * @return the id
   */
  public abstract String refundId();

  /**
   * The customer account.
   *
   * @return the account id
   */
  public abstract String accountId();

  /**
   * The amount, more than zero, at most the customer's credit balance in its currency.
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
    Names.name(refundId(), "refundId");
    Names.name(accountId(), "accountId");
    Names.text(reason(), "reason");
    if (amount().isNegativeOrZero()) {
      throw new ValidationException("amount", amount(), "must be positive");
    }
    Limits.requireAmount(amount(), "amount");
  }
}
