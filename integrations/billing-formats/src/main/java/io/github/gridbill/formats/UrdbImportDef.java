package io.github.gridbill.formats;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The result of reading one OpenEI URDB rate item: the tariff, everything the item holds that the tariff does not
 * carry, and every assumption the reader made.
 *
 * <p>The item's own {@code startdate}/{@code enddate} are the version's effective dates, so rating a period outside
 * them is a {@link io.github.gridbill.core.ValidationException} ("period must be covered by a version of tariff ... in
 * force"). A caller who knowingly rates other dates with this item (an old or expired rate as a stand-in, say) says so
 * with {@link #tariffEffectiveFrom(LocalDate)}; nothing widens the dates implicitly.
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

  /**
   * The tariff with its version's effective dates replaced, explicitly: in force from {@code date} with no end,
   * whatever the item's {@code startdate} and {@code enddate} said. Everything else is unchanged.
   *
   * <p>For FPL RS-1 (in force 2015-06-01 to 2015-08-31), {@code tariffEffectiveFrom(LocalDate.of(2011, 1, 1))} gives a
   * tariff that rates any bill from 2011-01-01 on, at the 2015 rates. Use it only when rating outside the item's dates
   * is what you mean; {@link #tariff()} keeps the item's own dates. This instance is immutable and unaffected by this
   * method.
   *
   * @param date the first day the version is in force, in the tariff's zone, for example 2011-01-01, not null
   * @return the tariff with one version in force from {@code date}, open-ended, never null
   */
  public Tariff tariffEffectiveFrom(LocalDate date) {
    Objects.requireNonNull(date, "date");
    TariffVersion v = tariff().versions().get(0);
    TariffVersion moved = TariffVersion.builder().from(v).effectiveFrom(date).effectiveUntil(Optional.empty()).build();
    return tariff().withVersions(moved);
  }
}
