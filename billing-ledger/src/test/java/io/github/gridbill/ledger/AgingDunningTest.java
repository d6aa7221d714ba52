package io.github.gridbill.ledger;

import static io.github.gridbill.ledger.Fx.EUR;
import static io.github.gridbill.ledger.Fx.USD;
import static io.github.gridbill.ledger.Fx.d;
import static io.github.gridbill.ledger.Fx.eur;
import static io.github.gridbill.ledger.Fx.line;
import static io.github.gridbill.ledger.Fx.payment;
import static io.github.gridbill.ledger.Fx.simple;
import static io.github.gridbill.ledger.Fx.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.ledger.journal.InMemoryJournalStore;
import java.time.LocalDate;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Disputes, aging buckets, dunning levels and customer statements, with hand-computed numbers. */
class AgingDunningTest {
  final Ledger ledger = Fx.ledger();

  private void invoice(String number, String account, String due, Money amount) {
    LocalDate dueDate = d(due);
    ledger.issueInvoice("k-" + number, simple(number, account, dueDate.minusDays(30).toString(), due, amount));
  }

  @Test
  void agingPutsEachItemInItsBucketAndDisputedApart() {
    invoice("INV-A", "ACC-1", "2024-07-15", usd("10.00"));
    invoice("INV-B", "ACC-1", "2024-06-30", usd("20.00"));
    invoice("INV-C", "ACC-1", "2024-06-29", usd("30.00"));
    invoice("INV-D", "ACC-1", "2024-05-31", usd("40.00"));
    invoice("INV-E", "ACC-1", "2024-05-30", usd("50.00"));
    invoice("INV-F", "ACC-1", "2024-04-01", usd("60.00"));
    invoice("INV-G", "ACC-1", "2024-03-31", usd("70.00"));
    invoice("INV-H", "ACC-1", "2024-01-01", usd("80.00"));
    invoice("INV-I", "ACC-2", "2024-06-01", eur("15.00"));
    ledger.openDispute("dh", "INV-H", d("2024-02-01"), "never received");
    ledger.recordPayment("pp", payment("PRE-1", "ACC-1", usd("5.00"), PaymentMethod.CASH, "2024-06-30"));
    AgingReport r = ledger.aging(d("2024-06-30"));
    assertThat(r.labels()).containsExactly("Current", "1-30", "31-60", "61-90", "90+");
    assertThat(r.rows()).hasSize(2);
    AgingRow acc1 = r.rows().get(0);
    assertThat(acc1.accountId()).isEqualTo("ACC-1");
    assertThat(acc1.buckets()).containsExactly(usd("30.00"), usd("70.00"), usd("50.00"), usd("60.00"),
        usd("70.00"));
    assertThat(acc1.disputed()).isEqualTo(usd("80.00"));
    assertThat(acc1.total()).isEqualTo(usd("360.00"));
    assertThat(acc1.credits()).isEqualTo(usd("5.00"));
    AgingRow acc2 = r.rows().get(1);
    assertThat(acc2.currency()).isEqualTo(EUR);
    assertThat(acc2.buckets()).containsExactly(eur("0.00"), eur("15.00"), eur("0.00"), eur("0.00"), eur("0.00"));
    assertThat(r.totals()).extracting(AgingTotal::currency).containsExactly(EUR, USD);
    AgingTotal usdTotal = r.totals().get(1);
    assertThat(usdTotal.total()).isEqualTo(usd("360.00"));
    assertThat(usdTotal.arControl()).isEqualTo(usd("360.00"));
    assertThat(usdTotal.tiesToControl()).isTrue();
    assertThat(usdTotal.credits()).isEqualTo(usd("5.00"));
    assertThat(r.toCsv()).isEqualTo("account_id,currency,Current,1-30,31-60,61-90,90+,disputed,credits,total\r\n"
        + "ACC-1,USD,30.00,70.00,50.00,60.00,70.00,80.00,5.00,360.00\r\n"
        + "ACC-2,EUR,0.00,15.00,0.00,0.00,0.00,0.00,0.00,15.00\r\n");
    assertThat(r.totalsCsv()).isEqualTo("currency,Current,1-30,31-60,61-90,90+,disputed,total,credits,unidentified,"
        + "ar_control,ties_to_control\r\n"
        + "EUR,0.00,15.00,0.00,0.00,0.00,0.00,15.00,0.00,0.00,15.00,true\r\n"
        + "USD,30.00,70.00,50.00,60.00,70.00,80.00,360.00,5.00,0.00,360.00,true\r\n");
    // as of 05-31: INV-A is not issued yet; B, C and D are not past due; E is 1 day past due
    AgingReport earlier = ledger.aging(d("2024-05-31"));
    assertThat(earlier.rows().get(0).buckets()).containsExactly(usd("90.00"), usd("50.00"), usd("60.00"),
        usd("70.00"), usd("0.00"));
    assertThat(earlier.rows().get(0).credits()).isEqualTo(usd("0.00"));
  }

