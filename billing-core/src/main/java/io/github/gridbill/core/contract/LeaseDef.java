package io.github.gridbill.core.contract;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/** A solar (or equipment) lease: a fixed payment every month. Instances are immutable and thread-safe. */
@Value.Immutable
@GridBillStyle
abstract class LeaseDef implements Contract {

  @Override
  public abstract String id();

  @Override
  public abstract String accountId();

  /**
   * What the lease is for, printed on the invoice line.
   *
   * @return the description
   */
  @Value.Default
  public String description() {
    return "Solar lease";
  }

  /**
   * The monthly payment.
   *
   * @return the payment
   */
  public abstract Money monthlyPayment();

  @Override
  public abstract LocalDate startDate();

  @Override
  public abstract Optional<LocalDate> endDate();

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notNegative(monthlyPayment().getAmount(), id() + ".monthlyPayment");
    Contract.checkDates(this);
  }
}
