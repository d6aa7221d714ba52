package io.github.gridbill.rating.vee;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ValidationChain} found over readings on a grid: the findings in the order they were made (laying out
 * the readings first, then each check in chain order) and which intervals are usable.
 *
 * <p>An interval is {@linkplain #isValid(int) valid} when it was read and no finding rejected it; the estimator fills
 * every other interval. This class is immutable and thread-safe.
 */
public final class ValidationResult {
  private final GridReadings readings;
  private final byte[] rejected;
  private final List<Finding> findings;
  private final int validCount;

  ValidationResult(GridReadings readings, byte[] rejected, List<Finding> findings) {
    this.readings = readings;
    this.rejected = rejected;
    this.findings = List.copyOf(findings);
    int v = 0;
    for (int i = 0; i < rejected.length; i++) {
      if (isValid(i)) {
        v++;
      }
    }
    this.validCount = v;
  }

  /**
   * The readings validated.
   *
   * @return the readings, never null
   */
  public GridReadings readings() {
    return readings;
  }

  /**
   * Every finding, in the order made.
   *
   * @return the findings, never null
   */
  public List<Finding> findings() {
    return findings;
  }

  /**
   * The findings of one check.
   *
   * @param check the check id, not null
   * @return the findings, in order, never null
   */
  public List<Finding> findings(CheckId check) {
    Objects.requireNonNull(check, "check");
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      if (f.check() == check) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * Whether an interval was read and not rejected.
   *
   * @param index the interval index
   * @return true if its value is used as an actual reading
   */
  public boolean isValid(int index) {
    return readings.state[index] == GridReadings.PRESENT && rejected[index] == 0;
  }

  /**
   * Whether an interval was read but rejected by a finding.
   *
   * @param index the interval index
   * @return true if rejected
   */
  public boolean isRejected(int index) {
    return rejected[index] != 0;
  }

  /**
   * The number of valid intervals.
   *
   * @return the count
   */
  public int validCount() {
    return validCount;
  }

  @Override
  public String toString() {
    return "ValidationResult[" + readings.meterId() + ", " + validCount + " of " + rejected.length
        + " intervals valid, " + findings.size() + " findings]";
  }
}
