package io.github.gridbill.rating.vee;

import io.github.gridbill.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One interval reading as it arrives from a head-end system, before VEE: the interval's start and duration as the
 * meter stamped them, the energy imported and exported in milliwatt-hours, and the meter's event flags.
 *
 * <p>Nothing about the values is checked here, because wrong values are what validation is for: a negative import, a
 * start off the grid, a 30-minute reading on a 15-minute channel or a second reading for the same interval are all
 * accepted and become {@link Finding}s when {@link Vee} normalises the readings onto a grid. Only a missing or
 * non-positive duration is refused, since it is not a reading at all.
 *
 * <p>{@code RawReading.of(Instant.parse("2024-06-01T00:15:00Z"), Duration.ofMinutes(15), 512_000)} is 0.512 kWh
 * imported in the quarter-hour from 00:15. This class is immutable and thread-safe; treat it as a value type and do
 * not rely on identity.
 */
public final class RawReading {
  private final Instant start;
  private final Duration duration;
  private final long importMilliwattHours;
  private final long exportMilliwattHours;
  private final int events;

  private RawReading(Instant start, Duration duration, long importMwh, long exportMwh, int events) {
    this.start = start;
    this.duration = duration;
    this.importMilliwattHours = importMwh;
    this.exportMilliwattHours = exportMwh;
    this.events = events;
  }

  /**
   * An import-only reading without event flags.
   *
   * @param start the interval start as stamped by the meter, not null
   * @param duration the interval duration, positive, not null
   * @param importMilliwattHours the imported energy in mWh (may be negative: a finding, not an error)
   * @return the reading, never null
   * @throws ValidationException if the duration is not positive
   */
  public static RawReading of(Instant start, Duration duration, long importMilliwattHours) {
    return of(start, duration, importMilliwattHours, 0, Set.of());
  }

  /**
   * A reading with import, export and event flags.
   *
   * @param start the interval start as stamped by the meter, not null
   * @param duration the interval duration, positive, not null
   * @param importMilliwattHours the imported energy in mWh
   * @param exportMilliwattHours the exported energy in mWh
   * @param events the meter's event flags for the interval, not null
   * @return the reading, never null
   * @throws ValidationException if the duration is not positive
   */
  public static RawReading of(Instant start, Duration duration, long importMilliwattHours, long exportMilliwattHours,
      Set<MeterEvent> events) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(events, "events");
    if (duration.isNegative() || duration.isZero()) {
      throw new ValidationException("duration", duration, "must be positive");
    }
    return new RawReading(start, duration, importMilliwattHours, exportMilliwattHours, MeterEvent.mask(events));
  }

  /**
   * The interval start as the meter stamped it.
   *
   * @return the start, never null
   */
  public Instant start() {
    return start;
  }

  /**
   * The interval duration.
   *
   * @return the duration, positive, never null
   */
  public Duration duration() {
    return duration;
  }

  /**
   * The imported energy in mWh.
   *
   * @return the value, possibly negative
   */
  public long importMilliwattHours() {
    return importMilliwattHours;
  }

  /**
   * The exported energy in mWh.
   *
   * @return the value, possibly negative
   */
  public long exportMilliwattHours() {
    return exportMilliwattHours;
  }

  /**
   * The event flags.
   *
   * @return the events, a new set, never null
   */
  public Set<MeterEvent> events() {
    return MeterEvent.ofMask(events);
  }

  int eventMask() {
    return events;
  }

  /**
   * Whether another reading carries the same values and flags (the start and duration are not compared).
   *
   * @param other the other reading, not null
   * @return true if import, export and events are equal
   */
  public boolean hasSameValues(RawReading other) {
    return importMilliwattHours == other.importMilliwattHours && exportMilliwattHours == other.exportMilliwattHours
        && events == other.events;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RawReading r && start.equals(r.start) && duration.equals(r.duration) && hasSameValues(r);
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, duration, importMilliwattHours, exportMilliwattHours, events);
  }

  @Override
  public String toString() {
    return "RawReading[" + start + " +" + duration + ", import " + importMilliwattHours + " mWh, export "
        + exportMilliwattHours + " mWh" + (events == 0 ? "" : ", " + events()) + "]";
  }
}
