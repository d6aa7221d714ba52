package io.github.gridbill.rating;

/**
 * How a non-actual interval value was produced. Stored per interval as the ordinal in a {@code byte[]}; the codes are
 * stable.
 */
public enum EstimationMethod {
  /** Not estimated: an actual reading. */
  NONE(0),
  /** Linear interpolation between the valid neighbours of a gap. */
  LINEAR_INTERPOLATION(1),
  /** Copied from the same interval of a like day (same day type, weeks back). */
  LIKE_DAY(2),
  /** The average of the same interval over several like days. */
  AVERAGE_OF_LIKE_DAYS(3),
  /** Estimated intervals scaled so that the series sums to the register-read difference. */
  REGISTER_SCALED(4),
  /** Zero, because the meter was de-energised. */
  ZERO_DEENERGISED(5),
  /** A manual edit. */
  MANUAL_EDIT(6);

  private static final EstimationMethod[] BY_CODE = values();

  private final byte code;

  EstimationMethod(int code) {
    this.code = (byte) code;
  }

  /**
   * The method for a stored code.
   *
   * @param code the ordinal
   * @return the method, never null
   */
  public static EstimationMethod ofCode(int code) {
    return BY_CODE[code];
  }

  /**
   * The stored code.
   *
   * @return the ordinal as a byte
   */
  public byte code() {
    return code;
  }
}
