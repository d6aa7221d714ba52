package io.github.gridbill.rating;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Prices aligned to a segment's intervals: exact {@code long} nano-units when every price has at most 9 decimals (so
 * Σ energy × price is a 128-bit integer sum), else exact {@code BigDecimal}s.
 */
final class PriceTable {
  private final long[] nanos;
  private final BigDecimal[] exact;
  private final boolean useNanos;

  private PriceTable(long[] nanos, BigDecimal[] exact, boolean useNanos) {
    this.nanos = nanos;
    this.exact = exact;
    this.useNanos = useNanos;
  }

  static PriceTable ofNanos(long[] nanos) {
    return new PriceTable(nanos, new BigDecimal[0], true);
  }

  static PriceTable ofExact(BigDecimal[] exact) {
    return new PriceTable(new long[0], exact, false);
  }

  /** The price of the segment's j-th interval. */
  BigDecimal priceAt(int j) {
    return useNanos ? BigDecimal.valueOf(nanos[j], 9) : exact[j];
  }

  /** Whether the prices are nano-units ({@link #nanosAt}) rather than exact decimals ({@link #priceAt}). */
  boolean isNanos() {
    return useNanos;
  }

  /** The nano-unit price of the segment's j-th interval (only when {@link #isNanos()}). */
  long nanosAt(int j) {
    return nanos[j];
  }

  /**
   * The scale of {@link #sumProduct} over exact decimal prices, whatever the energies: every term {@code mwh × 10^-6 ×
   * price} has scale {@code 6 + price scale}, and a BigDecimal sum keeps the largest.
   */
  int exactSumScale() {
    int scale = 0;
    for (BigDecimal p : exact) {
      scale = Math.max(scale, 6 + p.scale());
    }
    return scale;
  }

  /** A 128-bit sum of mWh × nano-units ({@code hi:lo}, two's complement) as an exact amount in currency × kWh. */
  static BigDecimal sum128(long hi, long lo) {
    BigInteger sum = BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
    return new BigDecimal(sum, 15); // mWh (1e-6 kWh) × nano-units (1e-9)
  }

  /** Σ mwh[j] × price[j] over the segment (mWh per interval supplied by the caller), exact, in currency × kWh. */
  BigDecimal sumProduct(long[] mwh) {
    if (useNanos) {
      long hi = 0;
      long lo = 0;
      for (int j = 0; j < mwh.length; j++) {
        long a = mwh[j];
        long pl = a * nanos[j];
        long ph = Math.multiplyHigh(a, nanos[j]);
        long nlo = lo + pl;
        hi += ph + (Long.compareUnsigned(nlo, lo) < 0 ? 1 : 0);
        lo = nlo;
      }
      return sum128(hi, lo);
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (int j = 0; j < mwh.length; j++) {
      sum = sum.add(BigDecimal.valueOf(mwh[j], 6).multiply(exact[j]));
    }
    return sum;
  }
}
