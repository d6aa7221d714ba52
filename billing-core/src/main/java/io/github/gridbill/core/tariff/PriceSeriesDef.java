package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Time-series prices (real-time pricing): one price per interval of a grid, per kWh, in the tariff's currency.
 *
 * <p>An energy charge with a price series charges Σ energy × price; an export rate with one credits Σ export × price.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class PriceSeriesDef {

  /**
   * The start of the first price interval.
   *
   * @return the start instant
   */
  public abstract Instant start();

  /**
   * The length of each price interval.
   *
   * @return the interval length
   */
  public abstract IntervalLength intervalLength();

  /**
   * The price of each interval, per kWh.
   *
   * @return the prices, at least one
   */
  public abstract List<BigDecimal> prices();

  /**
   * The grid the prices are on.
   *
   * @return the grid
   */
  @Value.Derived
  public IntervalGrid grid() {
    return IntervalGrid.of(start(), intervalLength(), prices().size());
  }

  /**
   * The price in force at an instant.
   *
   * @param instant the instant, not null
   * @return the price, or empty if the instant is outside the series
   */
  public Optional<BigDecimal> priceAt(Instant instant) {
    int i = grid().indexOf(instant);
    return i < 0 ? Optional.empty() : Optional.of(prices().get(i));
  }

  @Value.Check
  void check() {
    if (prices().isEmpty()) {
      throw new ValidationException("prices", prices(), "must not be empty");
    }
  }
}
