package io.github.gridbill.rating.vee;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.IntervalGrid;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A configured validation chain: how raw readings are laid on the grid ({@link NormalizationRules}), then
 * {@link ValidationCheck}s in a declared order, each seeing what the checks before it rejected. The chain always runs
 * to its end and returns findings; it throws only for bad configuration or a context that does not fit the window.
 * After the declared checks, values no series can hold (negative, or past the sane maximum) are always rejected
 * (UNUSABLE_VALUE), so a validated window can always be made into an
 * {@link io.github.gridbill.rating.IntervalSeries}.
 *
 * <p>{@link #standard()}: {@code missingIntervals, negativeValues, meterEvents, highLimit, reverseFlow,
 * spikeOverPrevious, dailySpike, zeroRun, usageAgainstHistory, sumCheck}, each with its documented default. A custom
 * chain: {@code ValidationChain.of(NormalizationRules.defaults(), List.of(ValidationCheck.negativeValues(),
 * ValidationCheck.highLimit(Power.ofWatts(50_000), Severity.FAILURE), ValidationCheck.dailySpike()))}.
 *
 * <p>Cost: each check is one or two passes over the window's arrays with integer arithmetic; the
 * {@code io.github.gridbill.bench.vee} benchmark measures the standard chain over a month of 15-minute data. Instances
 * are immutable and thread-safe.
 */
public final class ValidationChain {
  private static final ValidationCheck UNUSABLE = ValidationCheck.unusableValues();

  private final NormalizationRules rules;
  private final List<ValidationCheck> checks;

  private ValidationChain(NormalizationRules rules, List<ValidationCheck> checks) {
    this.rules = rules;
    this.checks = checks;
  }

  /**
   * The standard chain with default normalisation rules and every check at its defaults.
   *
   * @return the chain, never null
   */
  public static ValidationChain standard() {
    return of(NormalizationRules.defaults(), List.of(
        ValidationCheck.missingIntervals(),
        ValidationCheck.negativeValues(),
        ValidationCheck.meterEvents(),
        ValidationCheck.highLimit(),
        ValidationCheck.reverseFlow(),
        ValidationCheck.spikeOverPrevious(),
        ValidationCheck.dailySpike(),
        ValidationCheck.zeroRun(),
        ValidationCheck.usageAgainstHistory(),
        ValidationCheck.sumCheck()));
  }

  /**
   * A chain of checks in a declared order.
   *
   * @param rules how readings are laid on the grid, not null
   * @param checks the checks in order, not null, may be empty
   * @return the chain, never null
   */
  public static ValidationChain of(NormalizationRules rules, List<ValidationCheck> checks) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(checks, "checks");
    List<ValidationCheck> cs = new ArrayList<>(checks.size());
    for (int i = 0; i < checks.size(); i++) {
      cs.add(Objects.requireNonNull(checks.get(i), "checks[" + i + "]"));
    }
    return new ValidationChain(rules, List.copyOf(cs));
  }

  /**
   * The normalisation rules.
   *
   * @return the rules, never null
   */
  public NormalizationRules rules() {
    return rules;
  }

  /**
   * The checks in order (the final UNUSABLE_VALUE step is not listed).
   *
   * @return the checks, never null
   */
  public List<ValidationCheck> checks() {
    return checks;
  }

  /**
   * Lays raw readings on a grid by this chain's rules: {@link GridReadings#normalize}.
   *
   * @param meterId the meter id, not null
   * @param readings the readings in arrival order, not null
   * @param window the grid, not null
   * @param zone the zone of the meter's local days, not null
   * @return the readings on the grid, never null
   * @throws ValidationException if the clock tolerance is not less than half the interval length
   */
  public GridReadings normalize(String meterId, List<RawReading> readings, IntervalGrid window, ZoneId zone) {
    return GridReadings.normalize(meterId, readings, window, zone, rules);
  }

  /**
   * Runs the checks in order over readings on a grid.
   *
   * @param readings the readings on the grid, not null
   * @param context what is known about the meter, not null
   * @return the findings (those of laying out the readings first) and the rejected intervals, never null
   * @throws ValidationException if a register read of the context is of another meter or not on an interval boundary
   *     of the window, or the context's history has another interval length
   */
  public ValidationResult validate(GridReadings readings, VeeContext context) {
    Objects.requireNonNull(readings, "readings");
    Objects.requireNonNull(context, "context");
    context.checkAgainst(readings.grid(), readings.meterId());
    ValidationRun run = new ValidationRun(readings, context);
    for (ValidationCheck c : checks) {
      c.apply(run);
    }
    UNUSABLE.apply(run);
    return new ValidationResult(readings, run.rejected, run.out);
  }

  @Override
  public String toString() {
    return "ValidationChain[clock tolerance " + rules.clockTolerance() + ", duplicates " + rules.duplicates() + ", "
        + checks + "]";
  }
}
