package io.github.gridbill.core.contract;

import io.github.gridbill.core.GridBillStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A postal address for bills. Instances are immutable and thread-safe. */
@Value.Immutable
@GridBillStyle
abstract class AddressDef {

  /**
   * Street lines, first to last.
   *
   * @return the lines
   */
  public abstract List<String> lines();

  /**
   * The city or town.
   *
   * @return the city
   */
  public abstract String city();

  /**
   * The state, province or region.
   *
   * @return the region, or empty
   */
  public abstract Optional<String> region();

  /**
   * The postal code.
   *
   * @return the postal code, or empty
   */
  public abstract Optional<String> postalCode();

  /**
   * The ISO 3166 country code, for example {@code "IN"}.
   *
   * @return the country
   */
  public abstract String country();
}
