package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import java.time.LocalDate;
import java.util.List;
import org.immutables.value.Value;

/**
 * An aging report as of a day: rows per customer and currency, totals per currency tied to the AR control account.
 *
 * <p>Rows come in the order customers first appeared in the ledger. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class AgingReportDef {

  /**
   * The day the report is as of (end of day).
   *
   * @return the date
   */
  public abstract LocalDate asOf();

  /**
   * The buckets used.
   *
   * @return the policy
   */
  public abstract AgingPolicy policy();

  /**
   * The bucket labels, for example {@code Current, 1-30, 31-60, 61-90, 90+}.
   *
   * @return the labels
   */
  public List<String> labels() {
    return policy().labels();
  }

  /**
   * One row per customer and currency with anything open.
   *
   * @return the rows
   */
  public abstract List<AgingRow> rows();

  /**
   * One total per currency.
   *
   * @return the totals, by currency code
   */
  public abstract List<AgingTotal> totals();
}
