package io.github.gridbill.core.time;

import io.github.gridbill.core.ValidationException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A billing period: the half-open range of local dates {@code [startInclusive, endExclusive)} in a time zone.
 *
 * <p>The period starts at local midnight of its first day and ends at local midnight of {@code endExclusive}, so it
 * lasts exactly as many hours as its days really have: March 2024 in {@code America/New_York} is 743 hours, not 744.
 * {@code BillingPeriod.of(2024-03-01, 2024-04-01, America/New_York)} has 31 days.
 *
 * <p>This class is immutable and thread-safe; treat it as a value type and do not rely on identity.
 */
public final class BillingPeriod implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LocalDate startInclusive;
  private final LocalDate endExclusive;
  private final ZoneId zone;

  private BillingPeriod(LocalDate startInclusive, LocalDate endExclusive, ZoneId zone) {
    this.startInclusive = startInclusive;
    this.endExclusive = endExclusive;
    this.zone = zone;
  }

  /**
   * A period from a first day up to, not including, an end day.
   *
   * @param startInclusive the first day, not null
   * @param endExclusive the day after the last day, not null, after the start
   * @param zone the zone in which days begin and end, not null
   * @return the period, never null
   * @throws ValidationException if the end is not after the start
   */
  public static BillingPeriod of(LocalDate startInclusive, LocalDate endExclusive, ZoneId zone) {
    Objects.requireNonNull(startInclusive, "startInclusive");
    Objects.requireNonNull(endExclusive, "endExclusive");
    Objects.requireNonNull(zone, "zone");
    if (!endExclusive.isAfter(startInclusive)) {
      throw new ValidationException(
          "endExclusive", endExclusive, "must be after startInclusive " + startInclusive);
    }
    return new BillingPeriod(startInclusive, endExclusive, zone);
  }

  /**
   * A period from a first day to a last day, both included.
   *
   * @param startInclusive the first day, not null
   * @param endInclusive the last day, not null, not before the start
   * @param zone the zone, not null
   * @return the period, never null
   * @throws ValidationException if the end is before the start
   */
  public static BillingPeriod ofClosed(LocalDate startInclusive, LocalDate endInclusive, ZoneId zone) {
    Objects.requireNonNull(startInclusive, "startInclusive");
    Objects.requireNonNull(endInclusive, "endInclusive");
    if (endInclusive.isBefore(startInclusive)) {
      throw new ValidationException(
          "endInclusive", endInclusive, "must not be before startInclusive " + startInclusive);
    }
    return of(startInclusive, endInclusive.plusDays(1), zone);
  }

  /**
   * The calendar month as a period: {@code ofMonth(2024-02, UTC)} is {@code [2024-02-01, 2024-03-01)}.
   *
   * @param month the month, not null
   * @param zone the zone, not null
   * @return the period, never null
   */
  public static BillingPeriod ofMonth(YearMonth month, ZoneId zone) {
    Objects.requireNonNull(month, "month");
    return of(month.atDay(1), month.plusMonths(1).atDay(1), zone);
  }

  /**
   * The first day of the period.
   *
   * @return the start date, never null
   */
  public LocalDate startInclusive() {
    return startInclusive;
  }

  /**
   * The day after the last day of the period.
   *
   * @return the end date, never null
   */
  public LocalDate endExclusive() {
    return endExclusive;
  }

  /**
   * The zone in which the period's days begin and end.
   *
   * @return the zone, never null
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The number of days in the period: {@code [2024-02-01, 2024-03-01)} has 29.
   *
   * @return the day count, at least 1
   */
  public int days() {
    return (int) ChronoUnit.DAYS.between(startInclusive, endExclusive);
  }

  /**
   * The instant the period starts: local midnight of the first day (or the first valid local time after a gap).
   *
   * @return the start instant, never null
   */
  public Instant startInstant() {
    return startInclusive.atStartOfDay(zone).toInstant();
  }

  /**
   * The instant the period ends (exclusive): local midnight of {@code endExclusive}.
   *
   * @return the end instant, never null
   */
  public Instant endInstant() {
    return endExclusive.atStartOfDay(zone).toInstant();
  }

  /**
   * Whether a day falls inside the period.
   *
   * @param date the day, not null
   * @return true if {@code startInclusive <= date < endExclusive}
   */
  public boolean contains(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return !date.isBefore(startInclusive) && date.isBefore(endExclusive);
  }

  /**
   * Whether an instant falls inside the period.
   *
   * @param instant the instant, not null
   * @return true if {@code startInstant() <= instant < endInstant()}
   */
  public boolean contains(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return !instant.isBefore(startInstant()) && instant.isBefore(endInstant());
  }

  /**
   * The part of this period that overlaps another, if any.
   *
   * @param other the other period, not null, same zone
   * @return the overlap, or empty if the periods share no day
   * @throws ValidationException if the zones differ
   */
  public Optional<BillingPeriod> intersection(BillingPeriod other) {
    Objects.requireNonNull(other, "other");
    if (!other.zone.equals(zone)) {
      throw new ValidationException("other.zone", other.zone, "must be " + zone);
    }
    LocalDate s = startInclusive.isAfter(other.startInclusive) ? startInclusive : other.startInclusive;
    LocalDate e = endExclusive.isBefore(other.endExclusive) ? endExclusive : other.endExclusive;
    return e.isAfter(s) ? Optional.of(new BillingPeriod(s, e, zone)) : Optional.empty();
  }

  /**
   * Splits the period at the given days (each strictly inside it), in order: splitting {@code [03-01, 04-01)} at
   * {@code 03-15} gives {@code [03-01, 03-15)} and {@code [03-15, 04-01)}. Days outside the period are ignored.
   *
   * @param at the days at which a new sub-period starts, not null
   * @return the sub-periods in order, never empty
   */
  public List<BillingPeriod> splitAt(List<LocalDate> at) {
    Objects.requireNonNull(at, "at");
    List<LocalDate> cuts = new ArrayList<>();
    for (LocalDate d : at) {
      if (d.isAfter(startInclusive) && d.isBefore(endExclusive) && !cuts.contains(d)) {
        cuts.add(d);
      }
    }
    cuts.sort(null);
    List<BillingPeriod> out = new ArrayList<>();
    LocalDate s = startInclusive;
    for (LocalDate c : cuts) {
      out.add(new BillingPeriod(s, c, zone));
      s = c;
    }
    out.add(new BillingPeriod(s, endExclusive, zone));
    return List.copyOf(out);
  }

  @Override
  public boolean equals(@Nullable Object obj) {
    if (!(obj instanceof BillingPeriod p)) {
      return false;
    }
    return startInclusive.equals(p.startInclusive) && endExclusive.equals(p.endExclusive) && zone.equals(p.zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(startInclusive, endExclusive, zone);
  }

  /**
   * The period as {@code "[2024-03-01, 2024-04-01) America/New_York"}.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    return "[" + startInclusive + ", " + endExclusive + ") " + zone;
  }
}
