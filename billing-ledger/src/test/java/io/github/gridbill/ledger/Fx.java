package io.github.gridbill.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.ledger.journal.InMemoryJournalStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Test fixtures: money, dates, invoices, and a ledger on a fixed clock. */
final class Fx {
  static final CurrencyUnit USD = CurrencyUnit.USD;
  static final CurrencyUnit EUR = CurrencyUnit.EUR;
  static final List<PaymentMethod> METHODS = List.of(PaymentMethod.values());
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

  private Fx() {}

  static Money usd(String amount) {
    return Money.of(USD, new BigDecimal(amount));
  }

  static Money eur(String amount) {
    return Money.of(EUR, new BigDecimal(amount));
  }

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static Ledger ledger() {
    return Ledger.open(new InMemoryJournalStore(), CLOCK);
  }

  static InvoiceLine line(LineKind kind, Money amount) {
    return InvoiceLine.builder().kind(kind).description(kind.name()).amount(amount)
        .source(kind.name().toLowerCase(java.util.Locale.ROOT)).build();
  }

  static InvoiceLine tax(String source, Money amount) {
    return InvoiceLine.builder().kind(LineKind.TAX).description(source).amount(amount).source(source).build();
  }

  static Invoice invoice(String number, String accountId, String issue, String due, InvoiceLine... lines) {
    return Invoice.builder().number(number).accountId(accountId)
        .currency(lines[0].amount().getCurrencyUnit()).issueDate(d(issue)).dueDate(d(due)).addLines(lines).build();
  }

  /** A one-line energy invoice. */
  static Invoice simple(String number, String accountId, String issue, String due, Money amount) {
    return invoice(number, accountId, issue, due, line(LineKind.ENERGY, amount));
  }

  /** DOMAIN.md's invoice: energy 90.00, fixed 7.57, CGST 7.81, SGST 1.95; total USD 107.33. */
  static Invoice domainInvoice() {
    return invoice("INV-2024-000042", "ACC-1", "2024-04-05", "2024-05-05", line(LineKind.ENERGY, usd("90.00")),
        line(LineKind.FIXED, usd("7.57")), tax("CGST", usd("7.81")), tax("SGST", usd("1.95")));
  }

  static Payment payment(String id, String accountId, Money amount, PaymentMethod method, String date) {
    return Payment.builder().paymentId(id).accountId(accountId).amount(amount).method(method).receivedOn(d(date))
        .externalReference("ref-" + id).build();
  }

  /** The lines of an entry as text: {@code "Dr RECEIVABLE:ACC-1 USD 107.33 (INV-1)"}. */
  static List<String> lines(JournalEntry e) {
    return e.lines().stream().map(l -> (l.side() == EntrySide.DEBIT ? "Dr " : "Cr ") + l.account() + " "
        + l.amount() + l.itemRef().map(r -> " (" + r + ")").orElse("")).toList();
  }

  /** Every entry balances in each currency, and the trial balance sums to zero, as of a day. */
  static void assertBooksBalance(Ledger ledger, LocalDate asOf) {
    Map<CurrencyUnit, Money> sums = new HashMap<>();
    for (TrialBalanceLine l : ledger.trialBalance(asOf)) {
      sums.merge(l.balance().getCurrencyUnit(), l.balance(), Money::plus);
    }
    sums.values().forEach(m -> assertThat(m.isZero()).as("trial balance in %s", m.getCurrencyUnit()).isTrue());
  }

  /** A snapshot of everything observable, for comparing two ledgers. */
  static List<Object> snapshot(Ledger ledger, LocalDate... dates) {
    List<Object> out = new java.util.ArrayList<>();
    out.add(ledger.lastSequence());
    out.add(ledger.checkpoint());
    out.add(ledger.customers());
    out.add(ledger.accounts());
    out.add(ledger.closedThrough());
    for (LocalDate day : dates) {
      out.add(ledger.trialBalance(day));
      out.add(ledger.openItems(day));
      out.add(ledger.unidentifiedPayments(day));
      out.add(ledger.aging(day));
      for (String c : ledger.customers()) {
        out.add(ledger.openCredits(c, day));
      }
    }
    return out;
  }
}
