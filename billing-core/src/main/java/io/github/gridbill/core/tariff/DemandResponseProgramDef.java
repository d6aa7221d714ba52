package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * A demand-response program: for each event window, the credit is max(0, adjusted baseline − actual) × incentive
 * rate, floored per interval or per hour ({@link #reductionBasis()}; DOMAIN.md). Rating an event needs the meter's data
 * for the baseline days before it.
 *
 * <p>For example a peak-time rebate paying 0.75 per kWh against the highest 5 of 10 weekdays, settled per hour:
 * {@code DemandResponseProgram.builder().id("ptr").description("Peak time rebate").incentiveRate(new
 * BigDecimal("0.75")).baseline(BaselineRule.builder().method(BaselineMethod.HIGHEST_X_OF_Y).days(5).build())
 * .reductionBasis(ReductionBasis.HOUR).addEvent(event).build()}. Instances are immutable and thread-safe; treat them as
 * value types.
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

  /**
   * Where reductions are floored at zero: per meter interval, or per local clock hour of the event.
   *
   * @return the basis, INTERVAL by default
   */
  @Value.Default
  public ReductionBasis reductionBasis() {
    return ReductionBasis.INTERVAL;
  }

  /**
   * Days that no baseline of the program may use besides its own event days: days of a power outage, of another
   * program's event, or that the operator otherwise declared abnormal (PG&amp;E excludes event and outage days).
   *
   * @return the days, in order
   */
  @Value.NaturalOrder
  public abstract SortedSet<LocalDate> excludedDays();

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
