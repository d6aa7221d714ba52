package io.github.gridbill.rating.invoice;

import io.github.gridbill.core.BusinessRuleException;
import io.github.gridbill.core.CurrencyMismatchException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.contract.BillingCycle;
import io.github.gridbill.core.contract.Contract;
import io.github.gridbill.core.contract.CustomerAccount;
import io.github.gridbill.core.contract.Lease;
import io.github.gridbill.core.contract.MaintenanceContract;
import io.github.gridbill.core.contract.OneOffCharge;
import io.github.gridbill.core.contract.ServiceAgreement;
import io.github.gridbill.core.contract.SolarPpa;
import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.money.Monies;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.quantity.Unit;
import io.github.gridbill.core.tariff.TaxCalculation;
import io.github.gridbill.core.tariff.TaxRule;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.rating.Bill;
import io.github.gridbill.rating.BillLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Assembles an account's {@link Invoice} for a period from rated bills and contract items, adds the taxes on contract
 * items, and numbers it from a gap-free {@link InvoiceNumberSequence}.
 *
 * <pre>{@code
 * InvoiceAssembler assembler = InvoiceAssembler.builder()
 *     .sequence(InvoiceNumberSequence.resumeAfter("INV-2024-", 6, lastNumberFromDatabase))
 *     .addTaxRule(TaxRule.onAll("cgst", "CGST", new BigDecimal("9")))
 *     .addTaxRule(TaxRule.onAll("sgst", "SGST", new BigDecimal("9")))
 *     .build();
 * Invoice inv = assembler.assemble(InvoiceRequest.builder().account(acc).period(march)
 *     .addBill(ratedBill).addContract(lease).addContract(ppa)
 *     .putPpaGeneration("PPA-1", generationBill.totalExport()).issueDate(LocalDate.of(2024, 4, 2)).build());
 * }</pre>
 *
 * <h2>Lines, in print order</h2>
 * <ol>
 *   <li><b>Rated bills</b>, in request order: each {@link BillLine} becomes an {@link InvoiceLine} with the same kind,
 *       description, quantity, rate and (already rounded) amount; source = the tariff component id; source ref =
 *       {@code "meter:<meterId>:<segment start>/<segment end>"}, for example {@code "meter:M-1:2024-03-01/2024-04-01"}.
 *       The bill's own tax lines come along unchanged.</li>
 *   <li><b>Contract items</b>, in request order of the contracts:
 *     <ul>
 *       <li>{@link SolarPpa} active in the period: generation kWh (from {@link InvoiceRequest#ppaGeneration()}) ×
 *           {@link SolarPpa#priceOn(LocalDate)} of the first day the PPA is active in the period, rounded once. The
 *           escalator therefore steps on the first invoice period that starts on or after a contract anniversary; an
 *           anniversary inside a period takes effect from the next period. Kind PPA, source ref
 *           {@code "meter:<generation meter>:<from>/<to>"}.</li>
 *       <li>{@link Lease}: per period of the account's {@link BillingCycle} overlapping the invoice period, the monthly
 *           payment, prorated by days when the lease (or the invoice period) covers only part of the cycle period:
 *           {@code payment × active days ÷ days of the cycle period}, rounded once. A lease starting 2024-03-15 on a
 *           calendar-month cycle pays 17/31 of the payment for March and the full payment from April. Kind LEASE,
 *           source ref {@code "<lease id>:<from>/<to>"}.</li>
 *       <li>{@link MaintenanceContract}: the fee of each month it {@link MaintenanceContract#isBilledIn(YearMonth) is
 *           billed in}, on the invoice whose period contains the month's fee date (the 1st of the month, or the
 *           contract's start date in its first month). On calendar-month periods that is "the fee of the period's
 *           month"; on any cycle, consecutive periods bill each month exactly once. Kind MAINTENANCE, source ref
 *           {@code "<contract id>:<yyyy-MM>"}.</li>
 *       <li>{@link OneOffCharge} whose service date falls in the period: quantity × unit price, rounded once. Kind
 *           ONE_OFF, source ref = its id.</li>
 *       <li>{@link ServiceAgreement}: no line (its meter's usage arrives as a rated bill).</li>
 *     </ul></li>
 *   <li><b>Taxes on contract items</b>: one TAX line per configured {@link TaxRule}, in configuration order, on the
 *       contract-item lines it applies to. {@link TaxRule#appliesTo()} names contract ids ({@code "LEASE-1"}), line
 *       kinds ({@code "PPA"}, {@code "LEASE"}, {@code "MAINTENANCE"}, {@code "ONE_OFF"}) or one-off kinds
 *       ({@code "SERVICE_TICKET"}, {@code "SALES_ORDER"}, {@code "MILESTONE"}, {@code "INSTALLATION"}); empty means
 *       every contract item. ON_SUBTOTAL: {@code Σ amounts × percent / 100}, rounded once; PER_LINE: each line's tax
 *       rounded, then summed. A rule that matches no line adds no line. Rated-bill lines are never taxed here: their
 *       tariff taxes them.</li>
 * </ol>
 * Every amount is rounded once, to the currency's minor unit, with the configured {@link RoundingMode} (HALF_UP by
 * default); the invoice total is the sum of the lines.
 *
 * <h2>Validation and numbering</h2>
 * {@link #assemble(InvoiceRequest)} checks the whole request first (currencies, account ids, periods, PPA
 * generation), builds the complete invoice with a placeholder number, and only then takes the next number from the
 * sequence. A request that fails consumes no number, so the numbers of successfully assembled invoices are exactly
 * 1..n with no gap or repeat, even with many threads assembling at once.
 *
 * <p>An assembler is immutable and thread-safe (its sequence is the one shared, thread-safe part); one assembler
 * serves every account of a numbering series.
 */
public final class InvoiceAssembler {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final InvoiceNumberSequence sequence;
  private final List<TaxRule> taxRules;
  private final RoundingMode roundingMode;

  private InvoiceAssembler(Builder b) {
    this.sequence = Objects.requireNonNull(b.sequence);
    this.taxRules = List.copyOf(b.taxRules);
    this.roundingMode = b.roundingMode;
  }

  /**
   * A builder; a sequence is required, tax rules and the rounding mode (HALF_UP) are optional.
   *
   * @return a new builder, never null
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The numbering sequence.
   *
   * @return the sequence, never null
   */
  public InvoiceNumberSequence sequence() {
    return sequence;
  }

  /**
   * The tax rules applied to contract items, in order.
   *
   * @return an unmodifiable list, never null
   */
  public List<TaxRule> taxRules() {
    return taxRules;
  }

  /**
   * How every contract-item and tax amount is rounded to the minor unit.
   *
   * @return the rounding mode, never null
   */
  public RoundingMode roundingMode() {
    return roundingMode;
  }

  /**
   * Assembles and numbers an invoice.
   *
   * <p>Issue date 2024-04-02 with net 15 terms gives due date 2024-04-17; the number is the sequence's next, for
   * example {@code "INV-2024-000042"}.
   *
   * @param request the request, not null
   * @return the invoice, never null; its total is the sum of its lines
   * @throws ValidationException if the period is not in the account's zone; a bill's period is not inside the
   *     invoice period or overlaps another bill of the same meter; a contract belongs to another account, repeats an
   *     id or is of an unknown kind; a PPA generation entry is missing, negative or names no PPA active in the period
   * @throws CurrencyMismatchException if a bill, bill line or contract amount is not in the account's currency,
   *     naming the field (for example {@code "contracts[LEASE-1].monthlyPayment"})
   * @throws BusinessRuleException if nothing is billable (no line), or the sequence is exhausted
   */
  public Invoice assemble(InvoiceRequest request) {
    Objects.requireNonNull(request, "request");
    CustomerAccount acc = request.account();
    List<InvoiceLine> lines = lines(request);
    if (lines.isEmpty()) {
      throw new BusinessRuleException("lines", acc.id() + " " + request.period(),
          "must not be empty (no bill and no contract item is billable in the period)");
    }
    // the complete invoice is built (and checked) before a number is taken: a failure here consumes nothing
    Invoice draft = Invoice.builder()
        .number(sequence.format(0))
        .accountId(acc.id())
        .currency(acc.currency())
        .issueDate(request.issueDate())
        .dueDate(acc.paymentTerms().dueDate(request.issueDate()))
        .period(request.period())
        .lines(lines)
        .build();
    return draft.withNumber(sequence.next());
  }

  /** Validates the request and computes every line; no side effects. */
  private List<InvoiceLine> lines(InvoiceRequest r) {
    CustomerAccount acc = r.account();
    CurrencyUnit cur = acc.currency();
    BillingPeriod period = r.period();
    if (!period.zone().equals(acc.zone())) {
      throw new ValidationException("period.zone", period.zone(), "must be the account's zone " + acc.zone());
    }
    checkBills(r.bills(), cur, period);
    checkContracts(r, cur);
    List<InvoiceLine> out = new ArrayList<>();
    for (Bill b : r.bills()) {
      for (BillLine l : b.lines()) {
        out.add(InvoiceLine.builder()
            .kind(l.kind())
            .description(l.description())
            .quantity(l.quantity())
            .rate(l.rate())
            .amount(l.amount())
            .source(l.componentId())
            .addSourceRef("meter:" + b.meterId() + ":" + l.segment().startInclusive() + "/"
                + l.segment().endExclusive())
            .build());
      }
    }
    List<ItemLine> items = new ArrayList<>();
    for (Contract c : r.contracts()) {
      if (c instanceof SolarPpa p) {
        ppa(p, r, items);
      } else if (c instanceof Lease l) {
        lease(l, acc, period, items);
      } else if (c instanceof MaintenanceContract m) {
        maintenance(m, period, items);
      } else if (c instanceof OneOffCharge o) {
        oneOff(o, period, items);
      }
    }
    for (ItemLine i : items) {
      out.add(i.line);
    }
    for (TaxRule t : taxRules) {
      tax(t, items, cur).ifPresent(out::add);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // validation

  private static void checkBills(List<Bill> bills, CurrencyUnit cur, BillingPeriod period) {
    for (int i = 0; i < bills.size(); i++) {
      Bill b = bills.get(i);
      if (!b.currency().equals(cur)) {
        throw new CurrencyMismatchException("bills[" + i + "].currency", cur, b.currency(), b.currency());
      }
      for (int j = 0; j < b.lines().size(); j++) {
        Monies.requireCurrency("bills[" + i + "].lines[" + j + "].amount", b.lines().get(j).amount(), cur);
      }
      BillingPeriod bp = b.period();
      if (bp.startInclusive().isBefore(period.startInclusive()) || bp.endExclusive().isAfter(period.endExclusive())) {
        throw new ValidationException("bills[" + i + "].period", bp, "must lie within the invoice period " + period);
      }
      for (int k = 0; k < i; k++) {
        Bill o = bills.get(k);
        if (o.meterId().equals(b.meterId()) && o.period().startInclusive().isBefore(bp.endExclusive())
            && bp.startInclusive().isBefore(o.period().endExclusive())) {
          throw new ValidationException("bills[" + i + "].period", bp,
              "must not overlap bills[" + k + "] of the same meter " + b.meterId() + " " + o.period());
        }
      }
    }
  }

  private static void checkContracts(InvoiceRequest r, CurrencyUnit cur) {
    String accountId = r.account().id();
    Map<String, Integer> seen = new HashMap<>();
    Set<String> activePpas = new HashSet<>();
    List<Contract> cs = r.contracts();
    for (int i = 0; i < cs.size(); i++) {
      Contract c = cs.get(i);
      Integer prev = seen.putIfAbsent(c.id(), i);
      if (prev != null) {
        throw new ValidationException("contracts[" + i + "].id", c.id(),
            "must be unique among the request's contracts (contracts[" + prev + "] has it)");
      }
      String f = "contracts[" + c.id() + "]";
      if (!c.accountId().equals(accountId)) {
        throw new ValidationException(
            f + ".accountId", c.accountId(), "must be the invoiced account's id " + accountId);
      }
      if (c instanceof SolarPpa p) {
        if (!p.currency().equals(cur)) {
          throw new CurrencyMismatchException(f + ".currency", cur, p.currency(), p.currency());
        }
        if (isActive(c, r.period())) {
          activePpas.add(c.id());
          if (!r.ppaGeneration().containsKey(c.id())) {
            throw new ValidationException("ppaGeneration[" + c.id() + "]", null,
                "must be given for every solar PPA active in the period");
          }
        }
      } else if (c instanceof Lease l) {
        Monies.requireCurrency(f + ".monthlyPayment", l.monthlyPayment(), cur);
      } else if (c instanceof MaintenanceContract m) {
        Monies.requireCurrency(f + ".fee", m.fee(), cur);
      } else if (c instanceof OneOffCharge o) {
        Monies.requireCurrency(f + ".unitPrice", o.unitPrice(), cur);
      } else if (!(c instanceof ServiceAgreement)) {
        throw new ValidationException(f, c.getClass().getName(),
            "must be a ServiceAgreement, SolarPpa, Lease, MaintenanceContract or OneOffCharge");
      }
    }
    for (Map.Entry<String, Energy> e : r.ppaGeneration().entrySet()) {
      String f = "ppaGeneration[" + e.getKey() + "]";
      if (!activePpas.contains(e.getKey())) {
        throw new ValidationException(f, e.getValue(), "must name a solar PPA of the request active in the period");
      }
      if (e.getValue().isNegative()) {
        throw new ValidationException(f, e.getValue(), "must not be negative");
      }
    }
  }

  private static boolean isActive(Contract c, BillingPeriod p) {
    return c.startDate().isBefore(p.endExclusive())
        && c.endDate().map(e -> e.isAfter(p.startInclusive())).orElse(true);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // contract items

  /** A contract-item line and the names a tax rule may use to select it. */
  private static final class ItemLine {
    final InvoiceLine line;
    final Set<String> names;

    ItemLine(InvoiceLine line, String... names) {
      this.line = line;
      this.names = Set.of(names);
    }
  }

  private void ppa(SolarPpa p, InvoiceRequest r, List<ItemLine> out) {
    BillingPeriod period = r.period();
    if (!isActive(p, period)) {
      return;
    }
    LocalDate from = max(period.startInclusive(), p.startDate());
    LocalDate to = p.endDate().map(e -> min(e, period.endExclusive())).orElse(period.endExclusive());
    Energy kwh = Objects.requireNonNull(r.ppaGeneration().get(p.id()));
    BigDecimal price = p.priceOn(from);
    Money amount = Monies.extend(p.currency(), kwh.toKilowattHours(), price, roundingMode);
    out.add(new ItemLine(InvoiceLine.builder()
        .kind(LineKind.PPA)
        .description("Solar PPA energy, contract year " + p.contractYear(from))
        .quantity(Quantity.of(kwh))
        .rate(price)
        .amount(amount)
        .source(p.id())
        .addSourceRef("meter:" + p.meterId() + ":" + from + "/" + to)
        .build(), p.id(), LineKind.PPA.name()));
  }

  private void lease(Lease l, CustomerAccount acc, BillingPeriod period, List<ItemLine> out) {
    if (!isActive(l, period)) {
      return;
    }
    BillingCycle cycle = acc.billingCycle();
    BillingPeriod c = cycle.periodContaining(period.startInclusive(), period.zone());
    while (c.startInclusive().isBefore(period.endExclusive())) {
      LocalDate from = max(max(c.startInclusive(), period.startInclusive()), l.startDate());
      LocalDate to = min(c.endExclusive(), period.endExclusive());
      if (l.endDate().isPresent()) {
        to = min(to, l.endDate().get());
      }
      if (from.isBefore(to)) {
        int days = (int) ChronoUnit.DAYS.between(from, to);
        Money pay = l.monthlyPayment();
        InvoiceLine.Builder b = InvoiceLine.builder().kind(LineKind.LEASE).source(l.id())
            .addSourceRef(l.id() + ":" + from + "/" + to);
        if (days == c.days()) {
          b.description(l.description()).quantity(Quantity.of(1, Unit.MONTH)).rate(pay.getAmount()).amount(pay);
        } else {
          BigDecimal exact = pay.getAmount().multiply(BigDecimal.valueOf(days));
          Money amount = Money.of(pay.getCurrencyUnit(),
              exact.divide(BigDecimal.valueOf(c.days()), pay.getCurrencyUnit().getDecimalPlaces(), roundingMode));
          b.description(l.description() + ", " + days + " of " + c.days() + " days").quantity(Quantity.of(days,
              Unit.DAY)).amount(amount);
        }
        out.add(new ItemLine(b.build(), l.id(), LineKind.LEASE.name()));
      }
      c = BillingPeriod.of(c.endExclusive(), c.endExclusive().plusMonths(1), c.zone());
    }
  }

  private static void maintenance(MaintenanceContract m, BillingPeriod period, List<ItemLine> out) {
    YearMonth first = YearMonth.from(period.startInclusive());
    YearMonth last = YearMonth.from(period.endExclusive().minusDays(1));
    YearMonth startMonth = YearMonth.from(m.startDate());
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      if (!m.isBilledIn(month)) {
        continue;
      }
      LocalDate feeDate = month.equals(startMonth) ? m.startDate() : month.atDay(1);
      if (!period.contains(feeDate)) {
        continue;
      }
      out.add(new ItemLine(InvoiceLine.builder()
          .kind(LineKind.MAINTENANCE)
          .description(m.description() + ", " + m.frequency().name().toLowerCase(Locale.ROOT) + " fee " + month)
          .amount(m.fee())
          .source(m.id())
          .addSourceRef(m.id() + ":" + month)
          .build(), m.id(), LineKind.MAINTENANCE.name()));
    }
  }

  private void oneOff(OneOffCharge o, BillingPeriod period, List<ItemLine> out) {
    if (!period.contains(o.serviceDate())) {
      return;
    }
    Money amount = Monies.extend(o.unitPrice().getCurrencyUnit(), o.quantity().value(), o.unitPrice().getAmount(),
        roundingMode);
    out.add(new ItemLine(InvoiceLine.builder()
        .kind(LineKind.ONE_OFF)
        .description(o.description())
        .quantity(o.quantity())
        .rate(o.unitPrice().getAmount())
        .amount(amount)
        .source(o.id())
        .addSourceRef(o.id())
        .build(), o.id(), LineKind.ONE_OFF.name(), o.kind().name()));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // taxes

  private Optional<InvoiceLine> tax(TaxRule t, List<ItemLine> items, CurrencyUnit cur) {
    BigDecimal base = BigDecimal.ZERO;
    BigDecimal perLine = BigDecimal.ZERO;
    Set<String> refs = new LinkedHashSet<>();
    int decimals = cur.getDecimalPlaces();
    for (ItemLine i : items) {
      if (!t.appliesTo().isEmpty() && Collections.disjoint(t.appliesTo(), i.names)) {
        continue;
      }
      BigDecimal a = i.line.amount().getAmount();
      base = base.add(a);
      perLine = perLine.add(a.multiply(t.percent()).divide(HUNDRED).setScale(decimals, roundingMode));
      refs.add(i.line.source());
    }
    if (refs.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal amount = t.calculation() == TaxCalculation.PER_LINE ? perLine
        : base.multiply(t.percent()).divide(HUNDRED).setScale(decimals, roundingMode);
    return Optional.of(InvoiceLine.builder()
        .kind(LineKind.TAX)
        .description(t.description() + " " + t.percent().stripTrailingZeros().toPlainString() + "% of "
            + Money.of(cur, base))
        .quantity(Quantity.of(t.percent(), Unit.PERCENT))
        .rate(t.percent())
        .amount(Money.of(cur, amount))
        .source(t.id())
        .sourceRefs(refs)
        .build());
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  @Override
  public String toString() {
    return "InvoiceAssembler[" + sequence + ", " + taxRules.size() + " tax rule(s), " + roundingMode + "]";
  }

  /** Builds an {@link InvoiceAssembler}; not thread-safe, use once. */
  public static final class Builder {
    private @Nullable InvoiceNumberSequence sequence;
    private final List<TaxRule> taxRules = new ArrayList<>();
    private RoundingMode roundingMode = RoundingMode.HALF_UP;

    private Builder() {}

    /**
     * The numbering sequence (required).
     *
     * @param sequence the sequence, not null
     * @return this builder
     */
    public Builder sequence(InvoiceNumberSequence sequence) {
      this.sequence = Objects.requireNonNull(sequence, "sequence");
      return this;
    }

    /**
     * Adds a tax on contract items, for example {@code TaxRule.onAll("cgst", "CGST", new BigDecimal("9"))}.
     *
     * @param rule the rule, not null
     * @return this builder
     */
    public Builder addTaxRule(TaxRule rule) {
      taxRules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Adds taxes on contract items, in order.
     *
     * @param rules the rules, not null, no null elements
     * @return this builder
     */
    public Builder addTaxRules(Iterable<TaxRule> rules) {
      Objects.requireNonNull(rules, "rules");
      for (TaxRule r : rules) {
        addTaxRule(r);
      }
      return this;
    }

    /**
     * How contract-item and tax amounts are rounded to the minor unit (HALF_UP by default).
     *
     * @param mode the mode, not null, not UNNECESSARY
     * @return this builder
     */
    public Builder roundingMode(RoundingMode mode) {
      this.roundingMode = Objects.requireNonNull(mode, "roundingMode");
      return this;
    }

    /**
     * Validates and builds the assembler.
     *
     * @return the assembler, never null
     * @throws ValidationException if no sequence was set, two tax rules share an id, or the rounding mode is
     *     UNNECESSARY
     */
    public InvoiceAssembler build() {
      if (sequence == null) {
        throw new ValidationException("sequence", null, "must be set");
      }
      if (roundingMode == RoundingMode.UNNECESSARY) {
        throw new ValidationException("roundingMode", roundingMode,
            "must not be UNNECESSARY (contract items and taxes are rounded once to the minor unit)");
      }
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < taxRules.size(); i++) {
        if (!ids.add(taxRules.get(i).id())) {
          throw new ValidationException("taxRules[" + i + "].id", taxRules.get(i).id(),
              "must be unique among the tax rules");
        }
      }
      return new InvoiceAssembler(this);
    }
  }
}
