package io.github.gridbill.core.contract;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;

/**
 * A solar power-purchase agreement: the customer pays a price per kWh generated that escalates by a percentage each
 * contract year.
 *
 * <p>Price 0.1200 with a 2% escalator from 2022-06-01: contract year 1 (to 2023-05-31) 0.1200, year 2 0.1224, year 3
 * 0.124848 (exact; rounding happens once, on the invoice line). Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class SolarPpaDef implements Contract {

  @Override
  public abstract String id();

  @Override
  public abstract String accountId();

  /**
   * The generation meter whose output is bought.
   *
   * @return the meter id
   */
  public abstract String meterId();

  /**
   * The currency of the price.
   *
   * @return the currency
   */
  public abstract CurrencyUnit currency();

  /**
   * The price per kWh in contract year 1.
   *
   * @return the base price
   */
  public abstract BigDecimal pricePerKwh();

  /**
   * The yearly escalator in percent, for example 2 for 2%.
   *
   * @return the escalator
   */
  @Value.Default
  public BigDecimal escalatorPercent() {
    return BigDecimal.ZERO;
  }

  @Override
  public abstract LocalDate startDate();

  @Override
  public abstract Optional<LocalDate> endDate();

  /**
   * The contract year a day falls in, 1 for the first twelve months.
   *
   * @param date the day, not null, not before the start
   * @return the contract year, at least 1
   */
  public int contractYear(LocalDate date) {
    return (int) ChronoUnit.YEARS.between(startDate(), date) + 1;
  }

  /**
   * The exact price per kWh on a day: {@code base × (1 + escalator/100)^(contractYear − 1)}.
   *
   * @param date the day, not null, not before the start
   * @return the price, never null
   */
  public BigDecimal priceOn(LocalDate date) {
    int year = Math.max(1, contractYear(date));
    BigDecimal factor = BigDecimal.ONE.add(escalatorPercent().movePointLeft(2)).pow(year - 1);
    return pricePerKwh().multiply(factor);
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notNegative(pricePerKwh(), id() + ".pricePerKwh");
    Checks.check(escalatorPercent().compareTo(BigDecimal.valueOf(-100)) > 0, id() + ".escalatorPercent",
        escalatorPercent().toPlainString(), "must be greater than -100");
    Contract.checkDates(this);
  }
}
