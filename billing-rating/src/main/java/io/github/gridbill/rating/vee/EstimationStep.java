package io.github.gridbill.rating.vee;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One estimation method of an {@link EstimationPlan}, applied to the intervals still missing (or rejected) when its
 * turn comes. A step never changes an actual interval; each interval it fills carries a
 * {@link ReadingQuality} and the {@link EstimationMethod} that made it (AEMO method flags: {@link AemoFlags}).
 *
 * <p>{@code EstimationStep.linearInterpolation(Duration.ofHours(2))}. The set of steps is closed; instances are
 * immutable and thread-safe.
 */
public abstract class EstimationStep {

  /** The default longest gap linear interpolation fills: 1 hour. */
  public static final Duration DEFAULT_MAX_GAP = Duration.ofHours(1);
  /** The default number of weeks like-day substitution looks back: 4. */
  public static final int DEFAULT_LIKE_DAY_WEEKS = 4;
  /** The default number of like days averaged: 3 (Itron's Historical estimation uses the three nearest). */
  public static final int DEFAULT_AVERAGE_DAYS = 3;
  /** The default number of days searched back for like days to average: 28. */
  public static final int DEFAULT_AVERAGE_SEARCH_DAYS = 28;

  EstimationStep() {}

  /**
   * The method this step records on the intervals it fills.
   *
   * @return the method, never null
   */
  public abstract EstimationMethod method();

  abstract void apply(EstimationRun r);

  /**
   * The step and its configuration, for example {@code "linear-interpolation(up to PT1H)"}.
   *
   * @return the description, never null
   */
  @Override
  public abstract String toString();

  /**
   * Linear interpolation across gaps up to {@link #DEFAULT_MAX_GAP}: {@link #linearInterpolation(Duration)}.
   *
   * @return the step, never null
   */
  public static EstimationStep linearInterpolation() {
    return linearInterpolation(DEFAULT_MAX_GAP);
  }

  /**
   * Linear interpolation (Itron "Linear Interpolation", AEMO method 17): a run of missing intervals lasting at most
   * {@code maxGap}, with a known interval on both sides (the history's last interval counts on the left at the window's
   * start), is filled on the straight line between them; each value is the line's value rounded half-up to mWh, as
   * {@link io.github.gridbill.rating.GapFill#linear(Duration)} does. Between 0.400 and 0.800 kWh, a 3-interval gap gets
   * 0.500, 0.600 and 0.700 kWh. Quality ESTIMATED, method LINEAR_INTERPOLATION.
   *
   * @param maxGap the longest gap filled, positive, not null
   * @return the step, never null
   * @throws ValidationException if maxGap is not positive
   */
  public static EstimationStep linearInterpolation(Duration maxGap) {
    Objects.requireNonNull(maxGap, "maxGap");
    if (maxGap.isNegative() || maxGap.isZero()) {
      throw new ValidationException("maxGap", maxGap, "must be positive");
    }
    return new Linear(maxGap);
  }

  /**
   * Like-day substitution back {@link #DEFAULT_LIKE_DAY_WEEKS} weeks: {@link #likeDay(int)}.
   *
   * @return the step, never null
   */
  public static EstimationStep likeDay() {
    return likeDay(DEFAULT_LIKE_DAY_WEEKS);
  }

  /**
   * Like-day substitution (AEMO method 14, "like day"): the missing intervals of a local day are copied from the same
   * local times of the most recent eligible like day 1, 2, … {@code weeksBack} weeks earlier (the same weekday, so
   * the same day type; a holiday is matched like a weekend day). A day is eligible when it is not a holiday, not an
   * event day ({@link VeeContext#eventDays()}) and every one of its intervals is actual (read and not rejected in the
   * window, ACTUAL in {@link VeeContext#history()}) without a power outage: already-estimated days are skipped, as
   * Itron's like-day rules skip days with estimated, missing or outage intervals. Quality SUBSTITUTED (the values are
   * another day's actual readings), method LIKE_DAY.
   *
   * @param weeksBack how many weeks to look back, 1 to 52
   * @return the step, never null
   * @throws ValidationException if weeksBack is out of range
   */
  public static EstimationStep likeDay(int weeksBack) {
    if (weeksBack < 1 || weeksBack > 52) {
      throw new ValidationException("weeksBack", weeksBack, "must be 1 to 52");
    }
    return new LikeDay(weeksBack);
  }

