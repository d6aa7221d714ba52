package io.github.gridbill.formats;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.tariff.Tariff;
import java.util.List;
import org.immutables.value.Value;

/**
 * The result of reading one OpenEI URDB rate item: the tariff, everything the item holds that the tariff does not carry,
 * and every assumption the reader made.
 *
 * <p>An import is complete or absent: {@link UrdbReader} either returns an {@code UrdbImport} or throws. Instances are
 * immutable and thread-safe; treat them as value types and do not rely on identity.
 */
@Value.Immutable
@GridBillStyle
abstract class UrdbImportDef {

  /**
   * The source the item was read from, for example {@code "reoptapi_PGE_E-19_post.json"}.
   *
   * @return the source name
   */
  public abstract String source();

  /**
   * The JSON path of the rate item inside the source: {@code "$"} for a raw item,
   * {@code "$.Scenario.Site.ElectricTariff.urdb_response"} inside a REopt POST.
   *
   * @return the item path
   */
  public abstract String itemPath();

  /**
   * The tariff, with one version.
   *
   * @return the tariff
   */
  public abstract Tariff tariff();

  /**
   * The constructs of the item that the tariff does not carry, in the order met.
   *
   * @return the constructs left out, possibly empty
   */
  public abstract List<NotCarried> notCarried();

  /**
   * The points the item leaves open and what the reader assumed for each.
   *
   * @return the assumptions, possibly empty
   */
  public abstract List<Assumption> assumptions();
}
