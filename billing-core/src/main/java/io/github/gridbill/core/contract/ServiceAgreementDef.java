package io.github.gridbill.core.contract;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A service agreement: links an account to a meter and to the tariffs it is billed on over time.
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class ServiceAgreementDef implements Contract {

  @Override
  public abstract String id();

  @Override
  public abstract String accountId();

  /**
   * The meter serving the agreement.
   *
   * @return the meter id
   */
  public abstract String meterId();

  /**
   * The tariff history, in increasing order of date.
   *
   * @return the assignments, at least one
   */
  public abstract List<TariffAssignment> tariffs();

  @Override
  public abstract LocalDate startDate();

  @Override
  public abstract Optional<LocalDate> endDate();

  /**
   * The tariff id in force on a day.
   *
   * @param date the day, not null
   * @return the tariff id, or empty before the first assignment or outside the agreement
   */
  public Optional<String> tariffOn(LocalDate date) {
    if (date.isBefore(startDate()) || endDate().map(e -> !date.isBefore(e)).orElse(false)) {
      return Optional.empty();
    }
    String found = null;
    for (TariffAssignment a : tariffs()) {
      if (!a.effectiveFrom().isAfter(date)) {
        found = a.tariffId();
      }
    }
    return Optional.ofNullable(found);
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notEmpty(tariffs(), "tariffs");
    for (int i = 1; i < tariffs().size(); i++) {
      if (!tariffs().get(i).effectiveFrom().isAfter(tariffs().get(i - 1).effectiveFrom())) {
        throw new ValidationException("tariffs[" + i + "].effectiveFrom", tariffs().get(i).effectiveFrom(),
            "must be after the previous assignment's " + tariffs().get(i - 1).effectiveFrom());
      }
    }
    Contract.checkDates(this);
  }
}
