package io.github.gridbill.rating;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.time.BillingPeriod;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * One line of a rated bill, traceable to the tariff clause and the readings behind it.
 *
 * <p>{@code energy-tou, "Energy, peak, tier 2", 120.5 kWh × 0.25 = USD 30.13}: the component id, kind, TOU period and
 * tier, the determinant quantity and unit, the rate (escalated where the tariff escalates), the exact amount and the
 * amount rounded once by the tariff's rounding mode, how many estimated intervals it used, and {@link #intervals()}
 * to list the intervals behind it. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class BillLineDef {

  /**
   * The id of the tariff component the line comes from.
   *
   * @return the component id
   */
  public abstract String componentId();

  /**
   * What the line charges or credits.
   *
   * @return the kind
   */
  public abstract LineKind kind();

  /**
   * The text printed on the bill.
   *
   * @return the description
   */
  public abstract String description();

  /**
   * The part of the billing period the line covers (the whole period unless the tariff changed inside it).
   *
   * @return the segment
   */
  public abstract BillingPeriod segment();

  /**
   * The TOU period's name, for lines that belong to one.
   *
   * @return the period name, or empty
   */
  public abstract Optional<String> touPeriod();

  /**
   * The tier, counting from 1, for tiered lines.
   *
   * @return the tier, or empty
   */
  public abstract Optional<Integer> tier();

  /**
   * The determinant: kWh, kW, days, months.
   *
   * @return the quantity, or empty for lump sums
   */
  public abstract Optional<Quantity> quantity();

  /**
   * The rate applied per unit of the quantity (a percentage for taxes and percentage riders).
   *
   * @return the rate, or empty
   */
  public abstract Optional<BigDecimal> rate();

  /**
   * The exact amount before rounding.
   *
   * @return the exact amount
   */
  public abstract BigDecimal exactAmount();

  /**
   * The amount rounded once to the currency's minor unit; the bill total is the sum of these. One exception: a credit
   * that fully offsets the energy charges is shown as the negated sum of their rounded amounts, so that they net to
   * exactly zero (its exact amount stays exact).
   *
   * @return the amount
   */
  public abstract Money amount();

  /**
   * How many of the intervals behind the line were not actual readings.
   *
   * @return the count, 0 by default
   */
  @Value.Default
  public int estimatedIntervals() {
    return 0;
  }

  /**
   * The estimation methods that produced those intervals.
   *
   * @return the methods
   */
  public abstract Set<EstimationMethod> estimationMethods();

  /**
   * For a demand-response credit, how the event was settled: baseline days, adjustment, hour by hour.
   *
   * @return the event's report, or empty for other lines
   */
  public abstract Optional<DemandResponseEventReport> demandResponse();

  /**
   * Lists the intervals behind the line (not part of equality).
   *
   * @return the selector
   */
  @Value.Auxiliary
  @Value.Default
  public IntervalSelector selector() {
    return IntervalSelector.NONE;
  }

  /**
   * The intervals behind the line, in time order (empty for fixed charges, minimums and taxes).
   *
   * @return the ranges, never null
   */
  public List<IntervalRange> intervals() {
    return selector().ranges();
  }
}
