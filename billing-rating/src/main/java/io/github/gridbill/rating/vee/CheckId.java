package io.github.gridbill.rating.vee;

/**
 * What a {@link Finding} is about. Each id has a stable kebab-case {@link #code()} (used in JSON output) and says what
 * the finding's {@link Finding#values()} hold; values are milliwatt-hours unless stated.
 */
public enum CheckId {
  /** A reading's start is not on the grid and further from it than the clock tolerance; values: import. */
  OFF_GRID("off-grid"),
  /** A reading's start was off the grid by no more than the clock tolerance and was taken at the nearest grid start;
   * values: import. */
  CLOCK_TOLERANCE("clock-tolerance"),
  /** A reading's duration is not the grid's interval length (Oracle "Interval Size Validation"); values: import. */
  INTERVAL_SIZE("interval-size"),
  /** A reading falls outside the window being validated and was ignored; values: import. */
  OUTSIDE_WINDOW("outside-window"),
  /** A second reading for an interval with the same values and flags (Oracle "Duplicate IMD Check"); values: the
   * import of the reading kept and of the duplicate. */
  DUPLICATE_IDENTICAL("duplicate-identical"),
  /** A second reading for an interval with different values or flags; values: the import of the earlier and of the
   * later reading. */
  DUPLICATE_CONFLICTING("duplicate-conflicting"),
  /** A reading whose span overlaps intervals already read, with import equal to their sum; values: its import and
   * their sum. */
  OVERLAP_IDENTICAL("overlap-identical"),
  /** A reading whose span overlaps intervals already read, with values that do not agree; values: its import and the
   * sum of the overlapped intervals read. */
  OVERLAP_CONFLICTING("overlap-conflicting"),
  /** Intervals with no reading, per run within one local day; the message gives the day's expected count (92, 96 or
   * 100 quarter-hours on a 23-, 24- or 25-hour day); values: none. */
  MISSING_INTERVALS("missing-intervals"),
  /** Negative import (Oracle "Negative Consumption Check"); values: the negative values of the run. */
  NEGATIVE_IMPORT("negative-import"),
  /** Negative export; values: the negative values of the run. */
  NEGATIVE_EXPORT("negative-export"),
  /** A run of zero usage (no import and no export) longer than the limit on an energised meter (Oracle "Zero
   * Consumption Check"); values: none; threshold: the limit in hours. */
  ZERO_RUN("zero-run"),
  /** Interval energy above the absolute high limit (Itron "Demand High Limit"); values: the run's values;
   * threshold: the limit in kW. */
  HIGH_LIMIT("high-limit"),
  /** Interval energy below the absolute low limit (Itron "Demand Low Limit"); values: the run's values;
   * threshold: the limit in kW. */
  LOW_LIMIT("low-limit"),
  /** An interval more than k % above the previous valid interval (Itron "Demand Tolerance Consecutive Intervals");
   * values: the interval and the previous valid interval; threshold: k %. */
  SPIKE_PREVIOUS("spike-previous"),
  /** A day whose highest interval is more than k % above its third-highest (Oracle "Interval Spike Check");
   * values: the highest and the third-highest; threshold: k %. */
  SPIKE_DAILY("spike-daily"),
  /** Average daily use more than k % above the same period last cycle (Oracle "High/Low Check"); values: this
   * window's and the history's average daily use in mWh per day; threshold: k %. */
  USAGE_HIGH("usage-high"),
  /** Average daily use more than k % below the same period last cycle; values as {@link #USAGE_HIGH}. */
  USAGE_LOW("usage-low"),
  /** The interval total between two register reads differs from the register difference (times the meter
   * multiplier) by more than the tolerance (Oracle "Sum Check"); values: the interval total and the register
   * difference; threshold: the tolerance in %. */
  SUM_CHECK("sum-check"),
  /** Export on a meter without generation (reverse flow, a tamper or wiring sign); values: the run's export. */
  REVERSE_FLOW("reverse-flow"),
  /** The meter reported a power outage; values: the run's import. */
  EVENT_POWER_OUTAGE("event-power-outage"),
  /** The meter reported a clock reset; values: the run's import. */
  EVENT_CLOCK_RESET("event-clock-reset"),
  /** The meter reported tampering; values: the run's import. */
  EVENT_TAMPER("event-tamper"),
  /** The meter reported a register overflow; values: the run's import. */
  EVENT_OVERFLOW("event-overflow"),
  /** A value no {@link io.github.gridbill.rating.IntervalSeries} can hold (negative, or above its sane maximum) that
   * no check in the chain rejected; always rejected; values: import and export. */
  UNUSABLE_VALUE("unusable-value"),
  /** Intervals that no estimation step could fill: they stay MISSING and the series cannot be rated until they are
   * estimated or read; values: none. */
  NOT_ESTIMATED("not-estimated"),
  /** Register scaling could not be applied (intervals still missing, actual intervals alone above the register
   * difference, or a scaled value past the sane maximum); values: the interval total and the register difference. */
  SCALING_NOT_APPLIED("scaling-not-applied");

  private final String code;

  CheckId(String code) {
    this.code = code;
  }

  /**
   * The stable code, for example {@code "spike-daily"}.
   *
   * @return the code, never null
   */
  public String code() {
    return code;
  }

  /**
   * The event check id of a meter event.
   *
   * @param e the event, not null
   * @return the id, never null
   */
  static CheckId of(MeterEvent e) {
    switch (e) {
      case POWER_OUTAGE:
        return EVENT_POWER_OUTAGE;
      case CLOCK_RESET:
        return EVENT_CLOCK_RESET;
      case TAMPER:
        return EVENT_TAMPER;
      default:
        return EVENT_OVERFLOW;
    }
  }
}
