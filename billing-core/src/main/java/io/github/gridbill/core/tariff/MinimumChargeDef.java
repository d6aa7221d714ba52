package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.time.Month;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Minimum charges: when a bill before taxes is below the monthly minimum, a line brings it up to the minimum; when a
 * year's bills are below the annual minimum, the settlement month's bill carries the shortfall.
 *
 * <p>Monthly minimum 10.00 and a bill of 6.40 before taxes: a minimum line of 3.60. Instances are immutable.
 */
@Value.Immutable
@GridBillStyle
abstract class MinimumChargeDef implements TariffComponent {

  @Override
  @Value.Default
  public String id() {
    return "minimum";
  }

  @Override
  @Value.Default
  public String description() {
    return "Minimum charge";
  }

  /**
   * The monthly minimum, per bill (prorated by days on a split period).
   *
   * @return the monthly minimum, or empty
   */
  public abstract Optional<BigDecimal> monthly();

  /**
   * The annual minimum, compared with the sum of the year's bills before taxes.
   *
   * @return the annual minimum, or empty
   */
  public abstract Optional<BigDecimal> annual();

  /**
   * The calendar month whose bill settles the annual minimum (its last month of the year).
   *
   * @return the settlement month, DECEMBER by default
   */
  @Value.Default
  public Month annualSettlementMonth() {
    return Month.DECEMBER;
  }

  @Value.Check
  void check() {
    TariffComponent.checkId(id());
    monthly().ifPresent(m -> {
      if (m.signum() < 0) {
        throw new ValidationException("minimum.monthly", m.toPlainString(), "must not be negative");
      }
    });
    annual().ifPresent(m -> {
      if (m.signum() < 0) {
        throw new ValidationException("minimum.annual", m.toPlainString(), "must not be negative");
      }
    });
  }
}
