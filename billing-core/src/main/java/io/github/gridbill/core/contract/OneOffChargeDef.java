package io.github.gridbill.core.contract;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.quantity.Quantity;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A one-off billable: a service ticket, sales-order line, milestone or installation, with the id of its source record
 * so that billing reconciliation can check it was billed exactly once.
 *
 * <p>Amount = quantity × unit price, rounded once on the invoice. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class OneOffChargeDef implements Contract {

  /**
   * The source record's id, for example {@code "TICKET-4411"}.
   *
   * @return the id
   */
  @Override
  public abstract String id();

  @Override
  public abstract String accountId();

  /**
   * The kind of item.
   *
   * @return the kind
   */
  public abstract OneOffKind kind();

  /**
   * The description printed on the invoice line.
   *
   * @return the description
   */
  public abstract String description();

  /**
   * The quantity, for example {@code 2 h} or {@code 1 each}.
   *
   * @return the quantity
   */
  public abstract Quantity quantity();

  /**
   * The price per unit of the quantity.
   *
   * @return the unit price
   */
  public abstract Money unitPrice();

  /**
   * The day the work was done or the item delivered; it is billed in the period containing this day.
   *
   * @return the service date
   */
  public abstract LocalDate serviceDate();

  @Override
  @Value.Derived
  public LocalDate startDate() {
    return serviceDate();
  }

  @Override
  public Optional<LocalDate> endDate() {
    return Optional.of(serviceDate().plusDays(1));
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(description(), id() + ".description");
    Checks.notNegative(quantity().value(), id() + ".quantity");
  }
}
