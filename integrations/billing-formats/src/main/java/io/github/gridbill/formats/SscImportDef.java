package io.github.gridbill.formats;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.IntervalSeries;
import java.time.YearMonth;
import java.util.List;
import org.immutables.value.Value;

/**
 * What {@link SscReader} made of one set of SAM/ssc {@code utilityrate5} inputs: the tariff, the meter data with and
 * without the system, the months to bill, the state to start from, and the conventions it set to say where ssc differs
 * from GridBill's defaults. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class SscImportDef {

  /**
   * The tariff, with one version per analysis year (ssc repeats the first year's calendar).
   *
   * @return the tariff
   */
  public abstract Tariff tariff();

  /**
   * The grid flows with the system: per interval, import = max(load − generation, 0), export = max(generation − load,
   * 0) (for buy-all/sell-all: import = load, export = generation).
   *
   * @return the series
   */
  public abstract IntervalSeries withSystem();

  /**
   * The load alone (the bill without the system).
   *
   * @return the series
   */
  public abstract IntervalSeries withoutSystem();

  /**
   * The calendar months ssc bills, in order (12 per analysis year, from January 2018).
   *
   * @return the months
   */
  public abstract List<YearMonth> months();

  /**
   * The state before the first bill (ssc's year-zero peaks, where positive, as demand history).
   *
   * @return the initial state
   */
  public abstract BillingState initialState();

  /**
   * Where ssc's semantics differ from GridBill's defaults, and what the importer set to reproduce them.
   *
   * @return the notes
   */
  public abstract List<Assumption> conventions();
}
