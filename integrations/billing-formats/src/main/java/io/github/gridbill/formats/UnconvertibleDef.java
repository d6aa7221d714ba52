package io.github.gridbill.formats;

import io.github.gridbill.core.GridBillStyle;
import org.immutables.value.Value;

/**
 * One reason a usage point could not be converted, with the detail that makes it checkable:
 * {@code Unconvertible.of(UnconvertibleReason.IRREGULAR_INTERVALS, "35 readings with 12 durations from 2332800 s to
 * 3024000 s")}. Instances are immutable and thread-safe; treat them as value types.
 */
@Value.Immutable
@GridBillStyle
abstract class UnconvertibleDef {

  /**
   * The reason.
   *
   * @return the reason
   */
  @Value.Parameter
  public abstract UnconvertibleReason reason();

  /**
   * The detail, for example {@code "ServiceCategory kind 1 (gas)"}.
   *
   * @return the detail
   */
  @Value.Parameter
  public abstract String detail();

  @Override
  public String toString() {
    return reason() + ": " + detail();
  }
}
