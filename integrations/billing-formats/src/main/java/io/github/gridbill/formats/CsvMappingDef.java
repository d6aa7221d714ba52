package io.github.gridbill.formats;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.ReadingQuality;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * How to read a CSV file of interval data: which column names the meter (or one fixed id), where each interval is
 * (a timestamp column, or a fixed grid), which columns hold values with which role and unit, an optional quality
 * column, and how values that are not whole milliwatt-hours are rounded.
 *
 * <pre>{@code
 * CsvMapping m = CsvMapping.builder()
 *     .meterIdColumn("meter")
 *     .timestampColumn("start")                       // ISO instants, 2024-03-10T07:15:00Z
 *     .intervalLength(IntervalLength.FIFTEEN_MINUTES)
 *     .addValue(ValueColumn.of("kWh", ValueRole.IMPORT, ValueUnit.KWH))
 *     .build();
 * }</pre>
 *
 * <p>With {@link #localZone()} the timestamps are local date-times in that zone ({@link #timestampPattern()} or ISO
 * {@code 2024-03-10T02:15}); a local time that is ambiguous or skipped at a DST change is a {@link LocalTimeException}
 * unless {@link #ambiguousTime()} or {@link #nonexistentTime()} states a rule. Roles combine as: IMPORT and/or EXPORT;
 * NET alone; LOAD and/or GENERATION (the meter sees load − generation). Each value is converted to mWh exactly and
 * rounded once with {@link #roundingMode()} (HALF_EVEN by default): the error is at most 0.5 mWh per interval value
 * (at most 1 mWh with UP, DOWN, CEILING or FLOOR). Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class CsvMappingDef {

  /**
   * The column holding the meter id.
   *
   * @return the column name, or empty when {@link #fixedMeterId()} is set
   */
  public abstract Optional<String> meterIdColumn();

  /**
   * The meter id of every row, for a file with one meter and no id column.
   *
   * @return the id, or empty when {@link #meterIdColumn()} is set
   */
  public abstract Optional<String> fixedMeterId();

  /**
   * The column holding each row's timestamp.
   *
   * @return the column name, or empty for a fixed grid ({@link #gridStart()})
   */
  public abstract Optional<String> timestampColumn();

  /**
   * For a file without timestamps: the start of each meter's first row; row {@code k} of a meter is interval {@code k}.
   *
   * @return the grid start, or empty when {@link #timestampColumn()} is set
   */
  public abstract Optional<Instant> gridStart();

  /**
   * The zone of local timestamps; empty means timestamps are ISO instants with an offset or {@code Z}.
   *
   * @return the zone, or empty
   */
  public abstract Optional<ZoneId> localZone();

  /**
   * A {@link java.time.format.DateTimeFormatter} pattern for local timestamps, for example {@code "M/d/yyyy H:mm"};
   * ISO local date-time when empty.
   *
   * @return the pattern, or empty
   */
  public abstract Optional<String> timestampPattern();

  /**
   * Which end of the interval the timestamp names.
   *
   * @return the position, INTERVAL_START by default
   */
  @Value.Default
  public TimestampPosition timestampPosition() {
    return TimestampPosition.INTERVAL_START;
  }

  /**
   * The interval length of every row.
   *
   * @return the length
   */
  public abstract IntervalLength intervalLength();

  /**
   * The value columns.
   *
   * @return the columns, at least one
   */
  public abstract List<ValueColumn> values();

  /**
   * The column holding each row's quality; empty means every row is ACTUAL.
   *
   * @return the column name, or empty
   */
  public abstract Optional<String> qualityColumn();

  /**
   * Quality codes of the file and what they mean, for example {@code "E" -> ESTIMATED}; the ReadingQuality names
   * (any case) and a blank cell (ACTUAL) are always understood.
   *
   * @return the codes
   */
  public abstract Map<String, ReadingQuality> qualityCodes();

  /**
   * How a value that is not a whole number of milliwatt-hours is rounded (once).
   *
   * @return the mode, HALF_EVEN by default
   */
  @Value.Default
  public RoundingMode roundingMode() {
    return RoundingMode.HALF_EVEN;
  }

  /**
   * What a local time that occurs twice means.
   *
   * @return the rule, ERROR by default
   */
  @Value.Default
  public AmbiguousTimeRule ambiguousTime() {
    return AmbiguousTimeRule.ERROR;
  }

  /**
   * What a local time that does not exist means.
   *
   * @return the rule, ERROR by default
   */
  @Value.Default
  public NonexistentTimeRule nonexistentTime() {
    return NonexistentTimeRule.ERROR;
  }

  /**
   * The column separator.
   *
   * @return the separator, {@code ','} by default
   */
  @Value.Default
  public char separator() {
    return ',';
  }

  @Value.Check
  void check() {
    if (meterIdColumn().isPresent() == fixedMeterId().isPresent()) {
      throw new ValidationException("meterIdColumn", meterIdColumn().orElse(null),
          "must be set exactly when fixedMeterId is not (fixedMeterId " + fixedMeterId().orElse(null) + ")");
    }
    if (timestampColumn().isPresent() == gridStart().isPresent()) {
      throw new ValidationException("timestampColumn", timestampColumn().orElse(null),
          "must be set exactly when gridStart is not (gridStart " + gridStart().orElse(null) + ")");
    }
    if (timestampPattern().isPresent()) {
      if (localZone().isEmpty()) {
        throw new ValidationException("timestampPattern", timestampPattern().get(),
            "needs localZone: a patterned timestamp is a local time");
      }
      try {
        Object unused = DateTimeFormatter.ofPattern(timestampPattern().get());
      } catch (IllegalArgumentException e) {
        throw new ValidationException("timestampPattern", timestampPattern().get(),
            "must be a DateTimeFormatter pattern (" + e.getMessage() + ")", e);
      }
    }
    if (values().isEmpty()) {
      throw new ValidationException("values", values(), "must not be empty");
    }
    Set<ValueRole> roles = EnumSet.noneOf(ValueRole.class);
    for (ValueColumn c : values()) {
      if (!roles.add(c.role())) {
        throw new ValidationException("values.role", c.role(), "must not repeat");
      }
    }
    boolean meter = roles.contains(ValueRole.IMPORT) || roles.contains(ValueRole.EXPORT);
    boolean net = roles.contains(ValueRole.NET);
    boolean behind = roles.contains(ValueRole.LOAD) || roles.contains(ValueRole.GENERATION);
    if ((meter ? 1 : 0) + (net ? 1 : 0) + (behind ? 1 : 0) != 1) {
      throw new ValidationException("values.role", roles,
          "must be IMPORT and/or EXPORT, or NET alone, or LOAD and/or GENERATION");
    }
  }
}
