package io.github.gridbill.rating.internal;

import io.github.gridbill.rating.RatingPlan;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Not API: compiles a {@link LiveKernel} for a plan. The rating package registers the compiler when
 * {@link RatingPlan} is initialised, so any caller that holds a plan can compile its kernel.
 */
public final class LiveKernels {
  private static volatile @Nullable Function<RatingPlan, LiveKernel> compiler;

  private LiveKernels() {}

  /**
   * Registers the compiler; called once, by the rating package.
   *
   * @param c the compiler, not null
   * @throws IllegalStateException if a compiler is already registered
   */
  public static synchronized void register(Function<RatingPlan, LiveKernel> c) {
    Objects.requireNonNull(c, "c");
    if (compiler != null) {
      throw new IllegalStateException("a live kernel compiler is already registered");
    }
    compiler = c;
  }

  /**
   * Compiles the kernel of a plan.
   *
   * @param plan the plan, not null
   * @return the kernel, never null
   */
  public static LiveKernel compile(RatingPlan plan) {
    Objects.requireNonNull(plan, "plan");
    Function<RatingPlan, LiveKernel> c = compiler;
    if (c == null) {
      throw new IllegalStateException("no live kernel compiler: io.github.gridbill.rating.RatingPlan not initialised");
    }
    return c.apply(plan);
  }
}
