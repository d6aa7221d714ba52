package io.github.gridbill.rating;

import io.github.gridbill.core.invoice.LineKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.joda.money.Money;

/**
 * A plain-text answer to "why is my bill this much?", written from the bill alone (no re-rating): what was measured,
 * each line as quantity × rate = amount with its tariff clause (a credit as {@code -(quantity × rate) = amount}),
 * what share each kind of charge has, estimated data, how exports were settled, and each demand-response event hour
 * by hour ({@link DemandResponseEventReport#text()}).
 * Amounts are written as {@link Money} ({@code USD 60.00}); times are the wall clock of the bill's zone with its UTC
 * offset ({@code 2024-06-04 17:00 -04:00}). RATING.md ("Explaining a bill") shows a whole explanation.
 *
 * <p>{@code BillExplanation.of(bill).text()}. Instances are immutable and thread-safe.
 */
public final class BillExplanation {
  /** An instant as the local wall-clock minute in the bill's zone with its offset: {@code 2024-06-04 17:00 -04:00}. */
  private static final DateTimeFormatter LOCAL_MINUTE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm xxx", Locale.ROOT);

  private final Bill bill;

  private BillExplanation(Bill bill) {
    this.bill = bill;
  }

  /**
   * The explanation of a bill.
   *
   * @param bill the bill, not null
   * @return the explanation, never null
   */
  public static BillExplanation of(Bill bill) {
    return new BillExplanation(Objects.requireNonNull(bill, "bill"));
  }

