package io.github.gridbill.examples.demo;

import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.ledger.AgingReport;
import io.github.gridbill.ledger.Allocation;
import io.github.gridbill.ledger.DunningLevel;
import io.github.gridbill.ledger.DunningPolicy;
import io.github.gridbill.ledger.DunningRun;
import io.github.gridbill.ledger.LateFeePolicy;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.Payment;
import io.github.gridbill.ledger.PaymentApplication;
import io.github.gridbill.ledger.PaymentMethod;
import io.github.gridbill.ledger.PostingResult;
import io.github.gridbill.ledger.journal.FileJournalStore;
import io.github.gridbill.ledger.journal.VerificationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.money.Money;

/**
 * Step 3 of the demo: one durable ledger per book, each a hash-chained journal in its own folder under the demo
 * folder. Every posting has a key derived from what it posts (the invoice number, the payment id, the date of a late
 * fee run), so running the demo again over the same folder replays the journal and posts nothing twice: the counts
 * of new and already-posted entries show it.
 */
final class DemoLedger implements AutoCloseable {

  /** New and already-posted postings, by what was posted. */
  static final class Counts {
    private final Map<String, int[]> counts = new TreeMap<>();

    void add(String what, PostingResult r) {
      int[] c = counts.computeIfAbsent(what, k -> new int[2]);
      c[r.replayed() ? 1 : 0]++;
    }

    void addAll(String what, int newCount, int replayedCount) {
      int[] c = counts.computeIfAbsent(what, k -> new int[2]);
      c[0] += newCount;
      c[1] += replayedCount;
    }

    int newCount(String what) {
      int[] c = counts.get(what);
      return c == null ? 0 : c[0];
    }

    int replayedCount(String what) {
      int[] c = counts.get(what);
      return c == null ? 0 : c[1];
    }

    int totalNew() {
      return counts.values().stream().mapToInt(c -> c[0]).sum();
    }

    int totalReplayed() {
      return counts.values().stream().mapToInt(c -> c[1]).sum();
    }

    Map<String, int[]> all() {
      return counts;
    }
  }

  private final DemoBook book;
  private final Path folder;
  private final Ledger ledger;
  private final Counts counts = new Counts();
  private final long entriesBefore;

  private DemoLedger(DemoBook book, Path folder, Ledger ledger) {
    this.book = book;
    this.folder = folder;
    this.ledger = ledger;
    this.entriesBefore = ledger.lastSequence();
  }

