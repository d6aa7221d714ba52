package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A tax: a percentage of the named lines (or of every non-tax line), computed per line or on the subtotal and rounded
 * once where it says.
 *
 * <p>India's GST on electricity services is two taxes: {@code CGST 9%} and {@code SGST 9%}, each on the same lines. A
 * tax never applies to another tax unless it names it. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class TaxRuleDef implements TariffComponent {

  @Override
  public abstract String id();

  @Override
  public abstract String description();

  /**
   * The percentage, for example 9 for 9%.
   *
   * @return the percentage
   */
  public abstract BigDecimal percent();

  /**
   * The ids of the components (or contract items) whose lines are taxed; empty means every non-tax line.
   *
   * @return the component ids
   */
  public abstract Set<String> appliesTo();

  /**
   * Per line or on the subtotal.
   *
   * @return the calculation, ON_SUBTOTAL by default
   */
  @Value.Default
  public TaxCalculation calculation() {
    return TaxCalculation.ON_SUBTOTAL;
  }

  /**
   * A tax of a percentage on every non-tax line, computed on the subtotal.
   *
   * @param id the id, not null
   * @param description the description, not null
   * @param percent the percentage, not null
   * @return the tax, never null
   */
  public static TaxRule onAll(String id, String description, BigDecimal percent) {
    return TaxRule.builder().id(id).description(description).percent(percent).build();
  }

  @Value.Check
  void check() {
    TariffComponent.checkId(id());
    if (percent().signum() < 0) {
      throw new ValidationException(id() + ".percent", percent().toPlainString(), "must not be negative");
    }
  }
}