  @Test
  void agingByInvoiceDateWithOtherBuckets() {
    invoice("INV-1", "ACC-1", "2024-06-30", usd("10.00"));
    invoice("INV-2", "ACC-1", "2024-05-15", usd("20.00"));
    AgingPolicy byIssue = AgingPolicy.of(AgingBasis.INVOICE_DATE, List.of(30, 60, 90));
    AgingReport r = ledger.aging(d("2024-06-30"), byIssue);
    assertThat(r.labels()).containsExactly("0-30", "31-60", "61-90", "90+");
    // INV-1 issued 05-31 (30 days old), INV-2 issued 04-15 (76 days old)
    assertThat(r.rows().get(0).buckets()).containsExactly(usd("10.00"), usd("0.00"), usd("20.00"), usd("0.00"));
    assertThat(r.toCsv()).startsWith("account_id,currency,0-30,31-60,61-90,90+,disputed,credits,total\r\n"
        + "ACC-1,USD,10.00,0.00,20.00,0.00,0.00,0.00,30.00\r\n");
  }

  @Test
  void aDisputeIsShownApartAndSkippedByBalanceForwardUntilResolved() {
    invoice("INV-1", "ACC-1", "2024-03-01", usd("30.00"));
    invoice("INV-2", "ACC-1", "2024-04-01", usd("40.00"));
    PostingResult opened = ledger.openDispute("d1", "INV-1", d("2024-03-10"), "estimated read");
    assertThat(opened.entry().lines()).isEmpty();
    assertThat(opened.entry().notes()).containsExactly(ItemNote.of(LedgerAccount.receivable("ACC-1"), "INV-1",
        usd("30.00"), 0));
    assertThat(ledger.item("INV-1").orElseThrow().disputed()).isTrue();
    ledger.recordPayment("p", payment("PAY-1", "ACC-1", usd("50.00"), PaymentMethod.CARD, "2024-04-02"));
    PostingResult applied = ledger.applyPayment("a", PaymentApplication.balanceForward("PAY-1", d("2024-04-02")));
    assertThat(applied.allocations()).containsOnlyKeys("INV-2");
    ledger.resolveDispute("d2", "INV-1", d("2024-04-05"), "read confirmed");
    assertThat(ledger.openItems(d("2024-04-04"))).filteredOn(OpenItem::disputed).extracting(OpenItem::number)
        .containsExactly("INV-1");
    assertThat(ledger.openItems(d("2024-04-05"))).noneMatch(OpenItem::disputed);
    assertThat(ledger.openItems(d("2024-03-09"))).noneMatch(OpenItem::disputed);
    PostingResult rest = ledger.applyPayment("a2", PaymentApplication.balanceForward("PAY-1", d("2024-04-05")));
    assertThat(rest.allocations()).containsEntry("INV-1", usd("10.00"));
  }

  static final String DUNNING_CSV_HEADER = "as_of,account_id,level,level_name,invoice,due_date,days_past_due,"
      + "open_amount,currency,notice_total\r\n";

