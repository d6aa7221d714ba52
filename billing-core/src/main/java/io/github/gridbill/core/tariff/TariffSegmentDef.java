package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.time.BillingPeriod;
import org.immutables.value.Value;

/**
 * A part of a billing period rated with one tariff version. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class TariffSegmentDef {

  /**
   * The sub-period.
   *
   * @return the period
   */
  @Value.Parameter
  public abstract BillingPeriod period();

  /**
   * The version in force throughout the sub-period.
   *
   * @return the version
   */
  @Value.Parameter
  public abstract TariffVersion version();
}
