package io.github.gridbill.rating.internal;

import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.RatingPlan;
import org.jspecify.annotations.Nullable;

/**
 * Not API: a plan's incremental determinants, folded reading by reading into a caller-owned {@code long[]} (the first
 * {@link #stateLongs()} elements) and an optional side object, and assembled into a bill by the batch rater's own
 * assembler.
 *
 * <p>{@link #add} is order-free (sums, maxima with the earliest index on ties, price sums): call it once per reading,
 * in any order. {@link #addOrdered} must be called once per interval of the plan's grid, in index order, with zero
 * for intervals that never arrived; only tariffs whose tiers fill in time order need it ({@link #ordered()}).
 * Intervals not yet passed to {@code addOrdered} are handed to {@link #assemble} as the pending tail. A kernel is
 * immutable and thread-safe; the state it folds into is not.
 */
public interface LiveKernel {

  /**
   * The plan.
   *
   * @return the plan, never null
   */
  RatingPlan plan();

  /**
   * The number of intervals of the plan's grid.
   *
   * @return the count
   */
  int intervals();

  /**
   * The number of {@code long}s of state the kernel folds into, from index 0 of the state array.
   *
   * @return the count
   */
  int stateLongs();

  /**
   * An estimate of the bytes of side state per account (0 when {@link #newSide()} returns null).
   *
   * @return the bytes
   */
  long sideBytes();

  /**
   * Whether {@link #addOrdered} does anything (tiers that fill in time order).
   *
   * @return true if intervals must be folded in order
   */
  boolean ordered();

  /**
   * A new account's side state: chronological tier counters, exact-decimal price sums, retained intervals for
   * demand response.
   *
   * @return the side state, or null when the plan needs none
   */
  @Nullable Object newSide();

  /**
   * A deep copy of side state.
   *
   * @param side the side state, may be null
   * @return the copy, null when side is null
   */
  @Nullable Object copySide(@Nullable Object side);

  /**
   * Folds one reading, in any order.
   *
   * @param state the state array
   * @param side the side state
   * @param index the interval index in the plan's grid
   * @param importMwh the import in mWh
   * @param exportMwh the export in mWh
   * @param quality the {@code ReadingQuality} code
   * @param method the {@code EstimationMethod} code
   */
  void add(long[] state, @Nullable Object side, int index, long importMwh, long exportMwh, int quality, int method);

  /**
   * Folds one interval in time order (zeros for an interval that never arrived).
   *
   * @param side the side state
   * @param index the interval index, one more than the previous call's (0 first)
   * @param importMwh the import in mWh
   * @param exportMwh the export in mWh
   */
  void addOrdered(@Nullable Object side, int index, long importMwh, long exportMwh);

  /**
   * The number of keys (distinct combinations of TOU periods, per tariff segment).
   *
   * @return the count
   */
  int keyCount();

  /**
   * The key of an interval.
   *
   * @param index the interval index
   * @return the key
   */
  int keyOf(int index);

  /**
   * The import folded into a key.
   *
   * @param state the state
   * @param key the key
   * @return mWh
   */
  long keyImport(long[] state, int key);

  /**
   * The export folded into a key.
   *
   * @param state the state
   * @param key the key
   * @return mWh
   */
  long keyExport(long[] state, int key);

  /**
   * The number of readings folded into a key.
   *
   * @param state the state
   * @param key the key
   * @return the count
   */
  int keyReadings(long[] state, int key);

  /**
   * Assembles the bill of the readings folded so far (intervals without a reading count as zero).
   *
   * @param state the state
   * @param side the side state
   * @param meterId the meter id printed on the bill
   * @param billingState the state after the previous bill
   * @param history interval data before the plan's period, for demand-response baselines, or null
   * @param pendingFrom the first interval not yet passed to {@link #addOrdered}
   * @param pendingImport the imports of the intervals from pendingFrom on that are to be folded in order (zeros for
   *     those without a reading); the intervals after them count as zero
   * @param pendingExport the exports, the same length
   * @return the bill and the state after it
   */
  RatedBill assemble(long[] state, @Nullable Object side, String meterId, BillingState billingState,
      @Nullable IntervalSeries history, int pendingFrom, long[] pendingImport, long[] pendingExport);
}
