package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * A fixed charge: an amount per bill or per day of service ({@code 30 days × 0.50/day = 15.00}).
 *
 * <p>{@code FixedCharge.of("customer", "Customer charge", new BigDecimal("7.57"), FixedChargeBasis.PER_BILL)}.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class FixedChargeDef implements TariffComponent {

  @Override
  @Value.Parameter
  public abstract String id();

  @Override
  @Value.Parameter
  public abstract String description();

  /**
   * The amount per bill or per day, in the tariff's currency (unrounded: 24.878 per day is allowed).
   *
   * @return the amount
   */
  @Value.Parameter
  public abstract BigDecimal amount();

  /**
   * Per bill or per day.
   *
   * @return the basis
   */
  @Value.Parameter
  public abstract FixedChargeBasis basis();

  @Value.Check
  void check() {
    TariffComponent.checkId(id());
  }
}
