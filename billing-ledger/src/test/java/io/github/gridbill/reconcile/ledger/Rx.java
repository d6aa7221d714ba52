package io.github.gridbill.reconcile.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.gridbill.core.BillingException;
import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.ledger.EntrySide;
import io.github.gridbill.ledger.JournalEntry;
import io.github.gridbill.ledger.JournalLine;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.ledger.ManualEntry;
import io.github.gridbill.ledger.PaymentMethod;
import io.github.gridbill.ledger.journal.InMemoryJournalStore;
import io.github.gridbill.reconcile.statement.BalanceType;
import io.github.gridbill.reconcile.statement.BankStatement;
import io.github.gridbill.reconcile.statement.CreditDebit;
import io.github.gridbill.reconcile.statement.StatementBalance;
import io.github.gridbill.reconcile.statement.StatementFormat;
import io.github.gridbill.reconcile.statement.StatementLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Test fixtures: money, dates, invoices, statements, a ledger on a fixed clock, and typed-error assertions. */
final class Rx {
  static final CurrencyUnit EUR = CurrencyUnit.EUR;
  static final CurrencyUnit USD = CurrencyUnit.USD;
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

  private Rx() {}

  static Money eur(String amount) {
    return Money.of(EUR, new BigDecimal(amount));
  }

  static Money usd(String amount) {
    return Money.of(USD, new BigDecimal(amount));
  }

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static Ledger ledger() {
    return Ledger.open(new InMemoryJournalStore(), CLOCK);
  }

  /** A one-line energy invoice. */
  static Invoice invoice(String number, String accountId, String issue, String due, Money amount) {
    InvoiceLine line = InvoiceLine.builder().kind(LineKind.ENERGY).description("Energy").amount(amount)
        .source("energy").build();
    return Invoice.builder().number(number).accountId(accountId).currency(amount.getCurrencyUnit())
        .issueDate(d(issue)).dueDate(d(due)).addLine(line).build();
  }

  /** Issues an invoice under the key {@code "inv/<number>"}. */
  static void issue(Ledger ledger, String number, String accountId, String issue, String due, Money amount) {
    ledger.issueInvoice("inv/" + number, invoice(number, accountId, issue, due, amount));
  }

  /** A manual entry moving money into (positive) or out of a cash account, against a general account. */
  static void cashEntry(Ledger ledger, String key, PaymentMethod method, Money amount, String date,
      Optional<String> externalReference) {
    ManualEntry.Builder b = ManualEntry.builder().from(manualCash(method, amount, date)).description("cash " + key);
    externalReference.ifPresent(r -> b.putAttribute("externalReference", r));
    ledger.post(key, b.build());
  }

  /**
   * A manual entry moving money into (positive: Dr cash / Cr {@code GENERAL:SUSPENSE}) or out of (Dr
   * {@code GENERAL:BANK-CHARGES} / Cr cash) a cash account, without any reference.
   */
  static ManualEntry manualCash(PaymentMethod method, Money amount, String date) {
    Money abs = amount.abs();
    JournalLine cash = amount.isPositive() ? JournalLine.debit(LedgerAccount.cash(method), abs)
        : JournalLine.credit(LedgerAccount.cash(method), abs);
    JournalLine other = amount.isPositive() ? JournalLine.credit(LedgerAccount.general("SUSPENSE"), abs)
        : JournalLine.debit(LedgerAccount.general("BANK-CHARGES"), abs);
    return ManualEntry.builder().effectiveDate(d(date)).description("cash").addLine(cash).addLine(other).build();
  }

  /** A booked statement line; {@code signed} positive for a credit. */
  static StatementLine line(String statementId, int entry, String signed, String date, String... remittance) {
    Money m = Money.parse(signed.startsWith("-") ? "EUR " + signed.substring(1) : "EUR " + signed);
    return StatementLine.builder().id(statementId + "#" + entry).amount(m)
        .direction(signed.startsWith("-") ? CreditDebit.DEBIT : CreditDebit.CREDIT).bookingDate(d(date))
        .valueDate(d(date)).status("BOOK").bankReference("BNK-" + statementId + "-" + entry)
        .addRemittanceText(remittance).entryNumber(entry).location("Ntry[" + entry + "]").build();
  }

  /** A EUR statement over lines, with opening and closing booked balances (closing = opening + lines). */
  static BankStatement statement(String id, String from, String to, String opening, List<StatementLine> lines) {
    Money open = eur(opening);
    Money close = open;
    for (StatementLine l : lines) {
      if (l.status().orElse("BOOK").equals("BOOK")) {
        close = close.plus(l.signedAmount());
      }
    }
    return statement(id, from, to, open, close, lines);
  }

  static BankStatement statement(String id, String from, String to, Money opening, Money closing,
      List<StatementLine> lines) {
    return BankStatement.builder().format(StatementFormat.CAMT_053).id(id).accountId("NL91ABNA0417164300")
        .currency(EUR).addBalance(StatementBalance.of(BalanceType.OPENING_BOOKED, "OPBD", opening,
            Optional.of(d(from))))
        .addBalance(StatementBalance.of(BalanceType.CLOSING_BOOKED, "CLBD", closing, Optional.of(d(to))))
        .lines(lines).build();
  }

  static List<StatementLine> lines(StatementLine... lines) {
    return new ArrayList<>(List.of(lines));
  }

  /**
   * The lines of an entry as text: {@code "Dr CASH:EFT EUR 120.00"}, {@code "Cr RECEIVABLE:ACC-1 EUR 5.00 (INV-1)"}.
   */
  static List<String> text(JournalEntry e) {
    List<String> out = new ArrayList<>();
    for (JournalLine l : e.lines()) {
      out.add((l.side() == EntrySide.DEBIT ? "Dr " : "Cr ") + l.account() + " " + l.amount()
          + l.itemRef().map(r -> " (" + r + ")").orElse(""));
    }
    return out;
  }

  static InputStream resource(String path) {
    return Objects.requireNonNull(Rx.class.getResourceAsStream("/fixtures/" + path), path);
  }

  static byte[] bytes(String path) {
    try (InputStream in = resource(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts the exact type and message of a typed error, and the house message shape. */
  static <T extends Throwable> T thrown(Class<T> exactType, String message, ThrowingCallable call) {
    Throwable t = catchThrowable(call);
    assertThat(t).as("the call should have thrown").isNotNull();
    assertThat(t).isExactlyInstanceOf(exactType).hasMessage(message);
    if (t instanceof BillingException b) {
      assertThat(b.field() + " " + b.reason() + ": " + b.value()).as("house message shape").isEqualTo(message);
    }
    return exactType.cast(t);
  }
}
