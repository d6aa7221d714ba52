package io.github.gridbill.core.contract;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A maintenance contract (AMC): a recurring fee billed monthly, quarterly or annually from its start month.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class MaintenanceContractDef implements Contract {

  @Override
  public abstract String id();

  @Override
  public abstract String accountId();

  /**
   * What is maintained, printed on the invoice line.
   *
   * @return the description
   */
  @Value.Default
  public String description() {
    return "Maintenance contract";
  }

  /**
   * The fee per billing.
   *
   * @return the fee
   */
  public abstract Money fee();

  /**
   * How often the fee is billed.
   *
   * @return the frequency
   */
  public abstract RecurrenceFrequency frequency();

  @Override
  public abstract LocalDate startDate();

  @Override
  public abstract Optional<LocalDate> endDate();

  /**
   * Whether the fee is billed in a month: the contract is active that month and the month is a whole number of
   * frequencies after the start month.
   *
   * @param month the month, not null
   * @return true if the fee is due
   */
  public boolean isBilledIn(YearMonth month) {
    YearMonth start = YearMonth.from(startDate());
    if (month.isBefore(start) || endDate().map(e -> !month.atDay(1).isBefore(e)).orElse(false)) {
      return false;
    }
    return ChronoUnit.MONTHS.between(start, month) % frequency().months() == 0;
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notNegative(fee().getAmount(), id() + ".fee");
    Contract.checkDates(this);
  }
}