  /**
   * The explanation as text, one fact per line.
   *
   * @return the text, never null
   */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append("Bill for meter ").append(bill.meterId()).append(" on tariff ").append(bill.tariffName()).append(" (")
        .append(bill.tariffId()).append(")\n");
    b.append("Period ").append(bill.period().startInclusive()).append(" to ")
        .append(bill.period().endExclusive().minusDays(1)).append(" (").append(bill.period().days())
        .append(" days, ").append(bill.period().zone()).append("), ").append(bill.intervalCount())
        .append(" intervals\n");
    b.append("Total ").append(bill.total()).append('\n');
    b.append("\nWhat was measured:\n");
    b.append("  imported ").append(bill.totalImport()).append(", exported ").append(bill.totalExport())
        .append(", peak demand ").append(bill.peakDemand());
    bill.billingDemand().ifPresent(d -> b.append(", billing demand after ratchet ").append(d));
    b.append('\n');
    if (bill.estimatedIntervals() > 0) {
      Set<EstimationMethod> methods = EnumSet.noneOf(EstimationMethod.class);
      for (BillLine l : bill.lines()) {
        methods.addAll(l.estimationMethods());
      }
      b.append("  ").append(bill.estimatedIntervals()).append(" of ").append(bill.intervalCount())
          .append(" intervals were not actual readings (estimated by a declared rule");
      if (!methods.isEmpty()) {
        b.append(": ").append(methods(methods));
      }
      b.append(")\n");
    }
    b.append("\nHow each charge was worked out:\n");
    for (BillLine l : bill.lines()) {
      b.append("  ").append(pad(l.description(), 58)).append(' ');
      if (l.quantity().isPresent() && l.rate().isPresent() && l.kind() != LineKind.TAX
          && l.quantity().get().unit() != io.github.gridbill.core.quantity.Unit.PERCENT) {
        String product = l.quantity().get() + " × " + l.rate().get().stripTrailingZeros().toPlainString();
        // a credit line keeps its quantity and rate positive and its amount negative: say so with the sign
        boolean credit = l.amount().isNegative() && l.quantity().get().value().signum() * l.rate().get().signum() > 0;
        b.append(credit ? "-(" + product + ")" : product).append(" = ");
      } else if (l.quantity().isPresent() && l.kind() != LineKind.TAX
          && l.quantity().get().unit() != io.github.gridbill.core.quantity.Unit.PERCENT) {
        b.append(l.quantity().get()).append(": ");
      }
      b.append(l.amount());
      b.append("   [").append(l.componentId());
      if (l.estimatedIntervals() > 0) {
        b.append("; ").append(l.estimatedIntervals()).append(" estimated intervals");
        if (!l.estimationMethods().isEmpty()) {
          b.append(" (").append(methods(l.estimationMethods())).append(')');
        }
      }
      b.append("]\n");
    }
    b.append("\nWhere the money goes:\n");
    Map<LineKind, Money> byKind = new EnumMap<>(LineKind.class);
    for (BillLine l : bill.lines()) {
      byKind.merge(l.kind(), l.amount(), Money::plus);
    }
    BigDecimal total = bill.total().getAmount();
    for (Map.Entry<LineKind, Money> e : byKind.entrySet()) {
      b.append("  ").append(pad(label(e.getKey()), 24)).append(e.getValue());
      if (total.signum() > 0 && e.getValue().isPositive()) {
        b.append(" (").append(e.getValue().getAmount().multiply(BigDecimal.valueOf(100))
            .divide(total, 0, RoundingMode.HALF_UP)).append("% of the bill)");
      }
      b.append('\n');
    }
    BillLine biggest = null;
    for (BillLine l : bill.lines()) {
      if (biggest == null || l.amount().isGreaterThan(biggest.amount())) {
        biggest = l;
      }
    }
    if (biggest != null && biggest.amount().isPositive()) {
      b.append("  The largest single charge is \"").append(biggest.description()).append("\" at ")
          .append(biggest.amount()).append('.');
      List<IntervalRange> r = biggest.intervals();
      if (biggest.kind() == LineKind.DEMAND && !r.isEmpty()) {
        b.append(" It is set by the interval starting ")
            .append(LOCAL_MINUTE.format(r.get(0).startInclusive().atZone(bill.period().zone()))).append('.');
      }
      b.append('\n');
    }
    bill.netMetering().ifPresent(nm -> {
      StringBuilder x = new StringBuilder();
      if (nm.kwhBankBefore().milliwattHours() != 0 || nm.kwhBanked().milliwattHours() != 0
          || nm.kwhBankAfter().milliwattHours() != 0) {
        x.append("  kWh bank: ").append(nm.kwhBankBefore()).append(" before, ").append(nm.kwhBankUsed())
            .append(" used, ").append(nm.kwhBanked()).append(" surplus this bill, ").append(nm.kwhBankAfter())
            .append(" after\n");
      }
      if (nm.moneyBankBefore().signum() != 0 || nm.moneyEarned().signum() != 0 || nm.moneyBankAfter().signum() != 0) {
        x.append("  credit: ").append(money(nm.moneyBankBefore())).append(" carried in, ")
            .append(money(nm.moneyEarned())).append(" earned, ").append(money(nm.moneyApplied()))
            .append(" applied, ").append(money(nm.moneyBankAfter())).append(" carried forward\n");
      }
      if (nm.trueUpPaid().signum() != 0) {
        x.append("  true-up paid ").append(money(nm.trueUpPaid())).append('\n');
      }
      if (nm.trueUpForfeited().signum() != 0) {
        x.append("  true-up forfeited ").append(money(nm.trueUpForfeited())).append('\n');
      }
      if (x.length() > 0) { // nothing banked, carried or settled (exports paid on their own lines): no section
        b.append("\nExports:\n").append(x);
      }
    });
    List<DemandResponseEventReport> dr = bill.demandResponseEvents();
    if (!dr.isEmpty()) {
      b.append("\nDemand response, hour by hour:\n");
      for (DemandResponseEventReport e : dr) {
        e.text().lines().forEach(line -> b.append("  ").append(line).append('\n'));
      }
    }
    Set<String> components = new TreeSet<>();
    for (BillLine l : bill.lines()) {
      components.add(l.componentId());
    }
    b.append("\nTariff clauses used: ").append(String.join(", ", components)).append('\n');
    return b.toString();
  }

  /** Estimation methods in words, in declaration order: {@code "linear interpolation, like day"}. */
  private static String methods(Collection<EstimationMethod> methods) {
    StringJoiner j = new StringJoiner(", ");
    for (EstimationMethod m : EnumSet.copyOf(methods)) {
      j.add(m.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    return j.toString();
  }

  private String money(BigDecimal v) {
    return bill.currency().getCode() + " " + v.setScale(bill.currency().getDecimalPlaces(), RoundingMode.HALF_UP)
        .toPlainString();
  }

  private static String label(LineKind k) {
    String s = k.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Pads to n chars; a longer text gets one space more, so that two always part it from what follows. */
  private static String pad(String s, int n) {
    return s.length() >= n ? s + " " : s + " ".repeat(n - s.length());
  }

  @Override
  public String toString() {
    return text();
  }
}
