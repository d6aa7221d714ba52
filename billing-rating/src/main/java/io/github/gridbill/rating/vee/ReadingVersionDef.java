package io.github.gridbill.rating.vee;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.ReadingQuality;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One version of one interval's reading: its values, quality and method, when it was recorded, its place in the
 * store's order, and for a manual edit who made it and why.
 *
 * <p>{@code 2024-06-03T09:00Z #412 0.500 kWh ESTIMATED LINEAR_INTERPOLATION recorded 2024-06-04T02:00Z}, later
 * {@code #977 0.731 kWh ACTUAL recorded 2024-06-09T02:00Z}. Versions are never changed or removed; see
 * {@link ReadingVersionStore}. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class ReadingVersionDef {

  /**
   * The start of the interval.
   *
   * @return the start
   */
  public abstract Instant intervalStart();

  /**
   * The imported energy in mWh.
   *
   * @return the import, not negative
   */
  public abstract long importMilliwattHours();

  /**
   * The exported energy in mWh.
   *
   * @return the export, not negative
   */
  public abstract long exportMilliwattHours();

  /**
   * The quality: ACTUAL, ESTIMATED, SUBSTITUTED or EDITED (a missing interval has no version).
   *
   * @return the quality
   */
  public abstract ReadingQuality quality();

  /**
   * The method that made the value: NONE for an actual reading, MANUAL_EDIT for an edit.
   *
   * @return the method
   */
  public abstract EstimationMethod method();

  /**
   * When this version was recorded (the caller's clock; the store reads none).
   *
   * @return the instant
   */
  public abstract Instant recordedAt();

  /**
   * The version's position in the store's order of recording, from 1.
   *
   * @return the sequence number
   */
  public abstract long sequence();

  /**
   * Who edited the reading and why, for an EDITED version.
   *
   * @return the edit, present exactly when the quality is EDITED
   */
  public abstract Optional<ManualEdit> edit();

  /**
   * Whether the version is an estimate (ESTIMATED or SUBSTITUTED) rather than a reading or an edit.
   *
   * @return true for an estimate
   */
  public boolean isEstimate() {
    return quality() == ReadingQuality.ESTIMATED || quality() == ReadingQuality.SUBSTITUTED;
  }

  /**
   * Whether another version carries the same values, quality and method.
   *
   * @param other the other version, not null
   * @return true if they say the same
   */
  public boolean saysTheSameAs(ReadingVersion other) {
    return importMilliwattHours() == other.importMilliwattHours()
        && exportMilliwattHours() == other.exportMilliwattHours() && quality() == other.quality()
        && method() == other.method();
  }

  @Value.Check
  void check() {
    if (importMilliwattHours() < 0) {
      throw new ValidationException("importMilliwattHours", importMilliwattHours(), "must not be negative");
    }
    if (exportMilliwattHours() < 0) {
      throw new ValidationException("exportMilliwattHours", exportMilliwattHours(), "must not be negative");
    }
    if (quality() == ReadingQuality.MISSING) {
      throw new ValidationException("quality", quality(), "must not be MISSING (a missing interval has no version)");
    }
    if (edit().isPresent() != (quality() == ReadingQuality.EDITED)) {
      throw new ValidationException("edit", edit().orElse(null), "must be present exactly when the quality is EDITED");
    }
    if ((quality() == ReadingQuality.ACTUAL) != (method() == EstimationMethod.NONE)) {
      throw new ValidationException("method", method(), "must be NONE exactly when the quality is ACTUAL");
    }
  }
}
