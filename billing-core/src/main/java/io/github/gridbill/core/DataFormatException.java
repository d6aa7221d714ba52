package io.github.gridbill.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file or document could not be read: it names the source, the location inside it (line, element or JSON path),
 * the field, the offending value and the reason. Readers that throw it have imported nothing.
 *
 * <p>Example message: {@code "tariff.json at $.items[0].energyratestructure[0][0]: rate must be present: null"}.
 */
public class DataFormatException extends BillingException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String location;

  /**
   * Creates the error.
   *
   * @param source the file or stream name, not null
   * @param location where in the source: {@code "line 12"}, {@code "element Ntry[3]/Amt"} or a JSON path, not null
   * @param field the field that was wrong, not null
   * @param value the offending value, may be null
   * @param reason the rule that was broken, not null
   */
  public DataFormatException(String source, String location, String field, @Nullable Object value, String reason) {
    this(source, location, field, value, reason, null);
  }

  /**
   * Creates the error with a cause.
   *
   * @param source the file or stream name, not null
   * @param location where in the source, not null
   * @param field the field that was wrong, not null
   * @param value the offending value, may be null
   * @param reason the rule that was broken, not null
   * @param cause the underlying cause, may be null
   */
  public DataFormatException(
      String source,
      String location,
      String field,
      @Nullable Object value,
      String reason,
      @Nullable Throwable cause) {
    super(field, value, reason, cause);
    this.source = Objects.requireNonNull(source, "source");
    this.location = Objects.requireNonNull(location, "location");
  }

  @Override
  public String getMessage() {
    return source + " at " + location + ": " + super.getMessage();
  }

  /**
   * The file or stream that could not be read.
   *
   * @return the source name, never null
   */
  public String source() {
    return source;
  }

  /**
   * Where in the source the problem is, for example {@code "line 12"}.
   *
   * @return the location, never null
   */
  public String location() {
    return location;
  }
}
