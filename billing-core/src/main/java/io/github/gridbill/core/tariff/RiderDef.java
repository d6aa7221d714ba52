package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A rider or surcharge: a per-kWh or per-kW adder, a percentage of named lines, or a fixed amount per bill.
 *
 * <p>{@code Rider.builder().id("fuel").description("Fuel adjustment").kind(RiderKind.PER_KWH).rate(0.0119)}; an
 * electricity duty of 5% of the energy and demand lines is {@code kind(PERCENT).rate(5).appliesTo(["energy",
 * "demand"])}. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class RiderDef implements TariffComponent {

  @Override
  public abstract String id();

  @Override
  public abstract String description();

  /**
   * How the rider is computed.
   *
   * @return the kind
   */
  public abstract RiderKind kind();

  /**
   * The rate: per kWh, per kW, a percentage (5 means 5%), or an amount per bill.
   *
   * @return the rate
   */
  public abstract BigDecimal rate();

  /**
   * For PERCENT, the ids of the components whose lines it applies to.
   *
   * @return the component ids
   */
  public abstract Set<String> appliesTo();

  @Value.Check
  void check() {
    TariffComponent.checkId(id());
    if (kind() == RiderKind.PERCENT && appliesTo().isEmpty()) {
      throw new ValidationException(id() + ".appliesTo", appliesTo(), "must name components for a PERCENT rider");
    }
  }
}
