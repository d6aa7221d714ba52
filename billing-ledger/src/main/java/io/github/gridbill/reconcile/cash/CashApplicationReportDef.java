package io.github.gridbill.reconcile.cash;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.reconcile.CsvExportable;
import io.github.gridbill.reconcile.internal.Csv;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The result of a cash-application run: the matches (with their instructions for the ledger), the exceptions, and
 * summary counts and amounts.
 *
 * <p>For 3 payments of USD 100.00, 50.00 and 20.00 where the first two match fully and the third is an exception:
 * {@code paymentCount() 3, matchedCount() 2, received {USD=170.00}, applied {USD=150.00}, unapplied {USD=20.00}}.
 * Unapplied is what stays with the payer: exceptions in full, and the unapplied part of matches. Totals are per
 * currency, in currency-code order. CSV: one row per payment, matches first. Instances are immutable and thread-safe;
 * treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class CashApplicationReportDef implements CsvExportable {

  /**
   * The accepted matches, in payment order.
   *
   * @return the matches
   */
  public abstract List<PaymentMatch> matches();

  /**
   * The payments not matched, in payment order.
   *
   * @return the exceptions
   */
  public abstract List<PaymentException> exceptions();

  /**
   * One instruction per match, in the same order, for a ledger adapter to post.
   *
   * @return the instructions
   */
  public abstract List<ApplicationInstruction> instructions();

  /**
   * How many payments were processed.
   *
   * @return matches + exceptions
   */
  public int paymentCount() {
    return matches().size() + exceptions().size();
  }

  /**
   * How many payments matched.
   *
   * @return the count
   */
  public int matchedCount() {
    return matches().size();
  }

  /**
   * How many payments are exceptions.
   *
   * @return the count
   */
  public int exceptionCount() {
    return exceptions().size();
  }

  /**
   * Matches per rule: {@code {REFERENCE=80, EXACT_AMOUNT=9, ...}}; rules with none are left out.
   *
   * @return an unmodifiable map in rule order, never null
   */
  @Value.Lazy
  public Map<RuleKind, Integer> matchesByRule() {
    Map<RuleKind, Integer> m = new EnumMap<>(RuleKind.class);
    for (PaymentMatch pm : matches()) {
      m.merge(pm.rule(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Exceptions per reason; reasons with none are left out.
   *
   * @return an unmodifiable map in reason order, never null
   */
  @Value.Lazy
  public Map<ExceptionReason, Integer> exceptionsByReason() {
    Map<ExceptionReason, Integer> m = new EnumMap<>(ExceptionReason.class);
    for (PaymentException e : exceptions()) {
      m.merge(e.reason(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The money received, per currency: every payment.
   *
   * @return an unmodifiable map in currency-code order, never null
   */
  @Value.Lazy
  public Map<CurrencyUnit, Money> received() {
    Map<CurrencyUnit, Money> m = new TreeMap<>();
    for (PaymentMatch pm : matches()) {
      m.merge(pm.payment().amount().getCurrencyUnit(), pm.payment().amount(), Money::plus);
    }
    for (PaymentException e : exceptions()) {
      m.merge(e.payment().amount().getCurrencyUnit(), e.payment().amount(), Money::plus);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The money applied to open items, per currency.
   *
   * @return an unmodifiable map in currency-code order (a currency with nothing applied shows zero), never null
   */
  @Value.Lazy
  public Map<CurrencyUnit, Money> applied() {
    Map<CurrencyUnit, Money> m = new TreeMap<>();
    for (CurrencyUnit c : received().keySet()) {
      m.put(c, Money.zero(c));
    }
    for (PaymentMatch pm : matches()) {
      m.merge(pm.payment().amount().getCurrencyUnit(), pm.applied(), Money::plus);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The money not applied, per currency: exceptions in full plus the unapplied part of matches.
   *
   * @return an unmodifiable map in currency-code order, never null
   */
  @Value.Lazy
  public Map<CurrencyUnit, Money> unapplied() {
    Map<CurrencyUnit, Money> m = new TreeMap<>();
    for (CurrencyUnit c : received().keySet()) {
      m.put(c, Money.zero(c));
    }
    for (PaymentMatch pm : matches()) {
      m.merge(pm.payment().amount().getCurrencyUnit(), pm.unapplied(), Money::plus);
    }
    for (PaymentException e : exceptions()) {
      m.merge(e.payment().amount().getCurrencyUnit(), e.payment().amount(), Money::plus);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Writes one row per payment: {@code payment_id, status (MATCHED or EXCEPTION), rule, confidence, reason, currency,
   * amount, applied, unapplied, payer_account, invoices (semicolon-separated), value_date, idempotency_key, detail}.
   *
   * @param out where to write, not null
   * @throws IOException if writing fails
   */
  @Override
  public void writeCsv(Appendable out) throws IOException {
    Csv.writeRow(out, "payment_id", "status", "rule", "confidence", "reason", "currency", "amount", "applied",
        "unapplied", "payer_account", "invoices", "value_date", "idempotency_key", "detail");
    for (int i = 0; i < matches().size(); i++) {
      PaymentMatch m = matches().get(i);
      List<String> inv = new ArrayList<>();
      for (Application a : m.applications()) {
        inv.add(a.invoiceNumber());
      }
      Csv.writeRow(out, m.payment().id(), "MATCHED", m.rule().name(), Integer.toString(m.confidence()), "",
          m.payment().amount().getCurrencyUnit().getCode(), Csv.amount(m.payment().amount()), Csv.amount(m.applied()),
          Csv.amount(m.unapplied()), m.payerAccountId().orElse(""), String.join(";", inv),
          m.payment().valueDate().toString(), instructions().get(i).idempotencyKey(), "");
    }
    for (PaymentException e : exceptions()) {
      Money zero = Money.zero(e.payment().amount().getCurrencyUnit());
      Csv.writeRow(out, e.payment().id(), "EXCEPTION", "", "", e.reason().name(),
          e.payment().amount().getCurrencyUnit().getCode(), Csv.amount(e.payment().amount()), Csv.amount(zero),
          Csv.amount(e.payment().amount()), e.payerAccountId().orElse(""), String.join(";", e.candidates()),
          e.payment().valueDate().toString(), "", e.detail());
    }
  }

  @Value.Check
  void check() {
    Set<String> matched = new HashSet<>(matches().size() * 2);
    for (PaymentMatch m : matches()) {
      matched.add(m.payment().id());
    }
    for (int i = 0; i < exceptions().size(); i++) {
      if (matched.contains(exceptions().get(i).payment().id())) {
        throw new ValidationException("exceptions[" + i + "].payment.id", exceptions().get(i).payment().id(),
            "must not also be matched");
      }
    }
    if (instructions().size() != matches().size()) {
      throw new ValidationException("instructions", instructions().size(), "must have one per match ("
          + matches().size() + ")");
    }
    for (int i = 0; i < matches().size(); i++) {
      if (!instructions().get(i).paymentId().equals(matches().get(i).payment().id())) {
        throw new ValidationException("instructions[" + i + "].paymentId", instructions().get(i).paymentId(),
            "must be the payment of matches[" + i + "]");
      }
    }
  }
}
