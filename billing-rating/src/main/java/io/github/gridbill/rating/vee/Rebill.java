package io.github.gridbill.rating.vee;

import io.github.gridbill.core.CurrencyMismatchException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.rating.Bill;
import io.github.gridbill.rating.BillLine;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.MeterDataException;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.RatingPlan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import org.joda.money.Money;

/**
 * Cancel and rebill: a period's bill as issued, the same period re-rated with corrected meter data (typically actual
 * readings that arrived after the bill used estimates), and the difference line by line, to the cent, as lines a
 * credit note (difference below zero) or debit note can carry.
 *
 * <pre>{@code
 * Rebill r = Rebill.rerate(plan, store.series(plan.grid()), stateBeforeJune, juneBill);
 * r.difference();      // USD 2.15: corrected total − original total
 * r.lines();           // per bill line: original, corrected, difference
 * r.invoiceLines();    // the non-zero differences as invoice lines, kinds kept (a tax difference is a tax)
 * }</pre>
 *
 * <p>Lines are matched by tariff component, kind, segment, TOU period and tier (the n-th such line of one bill with
 * the n-th of the other); a line on one bill only is matched with nothing. So the differences always add up:
 * {@code Σ lines().difference() = corrected.total() − original.total()}. Bills rated later from the original's state
 * (banks, ratchet history) are not re-rated here. This class is immutable and thread-safe.
 */
public final class Rebill {
  private final Bill original;
  private final Bill corrected;
  private final List<RebillLine> lines;

  private Rebill(Bill original, Bill corrected, List<RebillLine> lines) {
    this.original = original;
    this.corrected = corrected;
    this.lines = lines;
  }

