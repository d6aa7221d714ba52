package io.github.gridbill.formats;

/** Why a Green Button usage point could not become an {@link io.github.gridbill.rating.IntervalSeries}. */
public enum UnconvertibleReason {
  /** The usage point's ServiceCategory is not electricity (kind 1 gas, 2 water, ...). */
  NOT_ELECTRICITY,
  /** No MeterReading of the usage point is energy in Wh (uom 72): therms, cubic metres, kW demand, ... */
  NO_ENERGY_READINGS,
  /** The energy readings are register values (accumulationBehaviour 1, 3 or 9), not energy per interval. */
  NOT_DELTA_DATA,
  /** A MeterReading has no ReadingType, so its unit and direction are unknown. */
  NO_READING_TYPE,
  /** The usage point has energy MeterReadings but no IntervalReadings. */
  NO_READINGS,
  /** The readings have different durations (for example billing periods of 28 to 35 days). */
  IRREGULAR_INTERVALS,
  /** The readings share one duration, but it is not 1, 5, 10, 15, 30 or 60 minutes. */
  UNSUPPORTED_INTERVAL_LENGTH,
  /** The readings do not start on one grid (a start is not a whole number of intervals after the first). */
  MISALIGNED_READINGS,
  /** The import and export channels have different interval lengths. */
  MIXED_INTERVAL_LENGTHS
}