  static DunningPolicy policy() {
    return DunningPolicy.builder().currency(USD).graceDays(5)
        .addLevel(DunningLevel.of(1, "Reminder", 1, usd("5.00")))
        .addLevel(DunningLevel.of(2, "Second notice", 30, usd("5.00")))
        .addLevel(DunningLevel.of(3, "Final notice", 60, usd("5.00"))).build();
  }

  @Test
  void dunningRaisesEachItemToItsLevelOnceAndSkipsDisputesAndSmallNotices() {
    Ledger l = Ledger.open(new InMemoryJournalStore(), Fx.CLOCK);
    l.issueInvoice("1", simple("INV-1", "ACC-1", "2024-04-01", "2024-05-01", usd("100.00")));
    l.issueInvoice("2", simple("INV-2", "ACC-1", "2024-05-01", "2024-06-01", usd("3.00")));
    l.issueInvoice("3", simple("INV-3", "ACC-2", "2024-03-01", "2024-04-01", usd("50.00")));
    l.issueInvoice("4", simple("INV-4", "ACC-1", "2024-05-05", "2024-06-05", usd("4.00")));
    l.openDispute("d3", "INV-3", d("2024-04-02"), "tampered meter");
    DunningRun june = l.runDunning("dun-06-10", d("2024-06-10"), policy());
    assertThat(june.posting().isNew()).isTrue();
    assertThat(june.notices()).containsExactly(DunningNotice.builder().accountId("ACC-1").level(2)
        .levelName("Second notice").addItem(DunningItem.of("INV-1", d("2024-05-01"), 40, usd("100.00")))
        .total(usd("100.00")).build());
    assertThat(l.runDunning("dun-06-10-again", d("2024-06-10"), policy()).notices()).isEmpty();
    DunningRun july = l.runDunning("dun-07-10", d("2024-07-10"), policy());
    assertThat(july.notices()).extracting(DunningNotice::level).containsExactly(2, 3);
    DunningNotice second = july.notices().get(0);
    assertThat(second.items()).containsExactly(DunningItem.of("INV-2", d("2024-06-01"), 39, usd("3.00")),
        DunningItem.of("INV-4", d("2024-06-05"), 35, usd("4.00")));
    assertThat(second.total()).isEqualTo(usd("7.00"));
    assertThat(june.toCsv()).isEqualTo(DUNNING_CSV_HEADER
        + "2024-06-10,ACC-1,2,Second notice,INV-1,2024-05-01,40,100.00,USD,100.00\r\n");
    assertThat(july.toCsv()).isEqualTo(DUNNING_CSV_HEADER
        + "2024-07-10,ACC-1,2,Second notice,INV-2,2024-06-01,39,3.00,USD,7.00\r\n"
        + "2024-07-10,ACC-1,2,Second notice,INV-4,2024-06-05,35,4.00,USD,7.00\r\n"
        + "2024-07-10,ACC-1,3,Final notice,INV-1,2024-05-01,70,100.00,USD,100.00\r\n");
    assertThat(july.notices().get(1).items()).extracting(DunningItem::number).containsExactly("INV-1");
    DunningRun retry = l.runDunning("dun-07-10", d("2024-07-10"), policy());
    assertThat(retry.posting().replayed()).isTrue();
    assertThat(retry.notices()).isEqualTo(july.notices());
    l.resolveDispute("d3r", "INV-3", d("2024-07-01"), "meter fine");
    // the history survives a reopen: only INV-3 (95 days past due after grace) is new
    Ledger reopened = Ledger.open(l.store(), Fx.CLOCK);
    DunningRun after = reopened.runDunning("dun-07-10-b", d("2024-07-10"), policy());
    assertThat(after.notices()).singleElement().satisfies(n -> {
      assertThat(n.accountId()).isEqualTo("ACC-2");
      assertThat(n.level()).isEqualTo(3);
      assertThat(n.levelName()).isEqualTo("Final notice");
      assertThat(n.total()).isEqualTo(usd("50.00"));
    });
  }