  /**
   * The average of {@link #DEFAULT_AVERAGE_DAYS} like days within {@link #DEFAULT_AVERAGE_SEARCH_DAYS} days:
   * {@link #averageOfLikeDays(int, int)}.
   *
   * @return the step, never null
   */
  public static EstimationStep averageOfLikeDays() {
    return averageOfLikeDays(DEFAULT_AVERAGE_DAYS, DEFAULT_AVERAGE_SEARCH_DAYS);
  }

  /**
   * The average of like days (Itron "Historical", AEMO method 15 "average like day"): each missing interval of a local
   * day gets the average of the same local time over the {@code days} most recent eligible days of the same day type
   * (a holiday is matched like a weekend day) within {@code searchDays} days before it, rounded half-up to mWh;
   * eligibility as for {@link #likeDay(int)}. A day with fewer eligible like days is left to the next step. Quality
   * ESTIMATED, method AVERAGE_OF_LIKE_DAYS.
   *
   * @param days how many like days to average, 1 to 31
   * @param searchDays how many days back to search, at least days, at most 366
   * @return the step, never null
   * @throws ValidationException if days or searchDays is out of range
   */
  public static EstimationStep averageOfLikeDays(int days, int searchDays) {
    if (days < 1 || days > 31) {
      throw new ValidationException("days", days, "must be 1 to 31");
    }
    if (searchDays < days || searchDays > 366) {
      throw new ValidationException("searchDays", searchDays, "must be " + days + " (days) to 366");
    }
    return new Average(days, searchDays);
  }

  /**
   * Register scaling (Itron scaling of estimates to boundary register reads, AEMO method 24 "data scaling"): when the
   * context has register reads, every interval estimated in this run between them (except zeros of a de-energised
   * meter) is scaled so that the intervals between the reads sum exactly to the register difference
   * ({@link VeeContext#registerDifference()}): proportionally to their estimates, or evenly when the estimates sum to
   * 0, the last mWh given by largest remainder (ties to the earliest interval). Scaled intervals become ESTIMATED with
   * method REGISTER_SCALED and their basis names the factor and the method they were scaled from. Not applied, with a
   * SCALING_NOT_APPLIED finding, while intervals between the reads are still missing, when the actual intervals alone
   * exceed the register difference, or when a scaled value would pass the sane maximum.
   *
   * @return the step, never null
   */
  public static EstimationStep registerScaling() {
    return new Scaling();
  }

  /**
   * Zero for a de-energised meter (AEMO method 19 "zero"): missing intervals starting inside a span of
   * {@link VeeContext#deenergized()} get 0. Quality ESTIMATED, method ZERO_DEENERGISED.
   *
   * @return the step, never null
   */
  public static EstimationStep zeroWhenDeenergized() {
    return new Zero();
  }

  // ------------------------------------------------------------------------------------------------ the steps

  private static String kwh(long mwh) {
    return ValidationCheck.kwh(mwh);
  }

  private static final class Linear extends EstimationStep {
    private final Duration maxGap;

    Linear(Duration maxGap) {
      this.maxGap = maxGap;
    }

    @Override
    public EstimationMethod method() {
      return EstimationMethod.LINEAR_INTERPOLATION;
    }

    @Override
    void apply(EstimationRun r) {
      long maxCount = maxGap.toSeconds() / r.grid.length().seconds();
      int n = r.n;
      int i = 0;
      while (i < n) {
        if (!r.missing(i)) {
          i++;
          continue;
        }
        int j = i;
        while (j < n && r.missing(j)) {
          j++;
        }
        if (j - i <= maxCount && j < n) {
          long a;
          long ax;
          Instant at;
          boolean left = true;
          if (i > 0) {
            a = r.imp[i - 1];
            ax = r.exp[i - 1];
            at = r.grid.intervalStart(i - 1);
          } else {
            at = r.grid.start().minusSeconds(r.grid.length().seconds());
            IntervalSeries h = r.history;
            int k = h == null ? -1 : h.grid().indexOf(at);
            if (h == null || k < 0 || !h.grid().intervalStart(k).equals(at)
                || h.quality(k) == ReadingQuality.MISSING) {
              left = false;
              a = 0;
              ax = 0;
            } else {
              a = h.importAt(k);
              ax = h.exportAt(k);
            }
          }
          if (left) {
            long b = r.imp[j];
            long bx = r.exp[j];
            int steps = j - i + 1;
            String why = "linear between " + kwh(a) + " at " + at + " and " + kwh(b) + " at "
                + r.grid.intervalStart(j);
            for (int k = i; k < j; k++) {
              r.set(k, line(a, b, steps, k - i + 1), line(ax, bx, steps, k - i + 1), ReadingQuality.ESTIMATED,
                  EstimationMethod.LINEAR_INTERPOLATION, why);
            }
          }
        }
        i = j;
      }
    }

