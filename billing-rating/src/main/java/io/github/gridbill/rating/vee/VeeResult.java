package io.github.gridbill.rating.vee;

import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link Vee} run: every finding (laying out, checks, estimation), the estimated runs with their
 * methods, and the series to rate, each interval carrying its quality and method.
 *
 * <p>{@link #isComplete()} is false while intervals are still MISSING: such a series is refused by the rater until
 * they are estimated or read. This class is immutable and thread-safe.
 */
public final class VeeResult {
  private final ValidationResult validation;
  private final IntervalSeries series;
  private final List<Finding> findings;
  private final List<EstimationRecord> estimations;

  VeeResult(ValidationResult validation, IntervalSeries series, List<Finding> findings,
      List<EstimationRecord> estimations) {
    this.validation = validation;
    this.series = series;
    this.findings = List.copyOf(findings);
    this.estimations = List.copyOf(estimations);
  }

  /**
   * The validation the estimates were made for.
   *
   * @return the validation, never null
   */
  public ValidationResult validation() {
    return validation;
  }

  /**
   * The series: actual intervals as read, estimated ones with their quality and method, MISSING ones at 0.
   *
   * @return the series, never null
   */
  public IntervalSeries series() {
    return series;
  }

  /**
   * Every finding in order: laying out the readings, the checks in chain order, then estimation.
   *
   * @return the findings, never null
   */
  public List<Finding> findings() {
    return findings;
  }

  /**
   * The findings of one check.
   *
   * @param check the check, not null
   * @return the findings, never null
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
   * The estimated runs in time order.
   *
   * @return the records, never null
   */
  public List<EstimationRecord> estimations() {
    return estimations;
  }

  /**
   * Whether every interval has a value (none MISSING).
   *
   * @return true if the series can be rated
   */
  public boolean isComplete() {
    return series.count(ReadingQuality.MISSING) == 0;
  }

  @Override
  public String toString() {
    return "VeeResult[" + series.meterId() + ", " + series.size() + " intervals, "
        + series.count(ReadingQuality.ACTUAL) + " actual, " + estimations.size() + " estimated runs, "
        + findings.size() + " findings]";
  }
}
