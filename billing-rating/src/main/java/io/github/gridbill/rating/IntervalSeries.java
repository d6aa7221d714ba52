package io.github.gridbill.rating;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.time.IntervalGrid;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A meter's interval data in columnar form: a grid, imported energy per interval, optionally exported energy, and a
 * quality and estimation method per interval.
 *
 * <p>Energy is stored as exact {@code long} milliwatt-hours ({@link Energy}); index {@code i} is the interval
 * {@link IntervalGrid#intervalStart(int)}. Construction validates every value (no negative import or export, values
 * within the sane maximum, arrays of the grid's length, MISSING intervals hold 0) and throws
 * {@link MeterDataException} naming the index and timestamp. Arrays are copied in and never exposed, so the series is
 * immutable and thread-safe; treat it as a value type and do not rely on identity.
 *
 * <p>{@code IntervalSeries.builder("M-1", grid).imports(wh).build()}.
 */
public final class IntervalSeries {
  /**
   * The most intervals the library's file readers put in one meter's series: 2^24 (16,777,216), as many as one
   * {@link RatingPlan} covers (31.9 years of 1-minute intervals). A file whose readings would span more for one meter
   * (readings far apart in time) is refused before its arrays are allocated.
   */
  public static final int MAX_INTERVALS = RatingPlan.MAX_INTERVALS;


  /** The default sane maximum demand of one interval: 100 MW. */
  public static final Power DEFAULT_MAX_DEMAND = Power.ofWatts(100_000_000L);

  private final String meterId;
  private final IntervalGrid grid;
  final long[] imports;
  final long @Nullable [] exports;
  final byte @Nullable [] quality;
  final byte @Nullable [] methods;

  private IntervalSeries(
      String meterId,
      IntervalGrid grid,
      long[] imports,
      long @Nullable [] exports,
      byte @Nullable [] quality,
      byte @Nullable [] methods) {
    this.meterId = meterId;
    this.grid = grid;
    this.imports = imports;
    this.exports = exports;
    this.quality = quality;
    this.methods = methods;
  }

  /**
   * A builder for a meter's series on a grid.
   *
   * @param meterId the meter id, not null
   * @param grid the grid, not null
   * @return the builder, never null
   */
  public static Builder builder(String meterId, IntervalGrid grid) {
    return new Builder(meterId, grid);
  }

  /**
   * An import-only series of actual readings.
   *
   * @param meterId the meter id, not null
   * @param grid the grid, not null
   * @param importMilliwattHours the imported energy per interval in mWh, copied, not null
   * @return the series, never null
   * @throws MeterDataException if a value is negative or too large, or the length differs from the grid
   */
  public static IntervalSeries ofImports(String meterId, IntervalGrid grid, long[] importMilliwattHours) {
    return builder(meterId, grid).imports(importMilliwattHours).build();
  }

  /**
   * The meter id.
   *
   * @return the id, never null
   */
  public String meterId() {
    return meterId;
  }

  /**
   * The grid.
   *
   * @return the grid, never null
   */
  public IntervalGrid grid() {
    return grid;
  }

  /**
   * The number of intervals.
   *
   * @return the size
   */
  public int size() {
    return imports.length;
  }

  /**
   * Imported energy of an interval in mWh.
   *
   * @param index the interval index
   * @return the mWh value
   */
  public long importAt(int index) {
    return imports[index];
  }

  /**
   * Exported energy of an interval in mWh (0 when the series has no export channel).
   *
   * @param index the interval index
   * @return the mWh value
   */
  public long exportAt(int index) {
    long[] e = exports;
    return e == null ? 0 : e[index];
  }

  /**
   * Whether the series has an export channel.
   *
   * @return true if it has exports
   */
  public boolean hasExports() {
    return exports != null;
  }

  /**
   * The quality of an interval.
   *
   * @param index the interval index
   * @return the quality, never null
   */
  public ReadingQuality quality(int index) {
    byte[] q = quality;
    return q == null ? ReadingQuality.ACTUAL : ReadingQuality.ofCode(q[index]);
  }

  /**
   * How an interval's value was produced.
   *
   * @param index the interval index
   * @return the method, NONE for actual readings, never null
   */
  public EstimationMethod method(int index) {
    byte[] m = methods;
    return m == null ? EstimationMethod.NONE : EstimationMethod.ofCode(m[index]);
  }

  /**
   * Whether every interval is an actual reading.
   *
   * @return true if no interval is estimated, substituted, edited or missing
   */
  public boolean isAllActual() {
    byte[] q = quality;
    if (q == null) {
      return true;
    }
    for (byte b : q) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The number of intervals of a quality.
   *
   * @param q the quality, not null
   * @return the count
   */
  public int count(ReadingQuality q) {
    byte[] qs = quality;
    if (qs == null) {
      return q == ReadingQuality.ACTUAL ? imports.length : 0;
    }
    int n = 0;
    for (byte b : qs) {
      if (b == q.code()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Total imported energy.
   *
   * @return the total, never null
   */
  public Energy totalImport() {
    long s = 0;
    for (long v : imports) {
      s = Math.addExact(s, v);
    }
    return Energy.ofMilliwattHours(s);
  }

  /**
   * Total exported energy.
   *
   * @return the total, never null
   */
  public Energy totalExport() {
    long[] e = exports;
    long s = 0;
    if (e != null) {
      for (long v : e) {
        s = Math.addExact(s, v);
      }
    }
    return Energy.ofMilliwattHours(s);
  }

  /**
   * A copy of the imports in mWh.
   *
   * @return a new array, never null
   */
  public long[] importsCopy() {
    return imports.clone();
  }

  /**
   * A copy of the exports in mWh.
   *
   * @return a new array, or empty if the series has no export channel
   */
  public Optional<long[]> exportsCopy() {
    long[] e = exports;
    return e == null ? Optional.empty() : Optional.of(e.clone());
  }

  /**
   * The part of this series on a sub-grid (same interval length, aligned, inside this grid). This instance is
   * immutable and unaffected by this method.
   *
   * @param sub the sub-grid, not null
   * @return the slice, never null
   * @throws ValidationException if the sub-grid is not aligned with and inside this series' grid
   */
  public IntervalSeries slice(IntervalGrid sub) {
    Objects.requireNonNull(sub, "sub");
    int from = grid.indexOf(sub.start());
    if (sub.length() != grid.length() || (sub.count() > 0 && from < 0)
        || (from >= 0 && !grid.intervalStart(from).equals(sub.start())) || from + sub.count() > size()) {
      throw new ValidationException("sub", sub, "must be an aligned part of the series' grid " + grid);
    }
    if (sub.count() == 0) {
      return new IntervalSeries(meterId, sub, new long[0], exports == null ? null : new long[0],
          quality == null ? null : new byte[0], methods == null ? null : new byte[0]);
    }
    int to = from + sub.count();
    long[] e = exports;
    byte[] q = quality;
    byte[] m = methods;
    return new IntervalSeries(meterId, sub, Arrays.copyOfRange(imports, from, to),
        e == null ? null : Arrays.copyOfRange(e, from, to), q == null ? null : Arrays.copyOfRange(q, from, to),
        m == null ? null : Arrays.copyOfRange(m, from, to));
  }

  @Override
  public boolean equals(@Nullable Object obj) {
    if (!(obj instanceof IntervalSeries s)) {
      return false;
    }
    return meterId.equals(s.meterId) && grid.equals(s.grid) && Arrays.equals(imports, s.imports)
        && Arrays.equals(exports, s.exports) && Arrays.equals(quality, s.quality) && Arrays.equals(methods, s.methods);
  }

  @Override
  public int hashCode() {
    return Objects.hash(meterId, grid, Arrays.hashCode(imports), Arrays.hashCode(exports));
  }

  @Override
  public String toString() {
    return "IntervalSeries[" + meterId + ", " + grid + ", import " + totalImport()
        + (hasExports() ? ", export " + totalExport() : "") + "]";
  }

  /** Builds a validated {@link IntervalSeries}; arrays are copied when {@link #build()} is called. */
  public static final class Builder {
    private final String meterId;
    private final IntervalGrid grid;
    private long @Nullable [] imports;
    private long @Nullable [] exports;
    private byte @Nullable [] quality;
    private byte @Nullable [] methods;
    private Power maxDemand = DEFAULT_MAX_DEMAND;

    private Builder(String meterId, IntervalGrid grid) {
      this.meterId = Objects.requireNonNull(meterId, "meterId");
      this.grid = Objects.requireNonNull(grid, "grid");
    }

    /**
     * Imported energy per interval in mWh.
     *
     * @param milliwattHours the values, not null
     * @return this builder
     */
    public Builder imports(long[] milliwattHours) {
      this.imports = Objects.requireNonNull(milliwattHours, "imports");
      return this;
    }

    /**
     * Exported energy per interval in mWh.
     *
     * @param milliwattHours the values, not null
     * @return this builder
     */
    public Builder exports(long[] milliwattHours) {
      this.exports = Objects.requireNonNull(milliwattHours, "exports");
      return this;
    }

    /**
     * The quality of each interval, as {@link ReadingQuality#code()}s; all ACTUAL when not set.
     *
     * @param codes the codes, not null
     * @return this builder
     */
    public Builder quality(byte[] codes) {
      this.quality = Objects.requireNonNull(codes, "quality");
      return this;
    }

    /**
     * The estimation method of each interval, as {@link EstimationMethod#code()}s; all NONE when not set.
     *
     * @param codes the codes, not null
     * @return this builder
     */
    public Builder methods(byte[] codes) {
      this.methods = Objects.requireNonNull(codes, "methods");
      return this;
    }

    /**
     * The sane maximum demand of one interval; a larger value is refused as a meter fault.
     *
     * @param max the maximum, positive, not null
     * @return this builder
     */
    public Builder maxDemand(Power max) {
      this.maxDemand = Objects.requireNonNull(max, "maxDemand");
      return this;
    }

    /**
     * Validates and builds the series.
     *
     * @return the series, never null
     * @throws MeterDataException naming the first offending index and timestamp
     */
    public IntervalSeries build() {
      long[] imp = imports;
      if (imp == null) {
        throw new MeterDataException("imports", -1, null, null, "must be set");
      }
      int n = grid.count();
      checkLength("imports", imp.length, n);
      long maxPerInterval = maxDemand.milliwatts() / grid.length().perHour();
      long[] exp = exports;
      byte[] q = quality;
      byte[] m = methods;
      if (exp != null) {
        checkLength("exports", exp.length, n);
      }
      if (q != null) {
        checkLength("quality", q.length, n);
      }
      if (m != null) {
        checkLength("methods", m.length, n);
      }
      for (int i = 0; i < n; i++) {
        checkValue("imports", i, imp[i], maxPerInterval);
        if (exp != null) {
          checkValue("exports", i, exp[i], maxPerInterval);
        }
        if (q != null) {
          if (q[i] < 0 || q[i] >= ReadingQuality.values().length) {
            throw new MeterDataException("quality", i, grid.intervalStart(i), q[i], "must be a ReadingQuality code");
          }
          if (q[i] == ReadingQuality.MISSING.code() && (imp[i] != 0 || (exp != null && exp[i] != 0))) {
            throw new MeterDataException("imports", i, grid.intervalStart(i), imp[i] + " mWh",
                "must be 0 for a MISSING interval");
          }
        }
        if (m != null && (m[i] < 0 || m[i] >= EstimationMethod.values().length)) {
          throw new MeterDataException("methods", i, grid.intervalStart(i), m[i], "must be an EstimationMethod code");
        }
      }
      return new IntervalSeries(meterId, grid, imp.clone(), exp == null ? null : exp.clone(),
          q == null ? null : q.clone(), m == null ? null : m.clone());
    }

    private void checkLength(String field, int actual, int expected) {
      if (actual != expected) {
        throw new MeterDataException(field, -1, null, actual + " values",
            "must have one value per interval of the grid (" + expected + ", " + grid + ")");
      }
    }

    private void checkValue(String field, int i, long v, long max) {
      if (v < 0) {
        Instant t = grid.intervalStart(i);
        throw new MeterDataException(field, i, t, v + " mWh", "must not be negative");
      }
      if (v > max) {
        Instant t = grid.intervalStart(i);
        throw new MeterDataException(field, i, t, v + " mWh",
            "must not exceed the sane maximum of " + max + " mWh per interval (" + maxDemand + ")");
      }
    }
  }
}
