package io.github.gridbill.formats;

import io.github.gridbill.core.GridBillStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * Everything one Green Button feed gave: a result per usage point (in the order they complete) and what the feed holds
 * that belongs to no usage point. Instances are immutable and thread-safe; treat them as value types.
 */
@Value.Immutable
@GridBillStyle
abstract class GreenButtonImportDef {

  /**
   * The source name, for example {@code "openespi_test_usage_data.xml"}.
   *
   * @return the source
   */
  public abstract String source();

  /**
   * The usage points.
   *
   * @return the results, possibly empty
   */
  public abstract List<UsagePointResult> usagePoints();

  /**
   * Entries linked to no usage point (for example an orphan ReadingType or summary).
   *
   * @return the items, possibly empty
   */
  public abstract List<NotCarried> feedNotCarried();
}