    /** The line's value at step k of steps from a to b, rounded half-up (as {@code IntervalReadings} does). */
    private static long line(long a, long b, int steps, int k) {
      long num = a * steps + (b - a) * k;
      return Math.floorDiv(2 * num + steps, 2L * steps);
    }

    @Override
    public String toString() {
      return "linear-interpolation(up to " + maxGap + ")";
    }
  }

  private static final class Zero extends EstimationStep {
    @Override
    public EstimationMethod method() {
      return EstimationMethod.ZERO_DEENERGISED;
    }

    @Override
    void apply(EstimationRun r) {
      if (r.ctx.deenergized().isEmpty()) {
        return;
      }
      byte[] de = ValidationRun.deenergizedMask(r.grid, r.ctx);
      for (int i = 0; i < r.n; i++) {
        if (de[i] != 0 && r.missing(i)) {
          r.set(i, 0, 0, ReadingQuality.ESTIMATED, EstimationMethod.ZERO_DEENERGISED, "meter de-energised");
        }
      }
    }

    @Override
    public String toString() {
      return "zero-when-deenergized";
    }
  }

  private static final class LikeDay extends EstimationStep {
    private final int weeks;

    LikeDay(int weeks) {
      this.weeks = weeks;
    }

    @Override
    public EstimationMethod method() {
      return EstimationMethod.LIKE_DAY;
    }

    @Override
    void apply(EstimationRun r) {
      for (int[] run : r.missingRunsByDay()) {
        LocalDate d = r.day(run[0]);
        for (int k = 1; k <= weeks; k++) {
          LocalDate c = d.minusWeeks(k);
          if (r.likeType(c) != r.likeType(d) || !r.eligible(c)) {
            continue;
          }
          String why = "like day " + c + " (" + c.getDayOfWeek().toString().toLowerCase(Locale.ROOT) + ")";
          for (int i = run[0]; i < run[1]; i++) {
            Instant t = r.sameLocalTime(i, c);
            r.set(i, r.importAt(t), r.exportAt(t), ReadingQuality.SUBSTITUTED, EstimationMethod.LIKE_DAY, why);
          }
          break;
        }
      }
    }

    @Override
    public String toString() {
      return "like-day(" + weeks + " weeks back)";
    }
  }

  private static final class Average extends EstimationStep {
    private final int days;
    private final int searchDays;

    Average(int days, int searchDays) {
      this.days = days;
      this.searchDays = searchDays;
    }

    @Override
    public EstimationMethod method() {
      return EstimationMethod.AVERAGE_OF_LIKE_DAYS;
    }

    @Override
    void apply(EstimationRun r) {
      for (int[] run : r.missingRunsByDay()) {
        LocalDate d = r.day(run[0]);
        List<LocalDate> like = new ArrayList<>(days);
        for (int k = 1; k <= searchDays && like.size() < days; k++) {
          LocalDate c = d.minusDays(k);
          if (r.likeType(c) == r.likeType(d) && r.eligible(c)) {
            like.add(c);
          }
        }
        if (like.size() < days) {
          continue;
        }
        String why = "average of " + days + " like " + (days == 1 ? "day" : "days") + ": " + like;
        for (int i = run[0]; i < run[1]; i++) {
          long si = 0;
          long sx = 0;
          for (LocalDate c : like) {
            Instant t = r.sameLocalTime(i, c);
            si += r.importAt(t);
            sx += r.exportAt(t);
          }
          r.set(i, Math.floorDiv(2 * si + days, 2L * days), Math.floorDiv(2 * sx + days, 2L * days),
              ReadingQuality.ESTIMATED, EstimationMethod.AVERAGE_OF_LIKE_DAYS, why);
        }
      }
    }

    @Override
    public String toString() {
      return "average-of-like-days(" + days + " within " + searchDays + " days)";
    }
  }

