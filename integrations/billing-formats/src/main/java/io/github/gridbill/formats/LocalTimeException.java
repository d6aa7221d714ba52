package io.github.gridbill.formats;

import io.github.gridbill.core.DataFormatException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A local timestamp is ambiguous or does not exist at a DST change, and the mapping states no rule for it.
 *
 * <p>Example message: {@code "usage.csv at line 7: timestamp is ambiguous in America/New_York (it occurs at -04:00 and
 * -05:00); declare an AmbiguousTimeRule: 2024-11-03T01:30"}.
 */
public class LocalTimeException extends DataFormatException {
  private static final long serialVersionUID = 1L;

  /** Which DST problem the timestamp has. */
  public enum Problem {
    /** The local time occurs twice (DST ends). */
    AMBIGUOUS,
    /** The local time is skipped (DST starts). */
    NONEXISTENT
  }

  private final Problem problem;
  private final LocalDateTime localDateTime;
  private final String zone;

  /**
   * Creates the error.
   *
   * @param source the file name, not null
   * @param location the line, for example {@code "line 7"}, not null
   * @param field the column, not null
   * @param localDateTime the timestamp as read, not null
   * @param zone the zone, not null
   * @param problem the problem, not null
   * @param reason the rule broken, not null
   */
  public LocalTimeException(String source, String location, String field, LocalDateTime localDateTime, ZoneId zone,
      Problem problem, String reason) {
    super(source, location, field, localDateTime, reason);
    this.problem = Objects.requireNonNull(problem, "problem");
    this.localDateTime = localDateTime;
    this.zone = zone.getId();
  }

  /**
   * Whether the timestamp is ambiguous or nonexistent.
   *
   * @return the problem, never null
   */
  public Problem problem() {
    return problem;
  }

  /**
   * The timestamp as read, for example 2024-11-03T01:30.
   *
   * @return the local date-time, never null
   */
  public LocalDateTime localDateTime() {
    return localDateTime;
  }

  /**
   * The zone id the timestamp was read in, for example {@code "America/New_York"}.
   *
   * @return the zone id, never null
   */
  public String zone() {
    return zone;
  }
}
