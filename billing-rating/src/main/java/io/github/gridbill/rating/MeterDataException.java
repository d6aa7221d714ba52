package io.github.gridbill.rating;

import io.github.gridbill.core.ValidationException;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Meter data broke a validation rule; names the interval index and its timestamp where there is one.
 *
 * <p>Example message: {@code "import[17] (2024-03-10T07:15:00Z) must not be negative: -5 mWh"}.
 */
public class MeterDataException extends ValidationException {
  private static final long serialVersionUID = 1L;

  private final int index;
  private final @Nullable Instant timestamp;

  /**
   * Creates the error.
   *
   * @param field the field, for example {@code "import"}, not null
   * @param index the offending interval or reading index, or -1
   * @param timestamp the offending interval's start, may be null
   * @param value the offending value, may be null
   * @param reason the rule, not null
   */
  public MeterDataException(
      String field, int index, @Nullable Instant timestamp, @Nullable Object value, String reason) {
    super(field + (index >= 0 ? "[" + index + "]" : "") + (timestamp != null ? " (" + timestamp + ")" : ""), value,
        reason);
    this.index = index;
    this.timestamp = timestamp;
  }

  /**
   * The offending index.
   *
   * @return the index, or -1 when the error concerns the whole series
   */
  public int index() {
    return index;
  }

  /**
   * The offending interval's start.
   *
   * @return the timestamp, or empty
   */
  public Optional<Instant> timestamp() {
    return Optional.ofNullable(timestamp);
  }
}
