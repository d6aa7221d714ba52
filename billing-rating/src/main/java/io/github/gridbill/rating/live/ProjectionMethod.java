package io.github.gridbill.rating.live;

/** How a {@link Projection} fills the intervals of the cycle that have not arrived yet. */
public enum ProjectionMethod {
  /**
   * Run rate: each interval still to come gets the average import and export (mWh, rounded half up) of the intervals
   * received so far with the same combination of TOU periods (the same tariff segment's rating key); when none of
   * those has arrived yet, the average of all intervals received. Over whole periods this is the usage so far scaled
   * by the ratio of intervals, TOU period by TOU period.
   */
  RUN_RATE,
  /**
   * Like day: each interval still to come gets the import and export of the same local time {@code lookback} earlier
   * in the account's {@link LikeDayHistory} (the same days last cycle or last year); where the history has no such
   * interval, the run-rate value.
   */
  LIKE_DAY
}
