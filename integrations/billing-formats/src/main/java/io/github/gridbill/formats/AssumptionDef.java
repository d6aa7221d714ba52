package io.github.gridbill.formats;

import io.github.gridbill.core.GridBillStyle;
import org.immutables.value.Value;

/**
 * A reading an importer had to choose because the source leaves it open, stated so that a reviewer can check it.
 *
 * <p>Example: {@code Assumption.of("$.lookbackrange", "look-back range absent", "11 months assumed")}. Instances are
 * immutable and thread-safe; treat them as value types and do not rely on identity.
 */
@Value.Immutable
@GridBillStyle
abstract class AssumptionDef {

  /**
   * Where the open point is in the source, for example {@code "$.startdate"}.
   *
   * @return the location
   */
  @Value.Parameter
  public abstract String location();

  /**
   * What was open, for example {@code "startdate absent"}.
   *
   * @return the description
   */
  @Value.Parameter
  public abstract String what();

  /**
   * What was assumed, for example {@code "in force from 1970-01-01"}.
   *
   * @return the assumption
   */
  @Value.Parameter
  public abstract String assumed();

  @Override
  public String toString() {
    return location() + ": " + what() + " (" + assumed() + ")";
  }
}
