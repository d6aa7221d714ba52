package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A demand-response program: for each event window, the credit is max(0, baseline − actual) × incentive rate, per
 * interval (DOMAIN.md). Rating an event needs the meter's data for the baseline days before it.
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class DemandResponseProgramDef implements TariffComponent {

  @Override
  public abstract String id();

  @Override
  public abstract String description();

  /**
   * The credit per kWh of load reduction (positive: it is paid to the customer).
   *
   * @return the incentive rate
   */
  public abstract BigDecimal incentiveRate();

  /**
   * The baseline rule.
   *
   * @return the baseline rule, 10-of-10 by default
   */
  @Value.Default
  public BaselineRule baseline() {
    return BaselineRule.builder().build();
  }

  /**
   * The events called under the program.
   *
   * @return the events
   */
  public abstract List<DemandResponseEvent> events();

  @Value.Check
  void check() {
    TariffComponent.checkId(id());
    if (incentiveRate().signum() < 0) {
      throw new ValidationException(id() + ".incentiveRate", incentiveRate().toPlainString(), "must not be negative");
    }
    Set<String> ids = new HashSet<>();
    for (DemandResponseEvent e : events()) {
      if (!ids.add(e.id())) {
        throw new ValidationException(id() + ".events", e.id(), "must not repeat an event id");
      }
    }
  }
}
