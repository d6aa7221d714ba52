package io.github.gridbill.rating.vee;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Estimation steps in a declared order of preference: each step fills what it can of the intervals still missing or
 * rejected, and leaves the rest to the next.
 *
 * <p>{@link #standard()} is: zero for a de-energised meter (a known fact, so it goes before any guess), linear
 * interpolation up to 1 hour, like-day substitution back 4 weeks, the average of 3 like days within 28 days, then
 * register scaling of all of those estimates. A custom plan: {@code EstimationPlan.of(List.of(
 * EstimationStep.linearInterpolation(Duration.ofHours(3)), EstimationStep.averageOfLikeDays(5, 35)))}. Register
 * scaling only makes sense last. Instances are immutable and thread-safe.
 */
public final class EstimationPlan {
  private final List<EstimationStep> steps;

  private EstimationPlan(List<EstimationStep> steps) {
    this.steps = steps;
  }

  /**
   * The standard plan.
   *
   * @return the plan, never null
   */
  public static EstimationPlan standard() {
    return of(List.of(EstimationStep.zeroWhenDeenergized(), EstimationStep.linearInterpolation(),
        EstimationStep.likeDay(), EstimationStep.averageOfLikeDays(), EstimationStep.registerScaling()));
  }

  /**
   * A plan of steps in order of preference.
   *
   * @param steps the steps, not null, may be empty (nothing is estimated)
   * @return the plan, never null
   */
  public static EstimationPlan of(List<EstimationStep> steps) {
    Objects.requireNonNull(steps, "steps");
    List<EstimationStep> s = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      s.add(Objects.requireNonNull(steps.get(i), "steps[" + i + "]"));
    }
    return new EstimationPlan(List.copyOf(s));
  }

  /**
   * The steps in order of preference.
   *
   * @return the steps, never null
   */
  public List<EstimationStep> steps() {
    return steps;
  }

  @Override
  public String toString() {
    return "EstimationPlan" + steps;
  }
}
