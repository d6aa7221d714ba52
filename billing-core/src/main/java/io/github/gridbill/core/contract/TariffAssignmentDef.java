package io.github.gridbill.core.contract;

import io.github.gridbill.core.GridBillStyle;
import java.time.LocalDate;
import org.immutables.value.Value;

/** A service agreement's tariff from a date on. Instances are immutable and thread-safe. */
@Value.Immutable
@GridBillStyle
abstract class TariffAssignmentDef {

  /**
   * The tariff id.
   *
   * @return the id
   */
  @Value.Parameter
  public abstract String tariffId();

  /**
   * The first day the tariff applies to the agreement.
   *
   * @return the date
   */
  @Value.Parameter
  public abstract LocalDate effectiveFrom();
}
