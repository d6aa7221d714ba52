package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A write-off of (part of) an invoice as bad debt, for {@link Ledger#writeOff(String, WriteOff)}.
 *
 * <p>{@code WriteOff.builder().invoiceNumber("INV-42").date(2024-12-31).reason("uncollectable").build()} writes off
 * all that is open; with {@code amount(USD 20.00)} only that much. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class WriteOffDef {

  /**
   * The invoice.
   *
   * @return the invoice number
   */
  public abstract String invoiceNumber();

  /**
   * The effective date.
   *
   * @return the date
   */
  public abstract LocalDate date();

  /**
   * How much to write off, more than zero.
   *
   * @return the amount, or empty for all that is open
   */
  public abstract Optional<Money> amount();

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
    Names.name(invoiceNumber(), "invoiceNumber");
    Names.text(reason(), "reason");
    if (amount().isPresent() && amount().get().isNegativeOrZero()) {
      throw new ValidationException("amount", amount().get(), "must be positive");
    }
    amount().ifPresent(a -> Limits.requireAmount(a, "amount"));
  }
}
