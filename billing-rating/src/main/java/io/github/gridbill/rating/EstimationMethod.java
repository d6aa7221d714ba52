package io.github.gridbill.rating;

/**
 * How a non-actual interval value was produced. Stored per interval as the ordinal in a {@code byte[]}; the codes are
 * stable.
 */
public enum EstimationMethod {
  /** Not estimated: an actual reading. */
  NONE,
  /** Linear interpolation between the valid neighbours of a gap. */
  LINEAR_INTERPOLATION,
  /** Copied from the same interval of a like day (same day type, weeks back). */
  LIKE_DAY,
  /** The average of the same interval over several like days. */
  AVERAGE_OF_LIKE_DAYS,
  /** Estimated intervals scaled so that the series sums to the register-read difference. */
  REGISTER_SCALED,
  /** Zero, because the meter was de-energised. */
  ZERO_DEENERGISED,
  /** A manual edit. */
  MANUAL_EDIT;

  private static final EstimationMethod[] VALUES = values();

  /**
   * The method for a stored code.
   *
   * @param code the ordinal
   * @return the method, never null
   */
  public static EstimationMethod ofCode(int code) {
    return VALUES[code];
  }

  /**
   * The stored code.
   *
   * @return the ordinal as a byte
   */
  public byte code() {
    return (byte) ordinal();
  }
}
