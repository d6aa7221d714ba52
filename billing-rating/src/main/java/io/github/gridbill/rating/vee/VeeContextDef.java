package io.github.gridbill.rating.vee;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
import io.github.gridbill.rating.RegisterRead;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What VEE knows about one meter besides its readings: whether it has generation, its register reads and multiplier
 * (for the sum check and register scaling), its history (for like days and usage against history), when it was
 * de-energised, and which days were demand-response event days.
 *
 * <pre>{@code
 * VeeContext ctx = VeeContext.builder()
 *     .registerStart(RegisterRead.of("M-1", june1, 10_250)).registerEnd(RegisterRead.of("M-1", july1, 10_862))
 *     .multiplier(BigDecimal.ONE)
 *     .history(may)                                   // validated data before the window, for like days
 *     .historicalDailyUse(VeeContext.averageDailyUse(juneLastYear))
 *     .addDeenergized(TimeSpan.of(disconnectedAt, reconnectedAt))
 *     .addEventDay(LocalDate.of(2024, 6, 18))
 *     .build();
 * }</pre>
 *
 * <p>Everything is optional: {@link #empty()} runs the checks and methods that need nothing more. Instances are
 * immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class VeeContextDef {

  /** The default number of whole-kWh digits on a register: 6 (roll-over at 1,000,000 kWh). */
  public static final int DEFAULT_REGISTER_DIGITS = 6;

  /**
   * Whether the meter's site has generation; export on a meter without generation is reverse flow.
   *
   * @return true if it has generation, false by default
   */
  @Value.Default
  public boolean hasGeneration() {
    return false;
  }

  /**
   * The register read at the start of the span to check (an interval start of the window).
   *
   * @return the read, or empty (no sum check and no register scaling)
   */
  public abstract Optional<RegisterRead> registerStart();

  /**
   * The register read at the end of the span to check (an interval start of the window, or its end).
   *
   * @return the read, or empty
   */
  public abstract Optional<RegisterRead> registerEnd();

  /**
   * The number of whole-kWh digits on the register, for roll-over.
   *
   * @return the digits, {@link #DEFAULT_REGISTER_DIGITS} by default
   */
  @Value.Default
  public int registerDigits() {
    return DEFAULT_REGISTER_DIGITS;
  }

  /**
   * The meter (CT/PT) multiplier applied to the register difference (Oracle's "Multiplier Check" concern).
   *
   * @return the multiplier, 1 by default
   */
  @Value.Default
  public BigDecimal multiplier() {
    return BigDecimal.ONE;
  }

  /**
   * Validated data of the meter before the window, same interval length: the source of like days (and of the left
   * neighbour of a gap at the window's start). Its qualities count: a day with any non-actual interval is not a like
   * day.
   *
   * @return the history, or empty
   */
  public abstract Optional<IntervalSeries> history();

  /**
   * The average daily use of the same period last cycle, for the usage-against-history check; see
   * {@link #averageDailyUse(IntervalSeries)}.
   *
   * @return the energy per day, or empty (the check then reports nothing)
   */
  public abstract Optional<Energy> historicalDailyUse();

  /**
   * Spans in which the meter was de-energised (disconnected): zero there is expected, is not a zero run, and is what
   * {@link EstimationStep#zeroWhenDeenergized()} fills.
   *
   * @return the spans, possibly empty
   */
  public abstract List<TimeSpan> deenergized();

  /**
   * Local days of demand-response events (or other abnormal days) that must not serve as like days.
   *
   * @return the days, possibly empty
   */
  public abstract Set<LocalDate> eventDays();

  /**
   * A context with nothing known.
   *
   * @return the empty context, never null
   */
  public static VeeContext empty() {
    return VeeContext.builder().build();
  }

  /**
   * The average daily use of a series: its imported energy over its non-missing intervals, per 24 hours of those
   * intervals, rounded half-up to mWh. 30 days of 15-minute data summing 600 kWh is 20 kWh per day.
   *
   * @param series the series, for example the same period last cycle, not null
   * @return the energy per day, never null
   * @throws ValidationException if every interval of the series is missing
   */
  public static Energy averageDailyUse(IntervalSeries series) {
    Objects.requireNonNull(series, "series");
    long sum = 0;
    int count = 0;
    for (int i = 0; i < series.size(); i++) {
      if (series.quality(i) != ReadingQuality.MISSING) {
        sum += series.importAt(i);
        count++;
      }
    }
    if (count == 0) {
      throw new ValidationException("series", series, "must have at least one interval that is not missing");
    }
    return Energy.ofMilliwattHours(BigDecimal.valueOf(sum).multiply(BigDecimal.valueOf(86_400L))
        .divide(BigDecimal.valueOf((long) count * series.grid().length().seconds()), 0, RoundingMode.HALF_UP)
        .longValueExact());
  }

  /**
   * The energy between the two register reads: {@code (end − start) × multiplier}, with roll-over past
   * {@link #registerDigits()} digits ({@link RegisterRead#consumption}).
   *
   * @return the register difference, or empty without register reads
   */
  public Optional<Energy> registerDifference() {
    Optional<RegisterRead> s = registerStart();
    Optional<RegisterRead> e = registerEnd();
    if (s.isEmpty() || e.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(RegisterRead.consumption(s.get(), e.get(), registerDigits(), multiplier()));
  }

  /** The grid index of an instant that must be an interval boundary of the grid (its end included), or -1. */
  static int boundaryIndex(IntervalGrid grid, Instant t) {
    if (t.equals(grid.end())) {
      return grid.count();
    }
    int i = grid.indexOf(t);
    return i >= 0 && grid.intervalStart(i).equals(t) ? i : -1;
  }

  /**
   * Checks the context against the window it is used with.
   *
   * @param grid the window, not null
   * @param meterId the meter validated, not null
   * @throws ValidationException if a register read is of another meter or is not on an interval boundary of the
   *     window, or the history has another interval length
   */
  void checkAgainst(IntervalGrid grid, String meterId) {
    for (String f : new String[] {"registerStart", "registerEnd"}) {
      Optional<RegisterRead> r = f.equals("registerStart") ? registerStart() : registerEnd();
      if (r.isPresent()) {
        if (!r.get().meterId().equals(meterId)) {
          throw new ValidationException(f + ".meterId", r.get().meterId(), "must be the meter validated, " + meterId);
        }
        if (boundaryIndex(grid, r.get().readAt()) < 0) {
          throw new ValidationException(f + ".readAt", r.get().readAt(),
              "must be an interval boundary of the window " + grid);
        }
      }
    }
    Optional<IntervalSeries> h = history();
    if (h.isPresent() && h.get().grid().length() != grid.length()) {
      throw new ValidationException("history.intervalLength", h.get().grid().length().minutes() + " minutes",
          "must equal the window's interval length of " + grid.length().minutes() + " minutes");
    }
  }

  @Value.Check
  void check() {
    if (registerStart().isPresent() != registerEnd().isPresent()) {
      throw new ValidationException(registerStart().isPresent() ? "registerEnd" : "registerStart", null,
          "must be given together with " + (registerStart().isPresent() ? "registerStart" : "registerEnd"));
    }
    if (registerDigits() < 1 || registerDigits() > 12) {
      throw new ValidationException("registerDigits", registerDigits(), "must be 1 to 12");
    }
    if (multiplier().signum() <= 0) {
      throw new ValidationException("multiplier", multiplier().toPlainString(), "must be positive");
    }
    if (historicalDailyUse().isPresent() && historicalDailyUse().get().isNegative()) {
      throw new ValidationException("historicalDailyUse", historicalDailyUse().get(), "must not be negative");
    }
    registerDifference(); // the reads must be of one meter, in order, and fit the register
  }
}
