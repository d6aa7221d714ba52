package io.github.gridbill.core.time;

import io.github.gridbill.core.ValidationException;
import java.time.Duration;
import java.util.Objects;

/**
 * The lengths of meter intervals GridBill rates: each divides one hour, so demand (energy ÷ length) is exact.
 */
public enum IntervalLength {
  /** One minute. */
  ONE_MINUTE(1),
  /** Five minutes. */
  FIVE_MINUTES(5),
  /** Ten minutes. */
  TEN_MINUTES(10),
  /** Fifteen minutes, the usual AMI interval. */
  FIFTEEN_MINUTES(15),
  /** Thirty minutes, the usual settlement interval in the UK and Australia. */
  THIRTY_MINUTES(30),
  /** One hour. */
  SIXTY_MINUTES(60);

  private final int minutes;

  IntervalLength(int minutes) {
    this.minutes = minutes;
  }

  /**
   * The length for a duration: {@code of(Duration.ofMinutes(15))} is {@link #FIFTEEN_MINUTES}.
   *
   * @param duration the duration, not null
   * @return the interval length, never null
   * @throws ValidationException if the duration is not 1, 5, 10, 15, 30 or 60 minutes
   */
  public static IntervalLength of(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    for (IntervalLength l : values()) {
      if (l.duration().equals(duration)) {
        return l;
      }
    }
    throw new ValidationException("intervalLength", duration, "must be 1, 5, 10, 15, 30 or 60 minutes");
  }

  /**
   * The length in minutes.
   *
   * @return the minutes, 1 to 60
   */
  public int minutes() {
    return minutes;
  }

  /**
   * The length in seconds.
   *
   * @return the seconds
   */
  public int seconds() {
    return minutes * 60;
  }

  /**
   * How many intervals make an hour: 4 for 15 minutes. Demand in mW = interval energy in mWh × this.
   *
   * @return intervals per hour
   */
  public int perHour() {
    return 60 / minutes;
  }

  /**
   * The length as a duration.
   *
   * @return the duration, never null
   */
  public Duration duration() {
    return Duration.ofMinutes(minutes);
  }
}
