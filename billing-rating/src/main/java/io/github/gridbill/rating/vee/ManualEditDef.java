package io.github.gridbill.rating.vee;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.rating.ReadingQuality;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Who edited a reading by hand and why, and what was in force before: the edited {@link ReadingVersion} holds the new
 * values and when ({@link ReadingVersion#recordedAt()}).
 *
 * <p>{@code editedBy "j.smith", reason "meter exchanged 10:40, old meter's final read", old import 0.512 kWh ACTUAL}.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class ManualEditDef {

  /**
   * The person (or system user) who made the edit.
   *
   * @return the user, not blank
   */
  public abstract String editedBy();

  /**
   * Why the edit was made.
   *
   * @return the reason, not blank
   */
  public abstract String reason();

  /**
   * The import in force before the edit, in mWh.
   *
   * @return the old import, or empty when no version was in force
   */
  public abstract Optional<Long> oldImportMilliwattHours();

  /**
   * The export in force before the edit, in mWh.
   *
   * @return the old export, or empty when no version was in force
   */
  public abstract Optional<Long> oldExportMilliwattHours();

  /**
   * The quality in force before the edit.
   *
   * @return the old quality, or empty when no version was in force
   */
  public abstract Optional<ReadingQuality> oldQuality();

  @Value.Check
  void check() {
    Checks.notBlank(editedBy(), "editedBy");
    Checks.notBlank(reason(), "reason");
  }
}
