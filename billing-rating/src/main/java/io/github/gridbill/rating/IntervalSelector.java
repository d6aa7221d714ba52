package io.github.gridbill.rating;

import java.util.List;

/** Lists the intervals behind a bill line (computed on demand from the compiled plan, so bills stay small). */
@FunctionalInterface
public interface IntervalSelector {

  /** A selector for lines that no single interval stands behind (fixed charges, taxes). */
  IntervalSelector NONE = List::of;

  /**
   * The intervals behind the line, in time order.
   *
   * @return the ranges, never null
   */
  List<IntervalRange> ranges();
}
