package io.github.gridbill.formats;

import io.github.gridbill.core.GridBillStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * A tariff version written as an OpenEI URDB rate item: the JSON text and every construct URDB cannot express.
 * Instances are immutable and thread-safe; treat them as value types.
 */
@Value.Immutable
@GridBillStyle
abstract class UrdbExportDef {

  /**
   * The rate item as JSON text, for example {@code {"label":"RS-1","name":"Residential", ...}}.
   *
   * @return the JSON
   */
  public abstract String json();

  /**
   * The constructs of the tariff version that the item does not hold (or holds with a different meaning), with the
   * component path as location, for example {@code "riders[0]"}.
   *
   * @return the constructs left out, possibly empty
   */
  public abstract List<NotCarried> notWritten();
}
