package io.github.gridbill.reconcile.cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The combination search against a brute-force reference: every subset of up to {@code maxItems} of at most 12
 * amounts is enumerated, the best (smallest difference, then fewest items) is found, and the outcome (none, the unique
 * best subset, or ambiguous) must be the same. Small amounts make ties and exact hits frequent.
 */
class SubsetSumProperties {

  /** The reference: all 2^n subsets. */
  static SubsetSum.Result bruteForce(long[] a, long target, long tol, int maxItems) {
    long bestD = Long.MAX_VALUE;
    int bestSize = Integer.MAX_VALUE;
    int count = 0;
    int bestMask = 0;
    for (int mask = 1; mask < (1 << a.length); mask++) {
      int size = Integer.bitCount(mask);
      if (size > maxItems) {
        continue;
      }
      long sum = 0;
      for (int i = 0; i < a.length; i++) {
        if ((mask & (1 << i)) != 0) {
          sum += a[i];
        }
      }
      long d = Math.abs(sum - target);
      if (d > tol) {
        continue;
      }
      if (d < bestD || (d == bestD && size < bestSize)) {
        bestD = d;
        bestSize = size;
        count = 1;
        bestMask = mask;
      } else if (d == bestD && size == bestSize) {
        count++;
      }
    }
    if (count == 0) {
      return new SubsetSum.Result(SubsetSum.Kind.NONE, new int[0], new int[0], 0);
    }
    List<Integer> best = new ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      if ((bestMask & (1 << i)) != 0) {
        best.add(i);
      }
    }
    return new SubsetSum.Result(count == 1 ? SubsetSum.Kind.UNIQUE : SubsetSum.Kind.AMBIGUOUS,
        best.stream().mapToInt(Integer::intValue).toArray(), new int[0], bestD);
  }

  @Provide
  Arbitrary<long[]> pools() {
    return Arbitraries.longs().between(1, 60).array(long[].class).ofMinSize(0).ofMaxSize(12);
  }

  @Property(tries = 800)
  void searchAgreesWithBruteForce(@ForAll("pools") long[] amounts, @ForAll @LongRange(min = 0, max = 300) long target,
      @ForAll @LongRange(min = 0, max = 6) long tolerance, @ForAll @IntRange(min = 1, max = 10) int maxItems) {
    SubsetSum.Result engine = SubsetSum.search(amounts, target, tolerance, maxItems, Long.MAX_VALUE);
    SubsetSum.Result ref = bruteForce(amounts, target, tolerance, maxItems);
    assertThat(engine.kind).as("outcome for %s target %d ±%d max %d", Arrays.toString(amounts), target, tolerance,
        maxItems).isEqualTo(ref.kind);
    if (ref.kind == SubsetSum.Kind.UNIQUE) {
      assertThat(engine.best).isEqualTo(ref.best);
    }
    if (ref.kind != SubsetSum.Kind.NONE) {
      assertThat(engine.difference).isEqualTo(ref.difference);
      long sum = 0;
      for (int i : engine.best) {
        sum += amounts[i];
      }
      assertThat(Math.abs(sum - target)).isLessThanOrEqualTo(tolerance);
      assertThat(engine.best.length).isBetween(1, maxItems);
    }
    if (ref.kind == SubsetSum.Kind.AMBIGUOUS) {
      assertThat(engine.tie).isNotEqualTo(engine.best);
      long tieSum = 0;
      for (int i : engine.tie) {
        tieSum += amounts[i];
      }
      assertThat(Math.abs(tieSum - target)).isEqualTo(engine.difference);
      assertThat(engine.tie.length).isEqualTo(engine.best.length);
    }
  }

  @Test
  void prefersTheSmallestDifferenceThenFewestItems() {
    SubsetSum.Result r = SubsetSum.search(new long[] {50, 30, 20, 49}, 50, 1, 10, Long.MAX_VALUE);
    assertThat(r.kind).isEqualTo(SubsetSum.Kind.UNIQUE);
    assertThat(r.best).containsExactly(0); // {50} beats {30, 20} (same difference, fewer items) and {49}
  }

  @Test
  void equalAmountsAreAmbiguous() {
    SubsetSum.Result r = SubsetSum.search(new long[] {10, 20, 30, 40}, 50, 0, 10, Long.MAX_VALUE);
    assertThat(r.kind).isEqualTo(SubsetSum.Kind.AMBIGUOUS);
    assertThat(r.best).containsExactly(0, 3);
    assertThat(r.tie).containsExactly(1, 2);
  }

  @Test
  void respectsTheSizeBound() {
    assertThat(SubsetSum.search(new long[] {1, 1, 1}, 3, 0, 2, Long.MAX_VALUE).kind).isEqualTo(SubsetSum.Kind.NONE);
  }

  @Test
  void givesUpAtTheStepLimit() {
    long[] many = new long[30];
    Arrays.fill(many, 7);
    assertThat(SubsetSum.search(many, 70, 0, 10, 1000).kind).isEqualTo(SubsetSum.Kind.LIMIT);
  }
}
