package io.github.gridbill.formats;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.rating.IntervalSeries;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What one Green Button usage point gave: its interval series, or the reasons it could not be converted; and in both
 * cases what the feed said about it that the series does not carry.
 *
 * <p>Exactly one of {@link #series()} and {@link #reasons()} is non-empty: a natural-gas billing feed gives no series
 * and the reasons {@code NOT_ELECTRICITY}, {@code NO_ENERGY_READINGS} and {@code IRREGULAR_INTERVALS}. Instances are
 * immutable and thread-safe; treat them as value types and do not rely on identity.
 */
@Value.Immutable
@GridBillStyle
abstract class UsagePointResultDef {

  /**
   * The usage point's self link, for example {@code "/espi/1_1/resource/RetailCustomer/9B6C7066/UsagePoint/5446AF3F"};
   * it is also the series' meter id. A usage point without a self link is named by its Atom id.
   *
   * @return the href
   */
  public abstract String usagePoint();

  /**
   * The usage point entry's Atom title, for example {@code "Front Electric Meter"}.
   *
   * @return the title, or empty
   */
  public abstract Optional<String> title();

  /**
   * The interval series: energy in mWh, imports from delivered (flowDirection 1) readings, exports from received (19)
   * readings, both from net (4) readings; intervals the feed does not cover are MISSING.
   *
   * @return the series, or empty when the usage point could not be converted
   */
  public abstract Optional<IntervalSeries> series();

  /**
   * Why the usage point could not be converted.
   *
   * @return the reasons, empty when {@link #series()} is present
   */
  public abstract List<Unconvertible> reasons();

  /**
   * The usage point's LocalTimeParameters.
   *
   * @return the parameters, or empty
   */
  public abstract Optional<LocalTimeParameters> localTime();

  /**
   * What the feed holds about this usage point that the series does not carry (costs, summaries, other channels).
   *
   * @return the items, possibly empty
   */
  public abstract List<NotCarried> notCarried();

  /**
   * What the reader assumed where the feed is silent.
   *
   * @return the assumptions, possibly empty
   */
  public abstract List<Assumption> assumptions();

  /**
   * Whether a series was produced.
   *
   * @return true if {@link #series()} is present
   */
  public boolean isConverted() {
    return series().isPresent();
  }

  @Value.Check
  void check() {
    if (series().isPresent() == !reasons().isEmpty()) {
      throw new ValidationException("reasons", reasons(), "must be empty exactly when a series is present");
    }
  }
}
