package io.github.gridbill.rating;

/**
 * The quality of an interval value, following AEMO and MDM practice. Stored per interval as the ordinal in a
 * {@code byte[]} (see {@link IntervalSeries#quality(int)}); the codes are stable.
 */
public enum ReadingQuality {
  /** An actual reading from the meter. */
  ACTUAL,
  /** Estimated by a declared rule (interpolation, like-day, average). */
  ESTIMATED,
  /** Substituted from another source (a check meter, a like day's actual). */
  SUBSTITUTED,
  /** Edited by a person, with a recorded reason. */
  EDITED,
  /** Missing: no value (the interval's energy is 0 and it must not be billed without estimation). */
  MISSING;

  private static final ReadingQuality[] VALUES = values();

  /**
   * The quality for a stored code.
   *
   * @param code the ordinal stored in a series
   * @return the quality, never null
   */
  public static ReadingQuality ofCode(int code) {
    return VALUES[code];
  }

  /**
   * The code stored in a series.
   *
   * @return the ordinal as a byte
   */
  public byte code() {
    return (byte) ordinal();
  }
}
