package io.github.gridbill.formats;

import io.github.gridbill.core.GridBillStyle;
import org.immutables.value.Value;

/**
 * Something an importer (or exporter) read but could not carry into GridBill's model: where it was, what it was and
 * why it was left out. Importers never drop a construct silently; they list it here.
 *
 * <p>Example: {@code NotCarried.of("$.coincidentratestructure", "coincident demand charge (1 period)", "needs the
 * system peak times, which URDB does not give")}. Instances are immutable and thread-safe; treat them as value types
 * and do not rely on identity.
 */
@Value.Immutable
@GridBillStyle
abstract class NotCarriedDef {

  /**
   * Where the construct is in the source: a JSON path such as {@code "$.energyattrs[0]"} or an element path such as
   * {@code "entry[4]/IntervalBlock/IntervalReading/cost"}.
   *
   * @return the location
   */
  @Value.Parameter
  public abstract String location();

  /**
   * What the construct is, for example {@code "coincident demand charge (1 period)"}.
   *
   * @return the description
   */
  @Value.Parameter
  public abstract String what();

  /**
   * Why it was not carried, for example {@code "needs the system peak times"}.
   *
   * @return the reason
   */
  @Value.Parameter
  public abstract String why();

  @Override
  public String toString() {
    return location() + ": " + what() + " (" + why() + ")";
  }
}
