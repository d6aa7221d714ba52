package io.github.gridbill.rating.vee;

/**
 * How serious a {@link Finding} is, and what it does to the data (Itron's "warn or fail").
 */
public enum Severity {
  /** Noted for the record; the data is used as it is (an identical duplicate, a power outage flag). */
  INFO,
  /** Worth a look; the data is still used as it is (a spike, a long zero run, a failed sum check). */
  WARNING,
  /**
   * The intervals the finding covers are rejected: their values are not used and they are estimated like missing
   * intervals. Checks that judge a whole window rather than intervals (sum check, usage against history, missing
   * intervals) report at this severity but reject nothing.
   */
  FAILURE
}
