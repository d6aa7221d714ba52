package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * Yearly escalation of every rate and charge of a tariff version: in calendar year {@code baseYear + n} each rate is
 * multiplied by {@code annualFactor^n} (SAM's yearly inflation and escalation: factor = (1 + inflation) × (1 +
 * escalation)). Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class EscalationDef {

  /**
   * The year in which rates are as written.
   *
   * @return the base year
   */
  @Value.Parameter
  public abstract int baseYear();

  /**
   * The factor applied per year after the base year, for example 1.025.
   *
   * @return the factor
   */
  @Value.Parameter
  public abstract BigDecimal annualFactor();

  /**
   * The multiplier for a calendar year: {@code annualFactor^(year - baseYear)}, 1 in and before the base year.
   *
   * @param year the year
   * @return the exact multiplier, never null
   */
  public BigDecimal factorFor(int year) {
    int n = year - baseYear();
    return n <= 0 ? BigDecimal.ONE : annualFactor().pow(n);
  }

  @Value.Check
  void check() {
    if (annualFactor().signum() <= 0) {
      throw new ValidationException("escalation.annualFactor", annualFactor().toPlainString(), "must be positive");
    }
  }
}
