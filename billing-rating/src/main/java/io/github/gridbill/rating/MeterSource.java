package io.github.gridbill.rating;

import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What the bill assembler needs from meter data, whether it comes from a whole series (batch rating) or from running
 * totals kept as readings arrive (live bill-to-date). Both must give the same answers for the same readings: that is
 * what makes a live bill equal the batch bill once every reading has arrived.
 */
abstract class MeterSource {

  /** The meter's id. */
  abstract String meterId();

  /** Per-key sums and maxima of a segment; maximum indices are bill-grid indices. */
  abstract SegmentTotals totals(int segment);

  /**
   * Fills a charge's tiers in time order over a segment: one counter for all periods, each interval priced in its own
   * period at the tier the counter has reached, split exactly at bounds. Intervals of a period the charge does not
   * price move the counter without being priced (the counter counts the bill's total usage).
   *
   * @param net per-interval net flows (net billing) rather than gross ones
   * @param exports the export flow (against the tiers' sell rates) rather than imports
   */
  abstract ChronoFill chrono(int segment, SegmentPlan sp, int charge, Map<Integer, TierTable> tables, boolean net,
      boolean exports);

  /** Σ flow × price over a segment, exact (before escalation). */
  abstract BigDecimal priceAmount(int segment, SegmentPlan sp, PriceTable prices, boolean net, boolean imports);

  /** Settles one demand-response event whose window is {@code [from, to)} of the bill grid. */
  abstract DemandResponseSettlement.EventResult demandResponse(SegmentPlan sp, DemandResponseProgram program,
      DemandResponseEvent event, int from, int to);
}