  private static final class Scaling extends EstimationStep {
    @Override
    public EstimationMethod method() {
      return EstimationMethod.REGISTER_SCALED;
    }

    @Override
    void apply(EstimationRun r) {
      VeeContext ctx = r.ctx;
      if (ctx.registerDifference().isEmpty()) {
        return;
      }
      long target = ctx.registerDifference().get().milliwattHours();
      int from = VeeContext.boundaryIndex(r.grid, ctx.registerStart().orElseThrow().readAt());
      int to = VeeContext.boundaryIndex(r.grid, ctx.registerEnd().orElseThrow().readAt());
      long actual = 0;
      long estimated = 0;
      int stillMissing = 0;
      List<Integer> est = new ArrayList<>();
      for (int i = from; i < to; i++) {
        if (r.q[i] == EstimationRun.ACTUAL) {
          actual += r.imp[i];
        } else if (r.q[i] == EstimationRun.MISSING) {
          stillMissing++;
        } else if (r.m[i] != EstimationMethod.ZERO_DEENERGISED.code()) {
          est.add(i);
          estimated += r.imp[i];
        } else {
          actual += r.imp[i];
        }
      }
      if (est.isEmpty()) {
        return;
      }
      Finding.Builder f = Finding.builder().check(CheckId.SCALING_NOT_APPLIED).addValue(actual + estimated)
          .addValue(target).range(GridReadings.range(r.grid, from, to));
      if (stillMissing > 0) {
        r.out.add(f.severity(Severity.INFO).message("register scaling not applied: " + stillMissing
            + " intervals between the register reads are still missing").build());
        return;
      }
      long rest = target - actual;
      if (rest < 0) {
        r.out.add(f.severity(Severity.WARNING).message("register scaling not applied: the actual intervals alone ("
            + kwh(actual) + ") exceed the register difference " + kwh(target)).build());
        return;
      }
      if (rest == estimated) {
        return;
      }
      long[] scaled = allocate(rest, est, r.imp, estimated);
      long max = IntervalSeries.DEFAULT_MAX_DEMAND.milliwatts() / r.grid.length().perHour();
      for (long v : scaled) {
        if (v > max) {
          r.out.add(f.severity(Severity.WARNING).message("register scaling not applied: a scaled interval ("
              + v + " mWh) would pass the sane maximum of " + max + " mWh").build());
          return;
        }
      }
      String factor = estimated == 0 ? "spread evenly"
          : "scaled × " + BigDecimal.valueOf(rest).divide(BigDecimal.valueOf(estimated), 6, RoundingMode.HALF_UP)
              .stripTrailingZeros().toPlainString();
      for (int k = 0; k < scaled.length; k++) {
        int i = est.get(k);
        String was = EstimationMethod.ofCode(r.m[i]).name().toLowerCase(Locale.ROOT).replace('_', ' ');
        r.set(i, scaled[k], r.exp[i], ReadingQuality.ESTIMATED, EstimationMethod.REGISTER_SCALED,
            factor + " from " + was + " to meet the register difference " + kwh(target));
      }
    }

    /** Splits {@code total} over the intervals in proportion to their values (evenly when they sum to 0). */
    static long[] allocate(long total, List<Integer> idx, long[] values, long sum) {
      int k = idx.size();
      long[] parts = new long[k];
      BigInteger[] rem = new BigInteger[k];
      BigInteger t = BigInteger.valueOf(total);
      BigInteger s = BigInteger.valueOf(sum == 0 ? k : sum);
      long assigned = 0;
      for (int j = 0; j < k; j++) {
        BigInteger w = BigInteger.valueOf(sum == 0 ? 1 : values[idx.get(j)]);
        BigInteger[] qr = t.multiply(w).divideAndRemainder(s);
        parts[j] = qr[0].longValueExact();
        rem[j] = qr[1];
        assigned += parts[j];
      }
      long left = total - assigned;
      Integer[] order = new Integer[k];
      for (int j = 0; j < k; j++) {
        order[j] = j;
      }
      java.util.Arrays.sort(order, (x, y) -> {
        int c = rem[y].compareTo(rem[x]);
        return c != 0 ? c : Integer.compare(x, y);
      });
      for (int j = 0; j < left; j++) {
        parts[order[j]]++;
      }
      return parts;
    }

    @Override
    public String toString() {
      return "register-scaling";
    }
  }
}
