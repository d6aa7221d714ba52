package io.github.gridbill.bench.ledger;

import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.quantity.Unit;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.ledger.JournalEntry;
import io.github.gridbill.ledger.JournalLine;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.ledger.ManualEntry;
import io.github.gridbill.ledger.Payment;
import io.github.gridbill.ledger.PaymentApplication;
import io.github.gridbill.ledger.PaymentMethod;
import io.github.gridbill.ledger.PostingResult;
import io.github.gridbill.ledger.journal.InMemoryJournalStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Realistic, seeded ledger requests: a utility's monthly cycle per customer account.
 *
 * <p>Month {@code m} of customer {@code c}: an invoice issued on the 2nd of the next month (energy: 150 to 1,500 kWh
 * at USD 0.1432 with quantity and rate; a customer charge of USD 0.40 a day; a 6.25 % sales tax; a billing period;
 * 4 journal lines), a payment of its total about two weeks later (EFT, card, direct debit, online or cheque, with a
 * bank reference; 2 lines) and a balance-forward application of that payment (2 lines). Manual entries are bank fees:
 * {@code Dr GENERAL:bank-fees / Cr CASH:EFT}, USD 0.25 to 5.00 (2 lines). Every request has its own idempotency key
 * ({@code inv/INV-202401-0000001}, {@code pay/…}, {@code app/…}, {@code fee/…}), 20 to 25 characters.
 */
final class LedgerInputs {
  static final CurrencyUnit USD = CurrencyUnit.USD;
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final YearMonth FIRST = YearMonth.of(2024, 1);
  private static final BigDecimal ENERGY_RATE = new BigDecimal("0.1432");
  private static final BigDecimal DAILY_CHARGE = new BigDecimal("0.40");
  private static final BigDecimal TAX_RATE = new BigDecimal("0.0625");
  private static final PaymentMethod[] METHODS = {PaymentMethod.EFT, PaymentMethod.EFT, PaymentMethod.DIRECT_DEBIT,
      PaymentMethod.DIRECT_DEBIT, PaymentMethod.CARD, PaymentMethod.CARD, PaymentMethod.ONLINE, PaymentMethod.CHEQUE};

  private LedgerInputs() {}

  /** One request: posts itself to a ledger. */
  interface Request {
    PostingResult postTo(Ledger ledger);
  }

  static String account(int customer) {
    return "ACC-" + pad(customer, 7);
  }

  private static String pad(long n, int width) {
    String s = Long.toString(n);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }

  private static String period(int month) {
    YearMonth ym = FIRST.plusMonths(month);
    return ym.getYear() + pad(ym.getMonthValue(), 2);
  }

  /** The customers' requests of one month, generated from a seed per month. */
  static final class Month {
    final List<Request> invoices;
    final List<Request> payments;
    final List<Request> applications;

    Month(int customers, int month, long seed) {
      SplittableRandom r = new SplittableRandom(seed * 1_000_003L + month);
      invoices = new ArrayList<>(customers);
      payments = new ArrayList<>(customers);
      applications = new ArrayList<>(customers);
      BillingPeriod period = BillingPeriod.ofMonth(FIRST.plusMonths(month), ZONE);
      LocalDate issue = period.endExclusive().plusDays(1);
      for (int c = 0; c < customers; c++) {
        Invoice invoice = invoice(r, c, month, period, issue);
        String inv = "inv/" + invoice.number();
        invoices.add(l -> l.issueInvoice(inv, invoice));
        String id = "PAY-" + period(month) + "-" + pad(c, 7);
        LocalDate received = issue.plusDays(5 + r.nextInt(16));
        Payment payment = Payment.builder().paymentId(id).accountId(account(c)).amount(invoice.total())
            .method(METHODS[r.nextInt(METHODS.length)]).receivedOn(received)
            .externalReference("BANK-" + pad(r.nextLong(1_000_000_000_000L), 12)).build();
        String pay = "pay/" + id;
        payments.add(l -> l.recordPayment(pay, payment));
        PaymentApplication application = PaymentApplication.balanceForward(id, received);
        String app = "app/" + id;
        applications.add(l -> l.applyPayment(app, application));
      }
    }

