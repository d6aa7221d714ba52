package io.github.gridbill.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.ledger.AccountKind;
import io.github.gridbill.ledger.AgingTotal;
import io.github.gridbill.ledger.EntrySide;
import io.github.gridbill.ledger.EntryType;
import io.github.gridbill.ledger.JournalEntry;
import io.github.gridbill.ledger.JournalLine;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.OpenItem;
import io.github.gridbill.ledger.TrialBalanceLine;
import io.github.gridbill.rating.run.ProgressListener;
import io.github.gridbill.reconcile.cash.ExceptionReason;
import io.github.gridbill.reconcile.ledger.PlannedLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo at a small size, run twice over the same folder: its totals tie out (every invoice is the AR movement the
 * ledger booked for it, the aging total is the open items and the AR control account, the trial balance is zero, the
 * journal verifies) and the second run posts nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoRunTest {

  private static final int ACCOUNTS = 240;

  private Path folder = Path.of("unset");

  private DemoScenario scenario = DemoScenario.of(ACCOUNTS, 7L, 2);
  private DemoRun.Outcome first = new DemoRun.Outcome();
  private DemoRun.Outcome second = new DemoRun.Outcome();
  private String firstText = "";
  private String secondText = "";

  @BeforeAll
  void runTwice(@TempDir Path dir) {
    folder = dir;
    StringWriter w1 = new StringWriter();
    first = new DemoRun(scenario, folder, new PrintWriter(w1, true), ProgressListener.NONE).run();
    firstText = w1.toString();
    StringWriter w2 = new StringWriter();
    second = new DemoRun(scenario, folder, new PrintWriter(w2, true), ProgressListener.NONE).run();
    secondText = w2.toString();
  }

  @Test
  void everyAccountIsInvoicedOnceWithNumbersWithoutGapsInBothBooks() {
    int invoices = 0;
    for (DemoBook b : DemoBook.values()) {
      List<Invoice> list = DemoBook.in(first.billing().invoices, b);
      assertThat(list).isNotEmpty();
      for (int i = 0; i < list.size(); i++) {
        assertThat(list.get(i).number()).isEqualTo(String.format("%s-202503-%06d", b.prefix(), i + 1));
        assertThat(list.get(i).currency()).isEqualTo(b.currency());
      }
      invoices += list.size();
    }
    assertThat(invoices).isEqualTo(ACCOUNTS);
    assertThat(first.billing().failures).isEmpty();
  }

  @Test
  void eachInvoiceIsTheReceivableMovementTheLedgerBookedForIt() {
    for (DemoBook b : DemoBook.values()) {
      try (DemoLedger l = DemoLedger.open(b, folder)) {
        Ledger ledger = l.ledger();
        Map<String, Money> arByItem = new HashMap<>();
        for (long s = 1; s <= ledger.lastSequence(); s++) {
          JournalEntry e = ledger.entry(s);
          if (e.type() != EntryType.INVOICE) {
            continue;
          }
          for (JournalLine line : e.lines()) {
            // a credit bill (net billing) is a credit on the customer's unapplied-cash account, not on receivables
            AccountKind k = line.account().kind();
            if (k == AccountKind.RECEIVABLE || k == AccountKind.UNAPPLIED_CASH) {
              Money signed = line.side() == EntrySide.DEBIT ? line.amount() : line.amount().negated();
              arByItem.merge(line.itemRef().orElseThrow(), signed, Money::plus);
            }
          }
        }
        Money invoiced = Money.zero(b.currency());
        Money booked = Money.zero(b.currency());
        for (Invoice inv : DemoBook.in(first.billing().invoices, b)) {
          assertThat(arByItem.get(inv.number())).as(inv.number()).isEqualTo(inv.total());
          invoiced = invoiced.plus(inv.total());
          booked = booked.plus(arByItem.get(inv.number()));
        }
        assertThat(booked).isEqualTo(invoiced);
        Money openingBalances = Money.zero(b.currency());
        for (DemoAccount a : first.billing().accounts) {
          if (a.book() == b && a.arrearsMinor() > 0) {
            openingBalances = openingBalances.plus(Money.ofMinor(b.currency(), a.arrearsMinor()));
          }
        }
        Money allInvoiceEntries = arByItem.values().stream().reduce(Money.zero(b.currency()), Money::plus);
        assertThat(allInvoiceEntries).isEqualTo(invoiced.plus(openingBalances));
      }
    }
  }

  @Test
  void agingTotalIsTheOpenItemsAndTheArControlAccountAndTheTrialBalanceIsZero() {
    for (DemoBook b : DemoBook.values()) {
      CurrencyUnit c = b.currency();
      AgingTotal t = DemoBook.in(first.aging, b).totals().stream().filter(x -> x.currency().equals(c)).findFirst()
          .orElseThrow();
      try (DemoLedger l = DemoLedger.open(b, folder)) {
        Ledger ledger = l.ledger();
        Money receivableItems = Money.zero(c);
        for (OpenItem i : ledger.openItems(scenario.asOf())) {
          if (i.account().kind() == AccountKind.RECEIVABLE && i.currency().equals(c)) {
            receivableItems = receivableItems.plus(i.openAmount());
          }
        }
        assertThat(t.total()).isEqualTo(receivableItems);
        assertThat(t.total()).isEqualTo(ledger.arControl(c, scenario.asOf()));
        assertThat(t.tiesToControl()).isTrue();
        Money debits = Money.zero(c);
        for (TrialBalanceLine line : ledger.trialBalance(scenario.asOf())) {
          debits = debits.plus(line.balance());
        }
        assertThat(debits.isZero()).as("trial balance of %s sums to zero", b).isTrue();
      }
      assertThat(DemoBook.in(first.verification, b).isIntact()).isTrue();
      assertThat(DemoBook.in(second.verification, b).isIntact()).isTrue();
    }
  }

  @Test
  void bankLinesArePostedThroughTheLedgerAndTheBooksReconcile() {
    for (DemoBook b : DemoBook.values()) {
      DemoCash.Result cash = DemoBook.in(first.cash, b);
      assertThat(cash.posted().plan().lineCount()).isPositive();
      assertThat(cash.posted().newPostingCount()).isPositive();
      assertThat(cash.matchesByRule()).isNotEmpty();
      Money received = cash.posted().plan().received().get(b.currency());
      Money applied = cash.posted().plan().applied().getOrDefault(b.currency(), Money.zero(b.currency()));
      Money unapplied = cash.posted().plan().unapplied().getOrDefault(b.currency(), Money.zero(b.currency()));
      Money held = cash.unidentified().stream().map(l -> l.payment().amount()).reduce(Money.zero(b.currency()),
          Money::plus);
      // unapplied: the unidentified lines held, and what matched lines left on their payers' accounts as credit
      assertThat(applied.plus(unapplied)).as("applied + unapplied = received in %s", b).isEqualTo(received);
      assertThat(unapplied.isLessThan(held)).isFalse();
      assertThat(DemoBook.in(first.receivables, b).isReconciled()).as("receivables of %s", b).isTrue();
      assertThat(cash.bank()).isNotEmpty().allSatisfy(r -> assertThat(r.isReconciled()).isTrue());
      assertThat(DemoBook.in(second.cash, b).posted().isReplay()).isTrue();
      assertThat(DemoBook.in(second.cash, b).unidentified()).hasSameSizeAs(cash.unidentified());
    }
    assertThat(firstText).contains("receivables reconciliation").contains("reconciled, no difference");
  }

  @Test
  void onlyTheDeliberatelyUnidentifiedPayersEndAsNoPayerExceptions() {
    Map<String, DemoAccount> accounts = new HashMap<>();
    first.billing().accounts.forEach(a -> accounts.put(a.id(), a));
    Map<String, DemoPayment> byEndToEndId = new HashMap<>();
    int deliberate = 0;
    for (DemoPayment p : first.payments) {
      byEndToEndId.put(p.id(), p);
      if (p.viaBankStatement()
          && Objects.requireNonNull(accounts.get(p.accountId())).payer() == DemoAccount.Payer.UNIDENTIFIED) {
        deliberate++;
      }
    }
    int noPayer = 0;
    for (DemoBook b : DemoBook.values()) {
      for (PlannedLine l : DemoBook.in(first.cash, b).posted().plan().lines()) {
        if (l.exception().map(e -> e.reason() == ExceptionReason.NO_PAYER).orElse(false)) {
          noPayer++;
          DemoPayment p = Objects.requireNonNull(byEndToEndId.get(l.statementLine().orElseThrow().endToEndId()
              .orElseThrow()));
          assertThat(Objects.requireNonNull(accounts.get(p.accountId())).payer())
              .as("payer of NO_PAYER line %s (%s, \"%s\")", p.id(), p.payerName(), p.remittance())
              .isEqualTo(DemoAccount.Payer.UNIDENTIFIED);
        }
      }
    }
    assertThat(noPayer).isEqualTo(deliberate);
    // the generator makes UNIDENTIFIED_PERCENT of all accounts unidentifiable payers: the NO_PAYER count is a binomial
    // draw with that rate (a little under it, as a credit bill or a late payment makes no bank line), within three
    // standard deviations of its mean
    double rate = DemoAccount.UNIDENTIFIED_PERCENT / 100.0;
    double mean = ACCOUNTS * rate;
    double threeSigma = 3 * Math.sqrt(ACCOUNTS * rate * (1 - rate));
    assertThat((double) noPayer).as("NO_PAYER lines of %d accounts", ACCOUNTS).isPositive()
        .isBetween(mean - threeSigma, mean + threeSigma);
  }

  @Test
  void theSecondRunOverTheSameFolderPostsNothingAndReportsTheSame() {
    for (DemoBook b : DemoBook.values()) {
      assertThat(DemoBook.in(first.entriesBefore, b)).isZero();
      assertThat(DemoBook.in(first.counts, b).totalNew()).isPositive();
      assertThat(DemoBook.in(second.counts, b).totalNew()).as("new postings on the second run in %s", b).isZero();
      assertThat(DemoBook.in(second.counts, b).totalReplayed()).isEqualTo(DemoBook.in(first.counts, b).totalNew());
      assertThat(DemoBook.in(second.checkpoint, b)).isEqualTo(DemoBook.in(first.checkpoint, b));
      assertThat(DemoBook.in(second.aging, b)).isEqualTo(DemoBook.in(first.aging, b));
      assertThat(DemoBook.in(second.billing().invoices, b)).isEqualTo(DemoBook.in(first.billing().invoices, b));
    }
    assertThat(secondText).contains("already there").contains("journal verify: OK");
  }

  @Test
  void theLiveBillEqualsTheBatchBillAndTheFilesAreWritten() {
    assertThat(first.live().finalBill().bill()).isEqualTo(first.billing().featuredBill.bill());
    assertThat(first.live().equalsBatch()).isTrue();
    assertThat(first.files).allSatisfy(p -> assertThat(Files.size(p)).isPositive());
    assertThat(folder.resolve("report.html")).content().contains("<svg").contains("</html>");
    assertThat(firstText).contains("[1] The company").contains("[7] The featured customer's bill, explained")
        .contains("How each charge was worked out").contains("the sub-ledger ties to the control account");
    // each alert in words, at the featured account's wall clock
    assertThat(first.live().alerts()).isNotEmpty();
    java.time.ZoneId zone = first.live().finalBill().bill().period().zone();
    assertThat(firstText).contains(first.live().alerts().stream().map(a -> "    " + a.kind() + "  " + a.describe(zone)
        + System.lineSeparator()).toList());
  }
}
