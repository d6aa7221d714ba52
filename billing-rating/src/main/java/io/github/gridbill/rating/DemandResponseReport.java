package io.github.gridbill.rating;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The demand-response settlement of one account's bill: every event, each followed hour by hour, and the totals.
 *
 * <p>{@code DemandResponseReport.of(bill).text()} prints, for each event, the days its baseline considered and why
 * each was excluded or chosen, the same-day adjustment and its cap, and per hour the unadjusted and adjusted baseline,
 * the actual load, the reduction and the credit; then the account's total reduction and credit. It is written from the
 * bill alone (no re-rating). Instances are immutable and thread-safe.
 */
public final class DemandResponseReport {
  private final Bill bill;
  private final List<DemandResponseEventReport> events;

  private DemandResponseReport(Bill bill) {
    this.bill = bill;
    this.events = bill.demandResponseEvents();
  }

  /**
   * The report of a bill.
   *
   * @param bill the bill, not null
   * @return the report, never null
   */
  public static DemandResponseReport of(Bill bill) {
    return new DemandResponseReport(Objects.requireNonNull(bill, "bill"));
  }

  /**
   * The account's meter.
   *
   * @return the meter id, never null
   */
  public String meterId() {
    return bill.meterId();
  }

  /**
   * The events settled on the bill, in line order.
   *
   * @return the event reports, never null
   */
  public List<DemandResponseEventReport> events() {
    return events;
  }

  /**
   * The reduction credited over every event.
   *
   * @return the kWh, never null
   */
  public BigDecimal totalReductionKwh() {
    BigDecimal t = BigDecimal.ZERO;
    for (DemandResponseEventReport e : events) {
      t = t.add(e.reductionKwh());
    }
    return t;
  }

  /**
   * The credit over every event, exact (positive: paid to the customer); the bill's lines carry each event's credit
   * rounded once.
   *
   * @return the amount, never null
   */
  public BigDecimal totalCredit() {
    BigDecimal t = BigDecimal.ZERO;
    for (DemandResponseEventReport e : events) {
      t = t.add(e.credit());
    }
    return t;
  }

  /**
   * The report as text.
   *
   * @return the text, never null
   */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append("Demand response for meter ").append(bill.meterId()).append(", bill ")
        .append(bill.period().startInclusive()).append(" to ").append(bill.period().endExclusive().minusDays(1))
        .append(": ").append(events.size()).append(" event(s)\n");
    for (DemandResponseEventReport e : events) {
      b.append(e.text());
    }
    b.append("Account total: reduction ").append(plain(totalReductionKwh())).append(" kWh, credit ")
        .append(plain(totalCredit())).append(' ').append(bill.currency().getCode()).append('\n');
    return b.toString();
  }

  private static String plain(BigDecimal v) {
    return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
  }

  @Override
  public String toString() {
    return text();
  }
}
