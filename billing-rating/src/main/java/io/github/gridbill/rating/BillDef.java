package io.github.gridbill.rating;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.money.Monies;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.time.BillingPeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A rated bill for one meter and billing period: its lines in bill order, totals, demand and net-metering
 * summaries. {@link #total()} is the sum of the rounded lines, exactly; {@link #explain()} answers "why is my bill
 * this much?". Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class BillDef {

  /**
   * The meter rated.
   *
   * @return the meter id
   */
  public abstract String meterId();

  /**
   * The tariff's id.
   *
   * @return the tariff id
   */
  public abstract String tariffId();

  /**
   * The tariff's name.
   *
   * @return the tariff name
   */
  public abstract String tariffName();

  /**
   * The billing period.
   *
   * @return the period
   */
  public abstract BillingPeriod period();

  /**
   * The currency.
   *
   * @return the currency
   */
  public abstract CurrencyUnit currency();

  /**
   * The lines in bill order: fixed, energy, demand, riders, credits, minimum, true-up, taxes.
   *
   * @return the lines
   */
  public abstract List<BillLine> lines();

  /**
   * Number of intervals rated.
   *
   * @return the count
   */
  public abstract int intervalCount();

  /**
   * Of those, how many were not actual readings.
   *
   * @return the count
   */
  public abstract int estimatedIntervals();

  /**
   * Total imported energy.
   *
   * @return the import
   */
  public abstract Energy totalImport();

  /**
   * Total exported energy.
   *
   * @return the export
   */
  public abstract Energy totalExport();

  /**
   * The highest interval demand.
   *
   * @return the peak
   */
  public abstract Power peakDemand();

  /**
   * The billing demand after the ratchet, where the tariff has one.
   *
   * @return the billing demand, or empty
   */
  public abstract Optional<Power> billingDemand();

  /**
   * How exports were settled, for tariffs with a net-metering rule.
   *
   * @return the summary, or empty
   */
  public abstract Optional<NetMeteringSummary> netMetering();

  /**
   * The bill total: the sum of every line.
   *
   * @return the total, never null
   */
  @Value.Lazy
  public Money total() {
    List<Money> amounts = new ArrayList<>(lines().size());
    for (BillLine l : lines()) {
      amounts.add(l.amount());
    }
    return Monies.total(currency(), amounts);
  }

  /**
   * The sum of the tax lines.
   *
   * @return the tax total, never null
   */
  public Money taxTotal() {
    List<Money> amounts = new ArrayList<>();
    for (BillLine l : lines()) {
      if (l.kind() == LineKind.TAX) {
        amounts.add(l.amount());
      }
    }
    return Monies.total(currency(), amounts);
  }

  /**
   * How each demand-response event of the bill was settled, in line order: the reports its
   * {@link io.github.gridbill.core.invoice.LineKind#DEMAND_RESPONSE_CREDIT} lines carry.
   *
   * @return the event reports, empty when the tariff has no event in the period
   */
  public List<DemandResponseEventReport> demandResponseEvents() {
    List<DemandResponseEventReport> out = new ArrayList<>();
    for (BillLine l : lines()) {
      l.demandResponse().ifPresent(out::add);
    }
    return out;
  }

  /**
   * The lines of one tariff component.
   *
   * @param componentId the component id, not null
   * @return the lines, in bill order, never null
   */
  public List<BillLine> linesOf(String componentId) {
    List<BillLine> out = new ArrayList<>();
    for (BillLine l : lines()) {
      if (l.componentId().equals(componentId)) {
        out.add(l);
      }
    }
    return out;
  }

  /**
   * A plain-text answer to "why is my bill this much?" for a customer service agent.
   *
   * @return the explanation, never null
   */
  public String explain() {
    return BillExplanation.of((Bill) this).text();
  }
}
