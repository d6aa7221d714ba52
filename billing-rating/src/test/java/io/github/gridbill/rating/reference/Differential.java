package io.github.gridbill.rating.reference;

import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.rating.Bill;
import io.github.gridbill.rating.BillLine;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.RatingPlan;
import io.github.gridbill.rating.reference.ReferenceRater.Line;
import io.github.gridbill.rating.reference.ReferenceRater.Result;
import io.github.gridbill.rating.reference.ReferenceRater.State;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Rates a scenario with the engine and the reference, bill by bill, and lists every difference. */
public final class Differential {

  /** Exact amounts and banks may differ only by the precision of a division by the day count. */
  static final BigDecimal EPSILON = new BigDecimal("1e-12");

  private Differential() {}

  /**
   * The grouping key of a line: component, kind, TOU period and tier.
   *
   * @param componentId the component
   * @param kind the kind
   * @param tou the TOU period
   * @param tier the tier
   * @return the key
   */
  static String key(String componentId, LineKind kind, Optional<String> tou, Optional<Integer> tier) {
    return componentId + " " + kind + tou.map(p -> " [" + p + "]").orElse("") + tier.map(t -> " tier " + t).orElse("");
  }

  static Map<String, BigDecimal> groups(Bill b) {
    Map<String, BigDecimal> m = new TreeMap<>();
    for (BillLine l : b.lines()) {
      m.merge(key(l.componentId(), l.kind(), l.touPeriod(), l.tier()), l.amount().getAmount(), BigDecimal::add);
    }
    return m;
  }

  static Map<String, BigDecimal> groups(Result r) {
    Map<String, BigDecimal> m = new TreeMap<>();
    for (Line l : r.lines()) {
      m.merge(key(l.componentId(), l.kind(), l.touPeriod(), l.tier()), l.rounded(), BigDecimal::add);
    }
    return m;
  }

  /**
   * The differences between an engine bill and a reference bill: total, line groups, next-state quantities.
   *
   * @param tariff the tariff
   * @param rated the engine's bill and state
   * @param ref the reference's
   * @return the differences, empty when they agree
   */
  public static List<String> compare(Tariff tariff, RatedBill rated, Result ref) {
    List<String> out = new ArrayList<>();
    Bill b = rated.bill();
    if (b.total().getAmount().compareTo(ref.total()) != 0) {
      out.add("total: engine " + b.total().getAmount() + ", reference " + ref.total());
    }
    Map<String, BigDecimal> e = groups(b);
    Map<String, BigDecimal> r = groups(ref);
    TreeSet<String> keys = new TreeSet<>(e.keySet());
    keys.addAll(r.keySet());
    for (String k : keys) {
      BigDecimal ev = e.getOrDefault(k, BigDecimal.ZERO);
      BigDecimal rv = r.getOrDefault(k, BigDecimal.ZERO);
      if (ev.compareTo(rv) != 0) {
        out.add(k + ": engine " + ev.toPlainString() + ", reference " + rv.toPlainString());
      }
    }
    TariffVersion last = tariff.segments(b.period()).get(tariff.segments(b.period()).size() - 1).version();
    Optional<NetMeteringRule> nm = last.netMetering();
    BillingState next = rated.nextState();
    State rn = ref.next();
    if (nm.isPresent() && nm.get().carry() == CreditCarry.KWH) {
      BigDecimal bank = BigDecimal.ZERO;
      for (Energy v : next.kwhBank().values()) {
        bank = bank.add(v.toKilowattHours());
      }
      if (bank.compareTo(rn.kwhBankTotal()) != 0) {
        out.add("next kWh bank: engine " + bank.toPlainString() + " " + next.kwhBank() + ", reference "
            + rn.kwhBankTotal().toPlainString() + " " + rn.kwhBank());
      }
    }
    // a money bank may also come from a kWh bank's roll-over, so it is compared whatever the carry
    if (next.moneyBank().subtract(rn.moneyBank()).abs().compareTo(EPSILON) > 0) {
      out.add("next money bank: engine " + next.moneyBank().toPlainString() + ", reference "
          + rn.moneyBank().toPlainString());
    }
    if (next.nettingYearSurplus().toKilowattHours().compareTo(rn.nettingSurplus()) != 0) {
      out.add("next netting-year surplus: engine " + next.nettingYearSurplus() + ", reference "
          + rn.nettingSurplus().toPlainString() + " kWh");
    }
    Optional<BigDecimal> ebd = b.billingDemand().map(Power::toKilowatts);
    if (ebd.isPresent() != ref.billingDemandKw().isPresent()
        || (ebd.isPresent() && ebd.get().compareTo(ref.billingDemandKw().get()) != 0)) {
      out.add("billing demand: engine " + b.billingDemand() + ", reference " + ref.billingDemandKw());
    }
    // "every bill's B is added to the year-to-date", whatever its version says, so it is compared on every bill (a
    // bill of a version without an annual minimum still starts or ends a minimum year)
    if (next.minimumYearToDate().subtract(rn.minimumYtd()).abs().compareTo(EPSILON) > 0) {
      out.add("next minimum year-to-date: engine " + next.minimumYearToDate().toPlainString() + ", reference "
          + rn.minimumYtd().toPlainString());
    }
    return out;
  }

