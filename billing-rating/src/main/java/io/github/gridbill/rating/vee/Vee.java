package io.github.gridbill.rating.vee;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Validation, estimation and editing of one meter's interval data: lays raw readings on a grid, runs the
 * {@link ValidationChain}, and estimates missing and rejected intervals by the {@link EstimationPlan}, giving a
 * {@link VeeResult} whose series can be rated.
 *
 * <pre>{@code
 * Vee vee = Vee.builder(ZoneId.of("America/Toronto")).calendar(DayCalendar.standard(ontarioHolidays)).build();
 * VeeResult r = vee.run("M-1", readingsFromHeadEnd, IntervalGrid.forPeriod(june, FIFTEEN_MINUTES), context);
 * r.findings();      // what the checks found
 * r.estimations();   // what was estimated, how and from what
 * r.series();        // the series to rate; r.isComplete() says whether it can be
 * }</pre>
 *
 * <p>Nothing here reads a clock: runs are pure functions of their inputs. Instances are immutable and thread-safe.
 */
public final class Vee {
  private final ZoneId zone;
  private final DayCalendar calendar;
  private final ValidationChain chain;
  private final EstimationPlan plan;

  private Vee(ZoneId zone, DayCalendar calendar, ValidationChain chain, EstimationPlan plan) {
    this.zone = zone;
    this.calendar = calendar;
    this.chain = chain;
    this.plan = plan;
  }

  /**
   * A builder: the zone of the meter's local days is required, the rest defaults to
   * {@link DayCalendar#standard()}, {@link ValidationChain#standard()} and {@link EstimationPlan#standard()}.
   *
   * @param zone the zone, not null
   * @return the builder, never null
   */
  public static Builder builder(ZoneId zone) {
    return new Builder(Objects.requireNonNull(zone, "zone"));
  }

  /**
   * The standard chain and plan with Saturday-Sunday weekends and no holidays.
   *
   * @param zone the zone of the meter's local days, not null
   * @return the VEE, never null
   */
  public static Vee standard(ZoneId zone) {
    return builder(zone).build();
  }

  /**
   * The zone of local days.
   *
   * @return the zone, never null
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The calendar of day types and holidays for like days.
   *
   * @return the calendar, never null
   */
  public DayCalendar calendar() {
    return calendar;
  }

  /**
   * The validation chain.
   *
   * @return the chain, never null
   */
  public ValidationChain chain() {
    return chain;
  }

  /**
   * The estimation plan.
   *
   * @return the plan, never null
   */
  public EstimationPlan plan() {
    return plan;
  }

  /**
   * Validates and estimates raw readings over a window.
   *
   * @param meterId the meter id, not null
   * @param readings the readings in arrival order, not null
   * @param window the grid to validate, not null
   * @param context what is known about the meter, not null
   * @return the result, never null
   * @throws ValidationException if the window holds more than {@link IntervalSeries#MAX_INTERVALS} intervals, the
   *     context does not fit the window (a register read of another meter or off an interval boundary, history of
   *     another interval length) or the clock tolerance is not less than half an interval; nothing is returned then
   */
  public VeeResult run(String meterId, List<RawReading> readings, IntervalGrid window, VeeContext context) {
    Objects.requireNonNull(meterId, "meterId");
    Objects.requireNonNull(readings, "readings");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(context, "context");
    if (window.count() > IntervalSeries.MAX_INTERVALS) { // its per-interval arrays would only run out of memory
      throw new ValidationException("window", window, "must hold at most " + IntervalSeries.MAX_INTERVALS
          + " intervals");
    }
    context.checkAgainst(window, meterId);
    GridReadings g = chain.normalize(meterId, readings, window, zone);
    return estimate(chain.validate(g, context), context);
  }

  /**
   * Estimates the intervals a validation left missing or rejected.
   *
   * @param validation the validation, not null
   * @param context what is known about the meter, not null
   * @return the result, never null
   * @throws ValidationException if the context does not fit the window
   */
  public VeeResult estimate(ValidationResult validation, VeeContext context) {
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(context, "context");
    GridReadings g = validation.readings();
    context.checkAgainst(g.grid(), g.meterId());
    EstimationRun r = new EstimationRun(validation, context, calendar);
    for (EstimationStep s : plan.steps()) {
      s.apply(r);
    }
    List<Finding> findings = new ArrayList<>(validation.findings());
    findings.addAll(r.out);
    int i = 0;
    while (i < r.n) {
      if (!r.missing(i)) {
        i++;
        continue;
      }
      int j = i;
      while (j < r.n && r.missing(j)) {
        j++;
      }
      findings.add(Finding.builder().check(CheckId.NOT_ESTIMATED).severity(Severity.WARNING)
          .range(GridReadings.range(r.grid, i, j))
          .message((j - i) + (j - i == 1 ? " interval" : " intervals") + " from " + r.grid.intervalStart(i)
              + " could not be estimated by " + plan.steps() + ": still MISSING")
          .build());
      i = j;
    }
    List<EstimationRecord> records = new ArrayList<>();
    i = 0;
    while (i < r.n) {
      if (r.q[i] == EstimationRun.ACTUAL || r.q[i] == EstimationRun.MISSING) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < r.n && r.q[j] == r.q[i] && r.m[j] == r.m[i] && Objects.equals(r.basis[j], r.basis[i])) {
        j++;
      }
      records.add(EstimationRecord.of(GridReadings.range(r.grid, i, j), ReadingQuality.ofCode(r.q[i]),
          EstimationMethod.ofCode(r.m[i]), Objects.requireNonNull(r.basis[i], "basis")));
      i = j;
    }
    IntervalSeries.Builder b = IntervalSeries.builder(g.meterId(), g.grid()).imports(r.imp);
    if (g.hasExport() || context.hasGeneration()) {
      b.exports(r.exp);
    }
    boolean allActual = true;
    for (byte x : r.q) {
      if (x != EstimationRun.ACTUAL) {
        allActual = false;
        break;
      }
    }
    if (!allActual) {
      b.quality(r.q).methods(r.m);
    }
    return new VeeResult(validation, b.build(), findings, records);
  }

  @Override
  public String toString() {
    return "Vee[" + zone + ", " + chain + ", " + plan + "]";
  }

  /** Builds a {@link Vee}; not thread-safe. */
  public static final class Builder {
    private final ZoneId zone;
    private DayCalendar calendar = DayCalendar.standard();
    private ValidationChain chain = ValidationChain.standard();
    private EstimationPlan plan = EstimationPlan.standard();

    private Builder(ZoneId zone) {
      this.zone = zone;
    }

    /**
     * The calendar of weekends and holidays for like days.
     *
     * @param calendar the calendar, not null
     * @return this builder
     */
    public Builder calendar(DayCalendar calendar) {
      this.calendar = Objects.requireNonNull(calendar, "calendar");
      return this;
    }

    /**
     * The validation chain.
     *
     * @param chain the chain, not null
     * @return this builder
     */
    public Builder chain(ValidationChain chain) {
      this.chain = Objects.requireNonNull(chain, "chain");
      return this;
    }

    /**
     * The estimation plan.
     *
     * @param plan the plan, not null
     * @return this builder
     */
    public Builder plan(EstimationPlan plan) {
      this.plan = Objects.requireNonNull(plan, "plan");
      return this;
    }

    /**
     * Builds the VEE.
     *
     * @return the VEE, never null
     */
    public Vee build() {
      return new Vee(zone, calendar, chain, plan);
    }
  }
}
