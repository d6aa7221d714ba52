package io.github.gridbill.rating;

/**
 * The quality of an interval value, following AEMO and MDM practice. Stored per interval as the ordinal in a
 * {@code byte[]} (see {@link IntervalSeries#quality(int)}); the codes are stable.
 */
public enum ReadingQuality {
  /** An actual reading from the meter. */
  ACTUAL(0),
  /** Estimated by a declared rule (interpolation, like-day, average). */
  ESTIMATED(1),
  /** Substituted from another source (a check meter, a like day's actual). */
  SUBSTITUTED(2),
  /** Edited by a person, with a recorded reason. */
  EDITED(3),
  /** Missing: no value (the interval's energy is 0 and it must not be billed without estimation). */
  MISSING(4);

  private static final ReadingQuality[] BY_CODE = values();

  private final byte code;

  ReadingQuality(int code) {
    this.code = (byte) code;
  }

  /**
   * The quality for a stored code.
   *
   * @param code the ordinal stored in a series
   * @return the quality, never null
   */
  public static ReadingQuality ofCode(int code) {
    return BY_CODE[code];
  }

  /**
   * The code stored in a series.
   *
   * @return the ordinal as a byte
   */
  public byte code() {
    return code;
  }
}