  /** Opens (or creates) the book's ledger in {@code demoFolder/ledger-<book>}, replaying what is already there. */
  static DemoLedger open(DemoBook book, Path demoFolder) {
    Path f = demoFolder.resolve("ledger-" + book.name());
    try {
      Files.createDirectories(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DemoLedger(book, f, Ledger.open(FileJournalStore.open(f)));
  }

  DemoBook book() {
    return book;
  }

  Ledger ledger() {
    return ledger;
  }

  Path folder() {
    return folder;
  }

  Counts counts() {
    return counts;
  }

  /** How many entries the journal held when it was opened (0 on a first run). */
  long entriesBefore() {
    return entriesBefore;
  }

  /**
   * The balance an account brought over from the previous billing system: an invoice of one ADJUSTMENT line, due
   * {@link DemoAccount#arrearsDays()} before the report date.
   */
  static Invoice openingBalance(DemoAccount a, LocalDate asOf) {
    LocalDate due = asOf.minusDays(a.arrearsDays());
    Money amount = Money.ofMinor(a.book().currency(), a.arrearsMinor());
    return Invoice.builder().number(a.book().prefix() + "-OB-" + a.id().substring(a.id().length() - 6))
        .accountId(a.id()).currency(a.book().currency()).issueDate(due.minusDays(a.book().netDays()))
        .dueDate(due).addLine(InvoiceLine.builder().kind(LineKind.ADJUSTMENT)
            .description("Balance brought forward from the previous billing system").amount(amount)
            .source("migration").build())
        .build();
  }

  /** Posts the opening balances and this month's invoices of the book, in one durable batch. */
  void postInvoices(List<DemoAccount> accounts, List<Invoice> invoices, LocalDate asOf) {
    ledger.batch(() -> {
      for (DemoAccount a : accounts) {
        if (a.book() == book && a.arrearsMinor() > 0) {
          Invoice ob = openingBalance(a, asOf);
          counts.add("opening balance", ledger.issueInvoice("opening:" + ob.number(), ob));
        }
      }
      for (Invoice inv : invoices) {
        counts.add("invoice", ledger.issueInvoice("invoice:" + inv.number(), inv));
      }
    });
  }

  static PaymentMethod method(DemoAccount.Method m) {
    return switch (m) {
      case CARD -> PaymentMethod.CARD;
      case CHEQUE -> PaymentMethod.CHEQUE;
      case BANK_TRANSFER -> PaymentMethod.EFT;
      case ONLINE -> PaymentMethod.ONLINE;
    };
  }

  /**
   * Records the payments the payment gateway reports (card and online): each names its account and invoice, so it
   * is applied to that invoice; what is paid beyond its open amount stays on the account as a credit.
   */
  void gatewayPayments(List<DemoPayment> payments) {
    ledger.batch(() -> {
      for (DemoPayment p : payments) {
        if (p.book() != book || p.viaBankStatement()) {
          continue;
        }
        counts.add("payment (gateway)", ledger.recordPayment("payment:" + p.id(), Payment.builder()
            .paymentId(p.id()).accountId(p.accountId()).amount(p.amount()).method(method(p.method()))
            .receivedOn(p.date()).externalReference(p.invoiceNumber()).build()));
        counts.add("application (gateway)", ledger.applyPayment("apply:" + p.id(),
            PaymentApplication.openItem(p.id(), p.date(), Allocation.of(p.invoiceNumber()))));
      }
    });
  }

  /**
   * Late fees as of the report date: 1.5% of what is more than 30 days past due, at least a flat fee, nothing on small
   * overdue amounts.
   */
  void lateFees(LocalDate asOf) {
    boolean inr = book == DemoBook.INR;
    LateFeePolicy policy = LateFeePolicy.builder().currency(book.currency()).rate(new BigDecimal("0.015"))
        .flatFee(Money.of(book.currency(), inr ? new BigDecimal("50") : new BigDecimal("5")))
        .minimumOverdue(Money.of(book.currency(), inr ? new BigDecimal("500") : new BigDecimal("25")))
        .graceDays(30).build();
    for (PostingResult r : ledger.assessLateFees("late-fee:" + asOf + ":", asOf, policy)) {
      counts.add("late fee", r);
    }
  }

  /** The dunning policy: reminder, second notice, final notice, collection. */
  DunningPolicy dunningPolicy() {
    boolean inr = book == DemoBook.INR;
    Money min = Money.of(book.currency(), inr ? new BigDecimal("200") : new BigDecimal("10"));
    return DunningPolicy.builder().currency(book.currency()).graceDays(5)
        .addLevel(DunningLevel.builder().level(1).name("Reminder").daysPastDue(1).minimumAmount(min).build())
        .addLevel(DunningLevel.builder().level(2).name("Second notice").daysPastDue(30).minimumAmount(min).build())
        .addLevel(DunningLevel.builder().level(3).name("Final notice").daysPastDue(60)
            .minimumAmount(min.multipliedBy(5)).build())
        .addLevel(DunningLevel.builder().level(4).name("Collection").daysPastDue(90)
            .minimumAmount(min.multipliedBy(10)).build())
        .build();
  }

  /** Runs dunning as of the report date; a re-run replays the same run and issues no notice twice. */
  DunningRun dunning(LocalDate asOf) {
    DunningRun run = ledger.runDunning("dunning:" + asOf, asOf, dunningPolicy());
    counts.add("dunning run", run.posting());
    return run;
  }

  AgingReport aging(LocalDate asOf) {
    return ledger.aging(asOf);
  }

  VerificationReport verify() {
    return ledger.verify();
  }

  @Override
  public void close() {
    ledger.close();
  }
}