  /**
   * A bill as text, every line with its key, quantity, rate and exact amount.
   *
   * @param b the bill
   * @return the text
   */
  public static String render(Bill b) {
    StringBuilder sb = new StringBuilder("engine bill " + b.period() + ", total " + b.total() + ", peak "
        + b.peakDemand() + b.billingDemand().map(d -> ", billing demand " + d).orElse("") + "\n");
    for (BillLine l : b.lines()) {
      sb.append("  ").append(l.componentId()).append(' ').append(l.kind());
      l.touPeriod().ifPresent(p -> sb.append(" [").append(p).append(']'));
      l.tier().ifPresent(t -> sb.append(" tier ").append(t));
      sb.append(" (").append(l.segment().startInclusive()).append(".. ) ").append(l.description()).append(": ");
      l.quantity().ifPresent(q -> sb.append(q).append(" x "));
      l.rate().ifPresent(r -> sb.append(r.toPlainString()).append(' '));
      sb.append("= ").append(l.exactAmount().stripTrailingZeros().toPlainString()).append(" -> ")
          .append(l.amount()).append('\n');
    }
    b.netMetering().ifPresent(n -> sb.append("  ").append(n).append('\n'));
    return sb.toString();
  }

  /**
   * Rates every bill of a scenario with both raters, carrying each one's own state, and fails on the first bill
   * that differs.
   *
   * @param s the scenario
   * @throws AssertionError describing the bill, the differences and both bills
   */
  public static void check(Scenario s) {
    BillingState es = s.initialState();
    State rs = State.from(es);
    Rater rater = Rater.create();
    int k = 0;
    for (BillingPeriod p : s.periods()) {
      long[] imp = s.imports(p);
      long[] exp = s.exports(p);
      IntervalSeries series = s.series(p);
      RatedBill rb = rater.rate(RatingPlan.compile(s.tariff(), p, s.length()), series, es);
      Result ref = ReferenceRater.rate(s.tariff(), p, s.length(), imp, exp, rs, s.meter(p));
      List<String> diffs = compare(s.tariff(), rb, ref);
      if (!diffs.isEmpty()) {
        throw new AssertionError("bill " + (k + 1) + " of " + s.bills() + " " + p + " differs:\n  "
            + String.join("\n  ", diffs) + "\n" + render(rb.bill()) + ref + "\nprevious engine state: " + es
            + "\nprevious reference state: " + rs);
      }
      es = rb.nextState();
      rs = ref.next();
      k++;
    }
  }
}
