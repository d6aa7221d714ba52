package io.github.gridbill.core.contract;

/** How often a recurring fee is billed. */
public enum RecurrenceFrequency {
  /** Every month. */
  MONTHLY(1),
  /** Every three months from the start month. */
  QUARTERLY(3),
  /** Every twelve months from the start month. */
  ANNUAL(12);

  private final int months;

  RecurrenceFrequency(int months) {
    this.months = months;
  }

  /**
   * The months between bills.
   *
   * @return 1, 3 or 12
   */
  public int months() {
    return months;
  }
}
