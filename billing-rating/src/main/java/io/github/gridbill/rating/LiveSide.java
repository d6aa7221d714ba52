package io.github.gridbill.rating;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A live account's state that does not fit in its {@code long[]}: chronological tier counters, price sums over exact
 * decimal prices, and the cycle's intervals where a construct needs them one by one (demand-response baselines and
 * chronological tiers whose bounds depend on demand). Fixed in size from the account's opening on.
 */
final class LiveSide {
  final ChronoCounter[] chrono;
  final BigDecimal[] exactSums;
  final long @Nullable [] retainedImport;
  final long @Nullable [] retainedExport;

  LiveSide(ChronoCounter[] chrono, BigDecimal[] exactSums, long @Nullable [] retainedImport,
      long @Nullable [] retainedExport) {
    this.chrono = chrono;
    this.exactSums = exactSums;
    this.retainedImport = retainedImport;
    this.retainedExport = retainedExport;
  }

  LiveSide copy() {
    ChronoCounter[] c = new ChronoCounter[chrono.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = chrono[i].copy();
    }
    long[] ri = retainedImport;
    long[] re = retainedExport;
    return new LiveSide(c, exactSums.clone(), ri == null ? null : ri.clone(), re == null ? null : re.clone());
  }
}
