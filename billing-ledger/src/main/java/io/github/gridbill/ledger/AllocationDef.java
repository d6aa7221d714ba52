package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * One invoice of an open-item application, with the amount to apply or, without one, as much as is open and left.
 *
 * <p>{@code Allocation.of("INV-42")}, {@code Allocation.of("INV-42", USD 20.00)}. Instances are immutable and
 * thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class AllocationDef {

  /**
   * The invoice number.
   *
   * @return the number
   */
  @Value.Parameter
  public abstract String invoiceNumber();

  /**
   * The amount to apply, more than zero; empty for the lesser of the open amount and what is left to apply.
   *
   * @return the amount, or empty
   */
  public abstract Optional<Money> amount();

  /**
   * A fixed amount to one invoice.
   *
   * @param invoiceNumber the invoice number, not null
   * @param amount the amount, more than zero, not null
   * @return the allocation, never null
   * @throws ValidationException if the amount is not positive
   */
  public static Allocation of(String invoiceNumber, Money amount) {
    return Allocation.of(invoiceNumber).withAmount(amount);
  }

  @Value.Check
  void check() {
    Names.name(invoiceNumber(), "invoiceNumber");
    if (amount().isPresent() && amount().get().isNegativeOrZero()) {
      throw new ValidationException("amount", amount().get(), "must be positive");
    }
    amount().ifPresent(a -> Limits.requireAmount(a, "amount"));
  }
}