  @Test
  void aStatementShowsOpeningMovementsAndClosing() {
    ledger.issueInvoice("i1", simple("INV-1", "ACC-1", "2024-04-01", "2024-05-01", usd("100.00")));
    ledger.recordPayment("p1", payment("PAY-1", "ACC-1", usd("70.00"), PaymentMethod.CHEQUE, "2024-05-02"));
    ledger.applyPayment("a1", PaymentApplication.balanceForward("PAY-1", d("2024-05-02")));
    ledger.issueCreditNote("cn", Fx.invoice("CN-5", "ACC-1", "2024-05-10", "2024-05-10",
        line(LineKind.ENERGY, usd("-40.00"))), "INV-1");
    ledger.issueInvoice("i2", simple("INV-2", "ACC-1", "2024-06-01", "2024-07-01", usd("25.00")));
    CustomerStatement s = ledger.statement("ACC-1", USD, d("2024-05-01"), d("2024-06-01"));
    assertThat(s.openingBalance()).isEqualTo(usd("100.00"));
    assertThat(s.lines()).extracting(StatementLine::reference, StatementLine::amount, StatementLine::balance)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PAY-1", usd("-70.00"), usd("30.00")),
            org.assertj.core.groups.Tuple.tuple("CN-5", usd("-40.00"), usd("-10.00")));
    assertThat(s.lines().get(0).type()).isEqualTo(EntryType.PAYMENT);
    assertThat(s.lines().get(1).date()).isEqualTo(d("2024-05-10"));
    assertThat(s.closingBalance()).isEqualTo(usd("-10.00"));
    assertThat(s.toCsv()).isEqualTo("account_id,currency,date,sequence,type,reference,description,amount,balance\r\n"
        + "ACC-1,USD,2024-05-01,,OPENING_BALANCE,,Opening balance,,100.00\r\n"
        + "ACC-1,USD,2024-05-02,2,PAYMENT,PAY-1,Payment PAY-1,-70.00,30.00\r\n"
        + "ACC-1,USD,2024-05-10,4,CREDIT_NOTE,CN-5,Credit note CN-5,-40.00,-10.00\r\n"
        + "ACC-1,USD,2024-05-31,,CLOSING_BALANCE,,Closing balance,,-10.00\r\n");
    CustomerStatement june = ledger.statement("ACC-1", USD, d("2024-06-01"), d("2024-07-01"));
    assertThat(june.openingBalance()).isEqualTo(usd("-10.00"));
    assertThat(june.lines()).singleElement().satisfies(x -> assertThat(x.reference()).isEqualTo("INV-2"));
    assertThat(june.closingBalance()).isEqualTo(usd("15.00"));
  }

  @Test
  void entriesOfAnAccountAreListedInSequenceOrder() {
    ledger.issueInvoice("i1", simple("INV-1", "ACC-1", "2024-04-01", "2024-05-01", usd("100.00")));
    ledger.issueInvoice("i2", simple("INV-2", "ACC-2", "2024-04-01", "2024-05-01", usd("10.00")));
    ledger.recordPayment("p1", payment("PAY-1", "ACC-1", usd("70.00"), PaymentMethod.CHEQUE, "2024-05-02"));
    ledger.applyPayment("a1", PaymentApplication.balanceForward("PAY-1", d("2024-05-02")));
    assertThat(ledger.entries(LedgerAccount.receivable("ACC-1"))).extracting(JournalEntry::sequence)
        .containsExactly(1L, 4L);
    assertThat(ledger.entries(LedgerAccount.cash(PaymentMethod.CHEQUE))).extracting(JournalEntry::key)
        .containsExactly("p1");
    assertThat(ledger.entries(LedgerAccount.revenue(LineKind.ENERGY), d("2024-04-01"), d("2024-04-02")))
        .hasSize(2);
    assertThat(ledger.entries(LedgerAccount.revenue(LineKind.ENERGY), d("2024-04-02"), d("2024-05-02"))).isEmpty();
    assertThat(ledger.entries(LedgerAccount.receivable("ACC-9"))).isEmpty();
  }
}
