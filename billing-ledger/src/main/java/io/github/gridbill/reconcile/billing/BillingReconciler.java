package io.github.gridbill.reconcile.billing;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.money.Monies;
import io.github.gridbill.core.quantity.Quantity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Billing reconciliation: checks that every source record is billed exactly once, to its account, with its quantity
 * and (when stated) its amount, using the {@code sourceRefs()} of invoice lines.
 *
 * <pre>{@code
 * BillingReconciliationReport r = BillingReconciler.create().reconcile(sources, invoices);
 * r.unbilledCount(); r.findings(); r.toCsv();
 * }</pre>
 *
 * <p><b>Rules.</b> An invoice <i>bills</i> a record when any of its lines names the record. The quantity and amount
 * billed come from the <i>counted</i> lines only: by default every kind except {@code TAX}, {@code RIDER},
 * {@code MINIMUM} and {@code ADJUSTMENT} (a 450 kWh read period billed as 100 kWh tier 1 + 350 kWh tier 2 energy lines
 * plus a 450 kWh rider line is billed 450 kWh), and only lines in the record's unit count toward its quantity (a kW
 * demand line does not count toward a kWh read period). A line naming several records bills each its share: the
 * line's quantity in proportion to the records' quantities (so each gets exactly its own when the line's quantity is
 * their sum), and the line's amount allocated by the same ratios to the minor unit. An invoice whose counted quantity
 * (or, without a quantity, amount) for the record is negative is a credit and cancels one billing. Then, per record:
 *
 * <ul>
 *   <li>billed net zero times: {@link FindingKind#UNBILLED};
 *   <li>net two or more times: {@link FindingKind#DOUBLE_BILLED};
 *   <li>once: {@link FindingKind#QUANTITY_MISMATCH} if the net billed quantity differs from the record's (compared
 *       exactly, scale ignored), {@link FindingKind#AMOUNT_MISMATCH} if the record has an expected amount and the net
 *       billed amount differs;
 *   <li>any invoice for another account: {@link FindingKind#ACCOUNT_MISMATCH}.
 * </ul>
 *
 * <p>A line naming an id that is not among the records is {@link FindingKind#UNKNOWN_SOURCE}. Findings are ordered by
 * record (input order), then unknown references in order of appearance. Instances are immutable and thread-safe.
 */
public final class BillingReconciler {
  private static final Set<LineKind> NOT_COUNTED =
      EnumSet.of(LineKind.TAX, LineKind.RIDER, LineKind.MINIMUM, LineKind.ADJUSTMENT);

  private final Set<LineKind> counted;
  private final Predicate<String> scope;

  private BillingReconciler(Set<LineKind> counted, Predicate<String> scope) {
    this.counted = counted;
    this.scope = scope;
  }

  /**
   * A reconciler counting every line kind except TAX, RIDER, MINIMUM and ADJUSTMENT.
   *
   * @return the reconciler, never null
   */
  public static BillingReconciler create() {
    return new BillingReconciler(Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.copyOf(NOT_COUNTED))),
        BillingReconciler::everyReference);
  }

  /** The scope of {@link #create()}: every reference. */
  private static boolean everyReference(String ref) {
    return true;
  }

  /**
   * A copy counting other line kinds toward billed quantities and amounts. This instance is immutable and unaffected
   * by this method.
   *
   * <p>{@code withCountedLineKinds(EnumSet.of(ENERGY))} checks read periods against energy lines only.
   *
   * @param kinds the kinds whose lines count, not null, not empty
   * @return the reconciler, never null
   * @throws ValidationException if the set is empty
   */
  public BillingReconciler withCountedLineKinds(Set<LineKind> kinds) {
    Objects.requireNonNull(kinds, "kinds");
    if (kinds.isEmpty()) {
      throw new ValidationException("kinds", kinds, "must not be empty");
    }
    return new BillingReconciler(Collections.unmodifiableSet(EnumSet.copyOf(kinds)), scope);
  }

  /**
   * A copy that reconciles only the source references a predicate accepts: references outside the scope are neither
   * matched nor reported as {@link FindingKind#UNKNOWN_SOURCE}. This instance is immutable and unaffected by this
   * method.
   *
   * <p>A reconciliation of service tickets alone, whose invoices also carry meter and contract references:
   * {@code withScope(ref -> ref.startsWith("TKT-"))}. Every source record given to {@link #reconcile} must be in scope.
   *
   * @param inScope accepts the references to reconcile, not null
   * @return the reconciler, never null
   */
  public BillingReconciler withScope(Predicate<String> inScope) {
    return new BillingReconciler(counted, Objects.requireNonNull(inScope, "inScope"));
  }

  /**
   * The line kinds that count toward billed quantities and amounts.
   *
   * @return an unmodifiable set, never null
   */
  public Set<LineKind> countedLineKinds() {
    return counted;
  }

  /**
   * Reconciles source records with invoices.
   *
   * @param sources the records, not null, ids unique
   * @param invoices the invoices, not null, numbers unique
   * @return the report, never null
   * @throws ValidationException if a record id or an invoice number repeats, or a record is outside the scope
   */
  public BillingReconciliationReport reconcile(List<SourceRecord> sources, List<Invoice> invoices) {
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(invoices, "invoices");
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < sources.size(); i++) {
      SourceRecord s = Objects.requireNonNull(sources.get(i), "sources[" + i + "]");
      Integer before = index.putIfAbsent(s.id(), i);
      if (before != null) {
        throw new ValidationException("sources[" + i + "].id", s.id(), "must be unique (sources[" + before
            + "] has it too)");
      }
      if (!scope.test(s.id())) {
        throw new ValidationException("sources[" + i + "].id", s.id(), "must be in the reconciler's scope");
      }
    }
    Map<String, Integer> numbers = new HashMap<>();
    for (int i = 0; i < invoices.size(); i++) {
      Invoice inv = Objects.requireNonNull(invoices.get(i), "invoices[" + i + "]");
      Integer before = numbers.putIfAbsent(inv.number(), i);
      if (before != null) {
        throw new ValidationException("invoices[" + i + "].number", inv.number(), "must be unique (invoices["
            + before + "] has it too)");
      }
    }

    Tally[] tallies = new Tally[sources.size()];
    for (int i = 0; i < tallies.length; i++) {
      tallies[i] = new Tally();
    }
    Map<String, List<Invoice>> unknown = new LinkedHashMap<>();
    Map<CurrencyUnit, Money> billed = new TreeMap<>();
    for (Invoice inv : invoices) {
      for (InvoiceLine line : inv.lines()) {
        List<Integer> known = new ArrayList<>();
        for (String ref : new LinkedHashSet<>(line.sourceRefs())) {
          if (!scope.test(ref)) {
            continue;
          }
          Integer s = index.get(ref);
          if (s == null) {
            List<Invoice> l = unknown.computeIfAbsent(ref, k -> new ArrayList<>());
            if (!l.contains(inv)) {
              l.add(inv);
            }
          } else {
            known.add(s);
            tallies[s].touch(inv);
          }
        }
        if (!known.isEmpty() && counted.contains(line.kind())) {
          share(line, inv, known, sources, tallies);
          billed.merge(line.amount().getCurrencyUnit(), line.amount(), Money::plus);
        }
      }
    }

    List<BillingFinding> findings = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      findings.addAll(tallies[i].findings(sources.get(i)));
    }
    for (Map.Entry<String, List<Invoice>> e : unknown.entrySet()) {
      List<String> nums = new ArrayList<>();
      for (Invoice inv : e.getValue()) {
        nums.add(inv.number());
      }
      findings.add(BillingFinding.builder().kind(FindingKind.UNKNOWN_SOURCE).sourceId(e.getKey())
          .accountId(e.getValue().get(0).accountId()).invoiceNumbers(nums)
          .detail("named on " + String.join(", ", nums) + " but not among the source records").build());
    }
    return BillingReconciliationReport.builder().sourceCount(sources.size()).invoiceCount(invoices.size())
        .findings(findings).billedAmount(billed).build();
  }

  /** Gives each record named by a counted line its share of the line's quantity and amount. */
  private static void share(InvoiceLine line, Invoice inv, List<Integer> known, List<SourceRecord> sources,
      Tally[] tallies) {
    int n = known.size();
    // quantity: only records in the line's unit, in proportion to their quantities
    if (line.quantity().isPresent()) {
      Quantity q = line.quantity().get();
      BigDecimal sum = BigDecimal.ZERO;
      int same = 0;
      for (int s : known) {
        if (sources.get(s).quantity().unit() == q.unit()) {
          sum = sum.add(sources.get(s).quantity().value());
          same++;
        }
      }
      for (int s : known) {
        if (sources.get(s).quantity().unit() == q.unit()) {
          BigDecimal part = same == 1 ? q.value()
              : sum.signum() == 0 ? q.value().divide(BigDecimal.valueOf(same), MathContext.DECIMAL128)
              : q.value().multiply(sources.get(s).quantity().value()).divide(sum, MathContext.DECIMAL128);
          tallies[s].addQuantity(inv, part);
        }
      }
    }
    // amount: by the records' quantities when they share a unit and are not all zero, else equally
    List<BigDecimal> ratios = new ArrayList<>(n);
    boolean byQuantity = true;
    BigDecimal total = BigDecimal.ZERO;
    for (int s : known) {
      Quantity sq = sources.get(s).quantity();
      if (sq.unit() != sources.get(known.get(0)).quantity().unit() || sq.value().signum() < 0) {
        byQuantity = false;
      }
      total = total.add(sq.value().abs());
    }
    for (int s : known) {
      ratios.add(byQuantity && total.signum() > 0 ? sources.get(s).quantity().value() : BigDecimal.ONE);
    }
    List<Money> parts = Monies.allocate(line.amount(), ratios);
    for (int k = 0; k < n; k++) {
      tallies[known.get(k)].addAmount(inv, parts.get(k));
    }
  }

  /** What the invoices did to one record. */
  private static final class Tally {
    final List<Invoice> invoices = new ArrayList<>();
    final List<@Nullable BigDecimal> quantity = new ArrayList<>();
    final List<@Nullable Money> amount = new ArrayList<>();

    int slot(Invoice inv) {
      for (int k = 0; k < invoices.size(); k++) {
        if (invoices.get(k).number().equals(inv.number())) {
          return k;
        }
      }
      invoices.add(inv);
      quantity.add(null);
      amount.add(null);
      return invoices.size() - 1;
    }

    void touch(Invoice inv) {
      slot(inv);
    }

    void addQuantity(Invoice inv, BigDecimal q) {
      int k = slot(inv);
      BigDecimal before = quantity.get(k);
      quantity.set(k, before == null ? q : before.add(q));
    }

    void addAmount(Invoice inv, Money a) {
      int k = slot(inv);
      Money before = amount.get(k);
      amount.set(k, before == null ? a : before.getCurrencyUnit().equals(a.getCurrencyUnit()) ? before.plus(a)
          : before);
    }

    List<BillingFinding> findings(SourceRecord s) {
      List<BillingFinding> out = new ArrayList<>();
      List<String> nums = new ArrayList<>();
      int net = 0;
      BigDecimal qty = null;
      Money amt = null;
      boolean mixedCurrency = false;
      for (int k = 0; k < invoices.size(); k++) {
        nums.add(invoices.get(k).number());
        BigDecimal q = quantity.get(k);
        Money a = amount.get(k);
        boolean credit = q != null ? q.signum() < 0 : a != null && a.isNegative();
        net += credit ? -1 : 1;
        if (q != null) {
          qty = qty == null ? q : qty.add(q);
        }
        if (a != null) {
          if (amt == null) {
            amt = a;
          } else if (amt.getCurrencyUnit().equals(a.getCurrencyUnit())) {
            amt = amt.plus(a);
          } else {
            mixedCurrency = true;
          }
        }
      }
      Optional<Quantity> billedQty = qty == null ? Optional.empty() : Optional.of(Quantity.of(qty,
          s.quantity().unit()));
      Optional<Money> billedAmt = Optional.ofNullable(amt);
      BillingFinding.Builder base = BillingFinding.builder().sourceId(s.id()).sourceKind(s.kind())
          .accountId(s.accountId()).invoiceNumbers(nums).expectedQuantity(s.quantity())
          .expectedAmount(s.expectedAmount()).billedQuantity(billedQty).billedAmount(billedAmt);
      String on = String.join(", ", nums);
      if (net <= 0) {
        out.add(base.kind(FindingKind.UNBILLED)
            .detail(nums.isEmpty() ? "not billed" : "billed and credited back on " + on).build());
      } else if (net >= 2) {
        out.add(base.kind(FindingKind.DOUBLE_BILLED).detail("billed " + net + " times, on " + on).build());
      } else {
        if (qty == null || qty.compareTo(s.quantity().value()) != 0) {
          out.add(base.kind(FindingKind.QUANTITY_MISMATCH).detail("expected " + s.quantity() + ", billed "
              + billedQty.map(Quantity::toString).orElse("no quantity") + " on " + on).build());
        }
        if (s.expectedAmount().isPresent()) {
          Money expected = s.expectedAmount().get();
          if (mixedCurrency || amt == null || !amt.getCurrencyUnit().equals(expected.getCurrencyUnit())
              || !amt.isEqual(expected)) {
            out.add(base.kind(FindingKind.AMOUNT_MISMATCH).detail("expected " + expected + ", billed "
                + (mixedCurrency ? "in several currencies" : amt == null ? "no amount" : amt.toString()) + " on "
                + on).build());
          }
        }
      }
      List<String> wrong = new ArrayList<>();
      for (Invoice inv : invoices) {
        if (!inv.accountId().equals(s.accountId())) {
          wrong.add(inv.number() + " (" + inv.accountId() + ")");
        }
      }
      if (!wrong.isEmpty()) {
        out.add(base.kind(FindingKind.ACCOUNT_MISMATCH).detail("record of " + s.accountId() + " billed on "
            + String.join(", ", wrong)).build());
      }
      return out;
    }
  }
}
