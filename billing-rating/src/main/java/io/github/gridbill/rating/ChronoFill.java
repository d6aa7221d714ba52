package io.github.gridbill.rating;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The result of filling tiers in time order for one charge in one segment: the kWh in each period's tiers and, per
 * tier, the span {@code [first, last + 1)} of bill-grid intervals that contributed.
 */
final class ChronoFill {
  private final Map<Integer, BigDecimal[]> kwh;
  private final Map<Integer, int[][]> spans;

  ChronoFill(Map<Integer, BigDecimal[]> kwh, Map<Integer, int[][]> spans) {
    this.kwh = kwh;
    this.spans = spans;
  }

  BigDecimal[] kwh(int period) {
    return Objects.requireNonNull(kwh.get(period), "period");
  }

  int[][] spans(int period) {
    return Objects.requireNonNull(spans.get(period), "period");
  }
}
