package io.github.gridbill.reconcile.cash;

import java.util.Arrays;

/**
 * The bounded subset-sum search of the combination rule: among subsets of 1 to {@code maxItems} amounts whose sum is
 * within {@code tolerance} of the target, find the best (smallest difference, then fewest items) and say whether it is
 * unique.
 *
 * <p>Depth-first over the amounts sorted largest first, with three prunings that never drop a subset that could be
 * best: a partial sum above target + tolerance stops that branch (amounts are positive); when even the largest
 * remaining amounts that still fit in the size bound cannot reach target − tolerance, the loop stops; and once an
 * exact subset of size s is known, no subset larger than s is explored. Each visited subset counts one step; past
 * {@code stepLimit} steps the search gives up ({@link Kind#LIMIT}). Allocation: a few arrays of the pool's size per
 * search. Internal; the tests compare it with a brute-force enumeration.
 */
final class SubsetSum {
  private SubsetSum() {}

  enum Kind {
    /** No subset fits. */
    NONE,
    /** Exactly one best subset. */
    UNIQUE,
    /** Two or more subsets tie for best. */
    AMBIGUOUS,
    /** The step limit was reached before the search finished. */
    LIMIT
  }

  /** The outcome: the kind, the best subset (and the first tie), as ascending positions in the input. */
  static final class Result {
    final Kind kind;
    final int[] best;
    final int[] tie;
    final long difference;

    Result(Kind kind, int[] best, int[] tie, long difference) {
      this.kind = kind;
      this.best = best;
      this.tie = tie;
      this.difference = difference;
    }
  }

  static Result search(long[] amounts, long target, long tolerance, int maxItems, long stepLimit) {
    return new Search(amounts, target, tolerance, maxItems, stepLimit).run();
  }

  private static final class Search {
    final long[] a;
    final int[] order;
    final long[] prefix;
    final long lo;
    final long hi;
    final long target;
    final int maxItems;
    final long stepLimit;
    final int[] chosen;
    long steps;
    boolean aborted;
    long bestD = Long.MAX_VALUE;
    int bestSize = Integer.MAX_VALUE;
    int bestCount;
    int[] best = new int[0];
    int[] tie = new int[0];

    Search(long[] amounts, long target, long tolerance, int maxItems, long stepLimit) {
      int n = amounts.length;
      Integer[] idx = new Integer[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, (x, y) -> amounts[x] != amounts[y] ? Long.compare(amounts[y], amounts[x])
          : Integer.compare(x, y));
      order = new int[n];
      a = new long[n];
      prefix = new long[n + 1];
      for (int i = 0; i < n; i++) {
        order[i] = idx[i];
        a[i] = amounts[idx[i]];
        prefix[i + 1] = prefix[i] + a[i];
      }
      this.target = target;
      this.lo = target - tolerance;
      this.hi = target + tolerance;
      this.maxItems = maxItems;
      this.stepLimit = stepLimit;
      this.chosen = new int[maxItems];
    }

    Result run() {
      dfs(0, 0, 0);
      if (aborted) {
        return new Result(Kind.LIMIT, best, tie, bestD);
      }
      if (bestCount == 0) {
        return new Result(Kind.NONE, best, tie, 0);
      }
      return new Result(bestCount == 1 ? Kind.UNIQUE : Kind.AMBIGUOUS, best, tie, bestD);
    }

    private void dfs(int start, long sum, int depth) {
      int room = maxItems - depth;
      for (int j = start; j < a.length; j++) {
        if (++steps > stepLimit) {
          aborted = true;
          return;
        }
        long s = sum + a[j];
        if (sum + prefix[Math.min(a.length, j + room)] - prefix[j] < lo) {
          return; // even the largest amounts left that fit the size bound cannot reach the target
        }
        if (s > hi) {
          continue; // too much; a smaller amount further on may fit
        }
        chosen[depth] = j;
        long d = Math.abs(s - target);
        if (s >= lo) {
          record(depth + 1, d);
        }
        if (depth + 1 < maxItems && !(bestD == 0 && depth + 1 >= bestSize)) {
          dfs(j + 1, s, depth + 1);
          if (aborted) {
            return;
          }
        }
      }
    }

    private void record(int size, long d) {
      if (d < bestD || (d == bestD && size < bestSize)) {
        bestD = d;
        bestSize = size;
        bestCount = 1;
        best = positions(size);
        tie = new int[0];
      } else if (d == bestD && size == bestSize) {
        bestCount++;
        if (bestCount == 2) {
          tie = positions(size);
        }
      }
    }

    private int[] positions(int size) {
      int[] p = new int[size];
      for (int k = 0; k < size; k++) {
        p[k] = order[chosen[k]];
      }
      Arrays.sort(p);
      return p;
    }
  }
}
