package io.github.gridbill.rating.vee;

import io.github.gridbill.core.time.IntervalGrid;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The working state of one run of a chain: the readings, the context, which intervals checks have rejected so far,
 * and the findings. Not thread-safe; one per run.
 */
final class ValidationRun {
  final GridReadings g;
  final VeeContext ctx;
  final IntervalGrid grid;
  final int n;
  final long[] imp;
  final long[] exp;
  final byte[] state;
  /** 1 where a check with FAILURE severity rejected the interval. */
  final byte[] rejected;
  final List<Finding> out;
  private byte @org.jspecify.annotations.Nullable [] deenergized;

  ValidationRun(GridReadings g, VeeContext ctx) {
    this.g = g;
    this.ctx = ctx;
    this.grid = g.grid;
    this.n = g.imports.length;
    this.imp = g.imports;
    this.exp = g.exports;
    this.state = g.state;
    this.rejected = new byte[n];
    this.out = new ArrayList<>(g.findings);
    for (int i = 0; i < n; i++) {
      if (state[i] == GridReadings.REJECTED) {
        rejected[i] = 1;
      }
    }
  }

  /** Read, and not rejected by laying out or by a check so far. */
  boolean valid(int i) {
    return state[i] == GridReadings.PRESENT && rejected[i] == 0;
  }

  void reject(int from, int to) {
    for (int i = from; i < to; i++) {
      rejected[i] = 1;
    }
  }

  /** Adds a finding over {@code [from, to)}, rejecting the intervals when the severity is FAILURE and rejects. */
  void add(Finding.Builder b, Severity s, int from, int to, boolean canReject) {
    boolean rej = canReject && s == Severity.FAILURE;
    b.severity(s).rejects(rej);
    if (from >= 0 && to > from) {
      b.range(GridReadings.range(grid, from, to));
    }
    out.add(b.build());
    if (rej) {
      reject(from, to);
    }
  }

  /** 1 where the interval lies in a span the meter was de-energised. */
  byte[] deenergized() {
    byte[] d = deenergized;
    if (d == null) {
      d = deenergizedMask(grid, ctx);
      deenergized = d;
    }
    return d;
  }

  static byte[] deenergizedMask(IntervalGrid grid, VeeContext ctx) {
    int n = grid.count();
    byte[] d = new byte[n];
    for (TimeSpan s : ctx.deenergized()) {
      int from = GridReadings.ceilIndex(grid, s.startInclusive());
      int to = Math.min(n, GridReadings.ceilIndex(grid, s.endExclusive()));
      // an interval counts when it starts inside the span
      for (int i = from; i < to; i++) {
        d[i] = 1;
      }
    }
    return d;
  }

  Instant start(int i) {
    return grid.intervalStart(i);
  }

  /** Compares {@code a × ka} with {@code b × kb} exactly. */
  static int compareProducts(long a, long ka, long b, long kb) {
    try {
      return Long.compare(Math.multiplyExact(a, ka), Math.multiplyExact(b, kb));
    } catch (ArithmeticException e) {
      return BigInteger.valueOf(a).multiply(BigInteger.valueOf(ka))
          .compareTo(BigInteger.valueOf(b).multiply(BigInteger.valueOf(kb)));
    }
  }
}
