package io.github.gridbill.rating.vee;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.rating.IntervalRange;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a validation check (or the estimator) found: the check, its severity, the intervals of the grid it concerns
 * with their timestamps, the raw readings behind it, the values compared and the threshold they were compared with,
 * and a sentence for a person.
 *
 * <p>{@code spike-daily WARNING [2024-06-03T18:00Z, 2024-06-03T18:15Z) #258+1 values [9000000, 800000] threshold 300 %:
 * "highest interval of 2024-06-03 is 1025 % above the day's third-highest"}. Findings are data, not errors: a chain
 * always runs to its end. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class FindingDef {

  /**
   * The check that found it.
   *
   * @return the check id
   */
  public abstract CheckId check();

  /**
   * How serious it is; {@link Severity#FAILURE} on an interval check means {@link #rejects()}.
   *
   * @return the severity
   */
  public abstract Severity severity();

  /**
   * The intervals of the grid concerned, with their time span; empty for a reading outside the grid.
   *
   * @return the range, or empty
   */
  public abstract Optional<IntervalRange> range();

  /**
   * The positions of the raw readings concerned in the order they arrived (normalisation findings only).
   *
   * @return the reading positions, possibly empty
   */
  public abstract List<Integer> readingPositions();

  /**
   * The values behind the finding, in mWh unless the {@link CheckId} says otherwise.
   *
   * @return the values, possibly empty
   */
  public abstract List<Long> values();

  /**
   * The configured threshold the values were compared with (kW, h or %).
   *
   * @return the threshold, or empty
   */
  public abstract Optional<Quantity> threshold();

  /**
   * Whether the intervals in {@link #range()} were rejected and are estimated like missing intervals.
   *
   * @return true if rejected, false by default
   */
  @Value.Default
  public boolean rejects() {
    return false;
  }

  /**
   * A sentence for a person, for example {@code "4 intervals missing on 2024-03-10, a 23-hour day that expects 92"}.
   *
   * @return the message
   */
  public abstract String message();
}
