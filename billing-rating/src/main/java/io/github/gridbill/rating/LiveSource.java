package io.github.gridbill.rating;

import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Live meter data: the determinants a {@link LiveKernelImpl} folded reading by reading. Per-key totals, price sums and
 * chronological fills come from the folds; demand response and chronological tiers whose bounds depend on demand go
 * to a {@link SeriesSource} over the retained intervals, so that they run the batch code itself.
 */
final class LiveSource extends MeterSource {
  private final LiveKernelImpl kernel;
  private final long[] state;
  private final @Nullable LiveSide side;
  private final String meterId;
  private final SegmentTotals[] totals;
  private final ChronoCounter[] chrono;
  private final @Nullable SeriesSource retained;

  LiveSource(LiveKernelImpl kernel, long[] state, @Nullable LiveSide side, String meterId, ChronoCounter[] chrono,
      @Nullable SeriesSource retained) {
    this.kernel = kernel;
    this.state = state;
    this.side = side;
    this.meterId = meterId;
    this.chrono = chrono;
    this.retained = retained;
    this.totals = new SegmentTotals[kernel.plan.segments.size()];
    for (int s = 0; s < totals.length; s++) {
      totals[s] = kernel.totals(state, s);
    }
  }

  @Override
  String meterId() {
    return meterId;
  }

  @Override
  SegmentTotals totals(int segment) {
    return totals[segment];
  }

  @Override
  ChronoFill chrono(int segment, SegmentPlan sp, int charge, Map<Integer, TierTable> tables, boolean net,
      boolean exports) {
    ChronoSpec[] specs = kernel.chrono;
    for (int i = 0; i < specs.length; i++) {
      ChronoSpec c = specs[i];
      if (c.segment == segment && c.charge == charge && c.net == net && c.exports == exports) {
        if (!c.matches(tables)) {
          throw new IllegalStateException("live chronological tiers differ from the assembler's: segment " + segment
              + ", charge " + charge);
        }
        return chrono[i].result();
      }
    }
    return retained("chronological tiers of charge " + charge).chrono(segment, sp, charge, tables, net, exports);
  }

  @Override
  BigDecimal priceAmount(int segment, SegmentPlan sp, PriceTable prices, boolean net, boolean imports) {
    int flow = LiveKernelImpl.flow(net, imports);
    for (int a = 0; a < kernel.accTable.length; a++) {
      if (kernel.accSeg[a] == segment && kernel.accTable[a] == prices && kernel.accFlow[a] == flow) {
        if (prices.isNanos()) {
          int b = kernel.accBase + 2 * a;
          return PriceTable.sum128(state[b], state[b + 1]);
        }
        LiveSide sd = side;
        if (sd == null) {
          throw new IllegalStateException("exact price sums without side state");
        }
        return sd.exactSums[kernel.accExact[a]];
      }
    }
    return retained("a price series").priceAmount(segment, sp, prices, net, imports);
  }

  @Override
  DemandResponseSettlement.EventResult demandResponse(SegmentPlan sp, DemandResponseProgram program,
      DemandResponseEvent event, int from, int to) {
    return retained("demand response").demandResponse(sp, program, event, from, to);
  }

  private SeriesSource retained(String what) {
    SeriesSource r = retained;
    if (r == null) {
      throw new IllegalStateException("live source keeps no intervals for " + what);
    }
    return r;
  }
}