    /** Invoices, then each payment followed by its application. */
    List<Request> cycle() {
      List<Request> out = new ArrayList<>(invoices.size() * 3);
      out.addAll(invoices);
      for (int i = 0; i < payments.size(); i++) {
        out.add(payments.get(i));
        out.add(applications.get(i));
      }
      return out;
    }
  }

  static Invoice invoice(SplittableRandom r, int customer, int month, BillingPeriod period, LocalDate issue) {
    long kwh = 150L + r.nextInt(1_351);
    Money energy = Money.of(USD, ENERGY_RATE.multiply(BigDecimal.valueOf(kwh)), RoundingMode.HALF_EVEN);
    int days = period.days();
    Money fixed = Money.of(USD, DAILY_CHARGE.multiply(BigDecimal.valueOf(days)), RoundingMode.HALF_EVEN);
    Money tax = energy.plus(fixed).multipliedBy(TAX_RATE, RoundingMode.HALF_EVEN);
    return Invoice.builder().number("INV-" + period(month) + "-" + pad(customer, 7)).accountId(account(customer))
        .currency(USD).issueDate(issue).dueDate(issue.plusDays(21)).period(period)
        .addLines(InvoiceLine.builder().kind(LineKind.ENERGY).description("Energy").quantity(Quantity.of(kwh,
            Unit.KWH)).rate(ENERGY_RATE).amount(energy).source("tariff:RES-1").build())
        .addLines(InvoiceLine.builder().kind(LineKind.FIXED).description("Customer charge")
            .quantity(Quantity.of(days, Unit.DAY)).rate(DAILY_CHARGE).amount(fixed).source("tariff:RES-1").build())
        .addLines(InvoiceLine.builder().kind(LineKind.TAX).description("Sales tax 6.25%").amount(tax)
            .source("STATE-SALES").build())
        .build();
  }

  /** {@code count} bank fees (2 lines each), dated in the first month. */
  static List<Request> bankFees(int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    LedgerAccount fees = LedgerAccount.general("bank-fees");
    LedgerAccount cash = LedgerAccount.cash(PaymentMethod.EFT);
    List<Request> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Money m = Money.ofMinor(USD, 25 + r.nextInt(476));
      ManualEntry e = ManualEntry.builder().effectiveDate(FIRST.atDay(1 + r.nextInt(28)))
          .description("Bank fee " + i).addLines(JournalLine.debit(fees, m), JournalLine.credit(cash, m)).build();
      String key = "fee/" + pad(i, 12);
      out.add(l -> l.post(key, e));
    }
    return out;
  }

  /** Posts every request. */
  static long postAll(Ledger ledger, List<Request> requests) {
    long last = 0;
    for (Request q : requests) {
      last = q.postTo(ledger).sequence();
    }
    return last;
  }

  /** The entries the requests post, after a prefix, from a scratch in-memory ledger on a fixed clock. */
  static List<JournalEntry> entriesOf(List<Request> prefix, List<Request> requests) {
    List<JournalEntry> out = new ArrayList<>(requests.size());
    try (Ledger scratch = Ledger.open(new InMemoryJournalStore(), Clock.systemUTC())) {
      postAll(scratch, prefix);
      for (Request q : requests) {
        out.add(q.postTo(scratch).entry());
      }
    }
    return out;
  }

  /** Where the benchmarks keep their journals: {@code java.io.tmpdir/gridbill-bench}. */
  static Path benchRoot() {
    return Path.of(System.getProperty("java.io.tmpdir"), "gridbill-bench");
  }

  /** A fresh, empty folder for a journal. */
  static Path freshFolder(Path dir) {
    deleteTree(dir);
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