  /**
   * Re-rates a bill's period with corrected data from the state the original bill started from.
   *
   * @param plan the plan the original was rated with, not null
   * @param corrected the corrected meter data, not null
   * @param stateBefore the billing state the original bill was rated from, not null
   * @param original the bill as issued, not null
   * @return the rebill, never null
   * @throws ValidationException if the plan's period or the series' meter is not the original bill's
   * @throws MeterDataException if the corrected data cannot be rated (for example intervals still missing)
   */
  public static Rebill rerate(RatingPlan plan, IntervalSeries corrected, BillingState stateBefore, Bill original) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(corrected, "corrected");
    Objects.requireNonNull(stateBefore, "stateBefore");
    Objects.requireNonNull(original, "original");
    if (!plan.period().equals(original.period())) {
      throw new ValidationException("plan.period", plan.period(), "must be the original bill's period "
          + original.period());
    }
    if (!corrected.meterId().equals(original.meterId())) {
      throw new ValidationException("corrected.meterId", corrected.meterId(), "must be the original bill's meter "
          + original.meterId());
    }
    return between(original, Rater.create().rate(plan, corrected, stateBefore).bill());
  }

  /**
   * The difference between two bills of the same meter and period.
   *
   * @param original the bill as issued, not null
   * @param corrected the bill as it should have been, not null
   * @return the rebill, never null
   * @throws ValidationException if the meters or periods differ
   * @throws CurrencyMismatchException if the currencies differ
   */
  public static Rebill between(Bill original, Bill corrected) {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(corrected, "corrected");
    if (!corrected.meterId().equals(original.meterId())) {
      throw new ValidationException("corrected.meterId", corrected.meterId(), "must be the original bill's meter "
          + original.meterId());
    }
    if (!corrected.period().equals(original.period())) {
      throw new ValidationException("corrected.period", corrected.period(), "must be the original bill's period "
          + original.period());
    }
    if (!corrected.currency().equals(original.currency())) {
      throw new CurrencyMismatchException("corrected.currency", original.currency(), corrected.currency(),
          corrected.total());
    }
    Map<String, Deque<BillLine>> pending = new LinkedHashMap<>();
    for (BillLine l : corrected.lines()) {
      pending.computeIfAbsent(key(l), k -> new ArrayDeque<>()).add(l);
    }
    Money zero = Money.zero(original.currency());
    List<RebillLine> out = new ArrayList<>();
    for (BillLine o : original.lines()) {
      Deque<BillLine> q = pending.get(key(o));
      BillLine c = q == null ? null : q.poll();
      RebillLine.Builder b = RebillLine.builder().componentId(o.componentId()).kind(o.kind()).segment(o.segment())
          .touPeriod(o.touPeriod()).tier(o.tier()).originalQuantity(o.quantity()).originalAmount(o.amount())
          .originalEstimatedIntervals(o.estimatedIntervals()).originalMethods(o.estimationMethods());
      if (c == null) {
        b.description(o.description()).correctedAmount(zero).correctedEstimatedIntervals(0);
      } else {
        b.description(c.description()).correctedQuantity(c.quantity()).correctedAmount(c.amount())
            .correctedEstimatedIntervals(c.estimatedIntervals()).correctedMethods(c.estimationMethods());
      }
      out.add(b.build());
    }
    for (Deque<BillLine> q : pending.values()) {
      for (BillLine c : q) {
        out.add(RebillLine.builder().componentId(c.componentId()).kind(c.kind()).segment(c.segment())
            .touPeriod(c.touPeriod()).tier(c.tier()).description(c.description()).originalAmount(zero)
            .originalEstimatedIntervals(0).correctedQuantity(c.quantity()).correctedAmount(c.amount())
            .correctedEstimatedIntervals(c.estimatedIntervals()).correctedMethods(c.estimationMethods()).build());
      }
    }
    return new Rebill(original, corrected, List.copyOf(out));
  }

  private static String key(BillLine l) {
    return l.componentId() + '\u0000' + l.kind() + '\u0000' + l.segment() + '\u0000' + l.touPeriod().orElse("")
        + '\u0000' + l.tier().map(String::valueOf).orElse("");
  }

  /**
   * The bill as issued.
   *
   * @return the original bill, never null
   */
  public Bill original() {
    return original;
  }

  /**
   * The bill as it should have been.
   *
   * @return the corrected bill, never null
   */
  public Bill corrected() {
    return corrected;
  }

  /**
   * Every line of both bills, matched: the original's in its order, then lines only on the corrected bill.
   *
   * @return the lines, never null
   */
  public List<RebillLine> lines() {
    return lines;
  }

  /**
   * The total to bill: corrected total − original total, equal to the sum of the line differences.
   *
   * @return the difference; negative is owed to the customer (a credit note), never null
   */
  public Money difference() {
    return corrected.total().minus(original.total());
  }

  /**
   * Whether the correction changes nothing to the cent.
   *
   * @return true if every line difference is zero
   */
  public boolean isZero() {
    for (RebillLine l : lines) {
      if (!l.difference().isZero()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The non-zero line differences as invoice lines for a credit or debit note: same kind (so a tax difference is
   * booked as tax), description {@code "Correction: <line> (was USD 30.00, now USD 31.60)"}, the quantity difference,
   * source the tariff component, source ref {@code "meter:<meterId>:<segment start>/<segment end>"} as
   * {@link io.github.gridbill.rating.invoice.InvoiceAssembler} writes for bill lines.
   *
   * @return the lines, possibly empty, never null
   */
  public List<InvoiceLine> invoiceLines() {
    List<InvoiceLine> out = new ArrayList<>();
    for (RebillLine l : lines) {
      if (l.difference().isZero()) {
        continue;
      }
      InvoiceLine.Builder b = InvoiceLine.builder().kind(l.kind())
          .description("Correction: " + l.description() + " (was " + l.originalAmount() + ", now "
              + l.correctedAmount() + ")")
          .amount(l.difference()).source(l.componentId())
          .addSourceRef("meter:" + original.meterId() + ":" + l.segment().startInclusive() + "/"
              + l.segment().endExclusive());
      l.quantityDifference().filter(q -> q.value().signum() != 0).ifPresent(b::quantity);
      out.add(b.build());
    }
    return out;
  }

  /**
   * A plain-text account of the correction: both totals with their data quality, then each line that changed.
   *
   * @return the text, never null
   */
  public String explain() {
    StringBuilder b = new StringBuilder();
    BillingPeriod p = original.period();
    b.append("Rebill of meter ").append(original.meterId()).append(", ").append(p.startInclusive()).append(" to ")
        .append(p.endExclusive().minusDays(1)).append('\n');
    b.append("  original  ").append(original.total()).append(quality(original)).append('\n');
    b.append("  corrected ").append(corrected.total()).append(quality(corrected)).append('\n');
    Money d = difference();
    b.append("  difference ").append(d).append(d.isNegative() ? " (a credit to the customer)"
        : d.isPositive() ? " (a debit to the customer)" : "").append('\n');
    for (RebillLine l : lines) {
      if (l.difference().isZero()) {
        continue;
      }
      b.append("    ").append(l.description()).append(": ").append(l.originalAmount()).append(" → ")
          .append(l.correctedAmount()).append(" (").append(l.difference().isPositive() ? "+" : "")
          .append(l.difference().getAmount().toPlainString()).append(")\n");
    }
    return b.toString();
  }

  private static String quality(Bill bill) {
    if (bill.estimatedIntervals() == 0) {
      return " (all " + bill.intervalCount() + " intervals actual)";
    }
    Set<EstimationMethod> methods = java.util.EnumSet.noneOf(EstimationMethod.class);
    for (BillLine l : bill.lines()) {
      methods.addAll(l.estimationMethods());
    }
    StringJoiner j = new StringJoiner(", ");
    for (EstimationMethod m : methods) {
      j.add(m.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    return " (" + bill.estimatedIntervals() + " of " + bill.intervalCount() + " intervals not actual"
        + (methods.isEmpty() ? "" : ": " + j) + ")";
  }

  @Override
  public String toString() {
    return "Rebill[" + original.meterId() + " " + original.period() + ": " + original.total() + " → "
        + corrected.total() + ", difference " + difference() + "]";
  }
}
