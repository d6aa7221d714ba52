package io.github.gridbill.formats;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import org.immutables.value.Value;

/**
 * A CSV value column: its header name, what it measures and its unit:
 * {@code ValueColumn.of("kWh delivered", ValueRole.IMPORT, ValueUnit.KWH)}. Instances are immutable and thread-safe;
 * treat them as value types.
 */
@Value.Immutable
@GridBillStyle
abstract class ValueColumnDef {

  /**
   * The header name of the column, for example {@code "kWh delivered"}.
   *
   * @return the column name
   */
  @Value.Parameter
  public abstract String column();

  /**
   * What the column measures.
   *
   * @return the role
   */
  @Value.Parameter
  public abstract ValueRole role();

  /**
   * The unit of its values.
   *
   * @return the unit
   */
  @Value.Parameter
  public abstract ValueUnit unit();

  @Value.Check
  void check() {
    if (column().isBlank()) {
      throw new ValidationException("column", "\"" + column() + "\"", "must not be blank");
    }
  }
}
