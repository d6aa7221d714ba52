package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * The buckets of an aging report: a basis and the inclusive upper bounds of every bucket but the last.
 *
 * <p>The default, {@link #standard()}, ages by due date with bounds 0, 30, 60, 90: buckets {@code Current} (not past
 * due), {@code 1-30}, {@code 31-60}, {@code 61-90} and {@code 90+} (91 days or more). An item {@code d} days old falls
 * in the first bucket whose bound is at least {@code d}, else in the last. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class AgingPolicyDef {

  /**
   * What age is counted from.
   *
   * @return the basis
   */
  @Value.Parameter
  public abstract AgingBasis basis();

  /**
   * The inclusive upper bounds in days of every bucket but the last, strictly increasing, the first 0 or more.
   *
   * @return the bounds, at least one
   */
  @Value.Parameter
  public abstract List<Integer> bounds();

  /**
   * By due date: Current, 1-30, 31-60, 61-90, 90+.
   *
   * @return the standard policy, never null
   */
  public static AgingPolicy standard() {
    return AgingPolicy.of(AgingBasis.DUE_DATE, List.of(0, 30, 60, 90));
  }

  /**
   * The bucket labels: {@code Current, 1-30, 31-60, 61-90, 90+} for the standard policy. The first bucket is
   * {@code Current} for the due-date basis with a first bound of 0, otherwise {@code 0-<bound>} (items not yet due
   * count in it too).
   *
   * @return one label per bucket, never null
   */
  @Value.Lazy
  public List<String> labels() {
    List<String> labels = new ArrayList<>();
    List<Integer> b = bounds();
    labels.add(b.get(0) == 0 && basis() == AgingBasis.DUE_DATE ? "Current" : "0-" + b.get(0));
    for (int i = 1; i < b.size(); i++) {
      labels.add((b.get(i - 1) + 1) + "-" + b.get(i));
    }
    labels.add(b.get(b.size() - 1) + "+");
    return List.copyOf(labels);
  }

  /**
   * The bucket of an age in days.
   *
   * @param days the age (negative when not yet due)
   * @return the bucket index, 0 to {@code bounds().size()}
   */
  public int bucketOf(long days) {
    List<Integer> b = bounds();
    for (int i = 0; i < b.size(); i++) {
      if (days <= b.get(i)) {
        return i;
      }
    }
    return b.size();
  }

  @Value.Check
  void check() {
    if (bounds().isEmpty()) {
      throw new ValidationException("bounds", bounds(), "must not be empty");
    }
    if (bounds().get(0) < 0) {
      throw new ValidationException("bounds[0]", bounds().get(0), "must not be negative");
    }
    for (int i = 1; i < bounds().size(); i++) {
      if (bounds().get(i) <= bounds().get(i - 1)) {
        throw new ValidationException("bounds[" + i + "]", bounds().get(i), "must be more than " + bounds().get(i - 1));
      }
    }
  }
}
