package io.github.gridbill.reconcile.ledger;

import static io.github.gridbill.reconcile.ledger.Rx.d;
import static io.github.gridbill.reconcile.ledger.Rx.eur;
import static io.github.gridbill.reconcile.ledger.Rx.issue;
import static io.github.gridbill.reconcile.ledger.Rx.line;
import static io.github.gridbill.reconcile.ledger.Rx.lines;
import static io.github.gridbill.reconcile.ledger.Rx.statement;
import static io.github.gridbill.reconcile.ledger.Rx.text;
import static io.github.gridbill.reconcile.ledger.Rx.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.BusinessRuleException;
import io.github.gridbill.core.ConflictException;
import io.github.gridbill.core.NotFoundException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.ledger.Allocation;
import io.github.gridbill.ledger.EntryType;
import io.github.gridbill.ledger.JournalEntry;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.ledger.PaymentApplication;
import io.github.gridbill.ledger.PaymentMethod;
import io.github.gridbill.ledger.PostingResult;
import io.github.gridbill.reconcile.cash.CashApplicationConfig;
import io.github.gridbill.reconcile.cash.ExceptionReason;
import io.github.gridbill.reconcile.cash.MatchRule;
import io.github.gridbill.reconcile.cash.RuleKind;
import io.github.gridbill.reconcile.statement.BankStatement;
import io.github.gridbill.reconcile.statement.StatementLine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cash application through the ledger: hand-made statements against a small ledger. */
class LedgerCashApplicationTest {
  Ledger ledger;
  LedgerCashApplication cash;

  /**
   * ACC-1: INV-1 100.00 (due 03-31), INV-2 50.00 (due 04-04); ACC-2: INV-3 80.00; ACC-3: INV-4 40.00. Statement S1
   * (04-01 to 04-03): #1 150.00 naming INV-1 and INV-2, #2 80.00 naming ACC-2, #3 40.00 with nothing, #4 a 5.00 fee.
   */
  static BankStatement s1() {
    return statement("S1", "2024-04-01", "2024-04-03", "0.00", lines(line("S1", 1, "150.00", "2024-04-02",
        "INV-1 INV-2"), line("S1", 2, "80.00", "2024-04-02", "ACC-2 April"), line("S1", 3, "40.00", "2024-04-03",
        "no idea"), line("S1", 4, "-5.00", "2024-04-03", "charges")));
  }

  @BeforeEach
  void books() {
    ledger = Rx.ledger();
    issue(ledger, "INV-1", "ACC-1", "2024-03-01", "2024-03-31", eur("100.00"));
    issue(ledger, "INV-2", "ACC-1", "2024-03-05", "2024-04-04", eur("50.00"));
    issue(ledger, "INV-3", "ACC-2", "2024-03-01", "2024-03-31", eur("80.00"));
    issue(ledger, "INV-4", "ACC-3", "2024-03-10", "2024-04-09", eur("40.00"));
    cash = LedgerCashApplication.of(ledger);
  }

  @Test
  void importRecordsEveryLineAppliesMatchesAndHoldsExceptionsAsUnidentifiedCash() {
    CashPostingResult r = cash.importStatements(List.of(s1()));

    CashPostingPlan plan = r.plan();
    assertThat(plan.asOf()).isEqualTo(d("2024-04-03"));
    assertThat(plan.lineCount()).isEqualTo(3); // the debit is no payment
    assertThat(plan.appliedCount()).isEqualTo(2);
    assertThat(plan.unidentifiedCount()).isEqualTo(1);
    assertThat(plan.received()).containsEntry(Rx.EUR, eur("270.00"));
    assertThat(plan.applied()).containsEntry(Rx.EUR, eur("230.00"));
    assertThat(plan.unapplied()).containsEntry(Rx.EUR, eur("40.00"));
    assertThat(r.newPostingCount()).isEqualTo(5);
    assertThat(r.replayedPostingCount()).isZero();

    PlannedLine l1 = plan.lines().get(0);
    assertThat(l1.status()).isEqualTo(LineStatus.APPLIED);
    assertThat(l1.payerAccountId()).contains("ACC-1");
    assertThat(l1.match().orElseThrow().rule()).isEqualTo(RuleKind.REFERENCE);
    assertThat(l1.detail()).isEqualTo("matched by REFERENCE (confidence 100): applies EUR 150.00 to INV-1, INV-2 on "
        + "2024-04-02");
    List<PostingResult> p1 = r.lines().get(0).postings();
    assertThat(p1).hasSize(2);
    assertThat(p1.get(0).entry().key()).isEqualTo(l1.recordKey()).startsWith("cashapp-v1-").endsWith("/record");
    assertThat(text(p1.get(0).entry())).containsExactly("Dr CASH:EFT EUR 150.00",
        "Cr UNAPPLIED_CASH:ACC-1 EUR 150.00 (S1#1)");
    assertThat(p1.get(0).entry().attribute("externalReference")).contains("BNK-S1-1");
    assertThat(p1.get(0).entry().effectiveDate()).isEqualTo(d("2024-04-02"));
    assertThat(p1.get(1).entry().key()).isEqualTo(l1.applyKey());
    assertThat(text(p1.get(1).entry())).containsExactly("Dr UNAPPLIED_CASH:ACC-1 EUR 150.00 (S1#1)",
        "Cr RECEIVABLE:ACC-1 EUR 100.00 (INV-1)", "Cr RECEIVABLE:ACC-1 EUR 50.00 (INV-2)");

    assertThat(plan.lines().get(1).match().orElseThrow().rule()).isEqualTo(RuleKind.EXACT_AMOUNT);
    assertThat(text(r.lines().get(1).postings().get(1).entry())).containsExactly(
        "Dr UNAPPLIED_CASH:ACC-2 EUR 80.00 (S1#2)", "Cr RECEIVABLE:ACC-2 EUR 80.00 (INV-3)");

    PlannedLine l3 = plan.lines().get(2);
    assertThat(l3.status()).isEqualTo(LineStatus.UNIDENTIFIED);
    assertThat(l3.exception().orElseThrow().reason()).isEqualTo(ExceptionReason.NO_PAYER);
    assertThat(l3.detail()).isEqualTo("held as unidentified cash, NO_PAYER: no known account or invoice number in "
        + "the payment's references or text");
    assertThat(plan.exceptions()).containsExactly(l3);
    assertThat(text(r.lines().get(2).postings().get(0).entry())).containsExactly("Dr CASH:EFT EUR 40.00",
        "Cr UNIDENTIFIED_CASH EUR 40.00 (S1#3)");
    assertThat(r.lines().get(2).postings().get(0).entry().attribute("externalReference")).contains("BNK-S1-3");

    assertThat(ledger.openItems(d("2024-04-03"))).extracting(i -> i.number()).containsExactly("INV-4");
    assertThat(ledger.unidentifiedPayments(d("2024-04-03"))).extracting(i -> i.number()).containsExactly("S1#3");
    assertThat(ledger.balance(LedgerAccount.cash(PaymentMethod.EFT), Rx.EUR, d("2024-04-03")))
        .isEqualTo(eur("270.00"));
  }

  @Test
  void importingTheSameStatementTwicePostsNothingNew() {
    CashPostingResult first = cash.importStatements(List.of(s1()));
    long last = ledger.lastSequence();

    CashPostingResult second = cash.importStatements(List.of(s1()));

    assertThat(ledger.lastSequence()).isEqualTo(last);
    assertThat(first.isReplay()).isFalse();
    assertThat(second.isReplay()).isTrue();
    assertThat(second.summary()).isEqualTo("3 lines (2 applied, 1 unidentified, 0 unapplied; 3 imported before): 0 "
        + "new postings, 5 replayed (re-import: nothing new posted)");
    assertThat(second.newPostingCount()).isZero();
    assertThat(second.replayedPostingCount()).isEqualTo(first.newPostingCount()).isEqualTo(5);
    assertThat(second.plan().previouslyImportedCount()).isEqualTo(3);
    assertThat(second.plan().plannedPostingCount()).isZero();
    assertThat(second.plan().lines()).extracting(PlannedLine::status).containsExactly(LineStatus.APPLIED,
        LineStatus.APPLIED, LineStatus.UNIDENTIFIED);
    assertThat(second.plan().applied()).isEqualTo(first.plan().applied());
    assertThat(second.plan().lines().get(0).detail()).startsWith("imported before: recorded before (entry #");
    for (int i = 0; i < 3; i++) {
      assertThat(second.lines().get(i).postings()).extracting(PostingResult::sequence)
          .isEqualTo(first.lines().get(i).postings().stream().map(PostingResult::sequence).toList());
    }
  }

  @Test
  void aStatementWithoutIncomingLinesPostsNothingAndIsNoReplay() {
    BankStatement charges = statement("S9", "2024-04-01", "2024-04-03", "0.00", lines(line("S9", 1, "-5.00",
        "2024-04-03", "charges")));

    CashPostingResult r = cash.importStatements(List.of(charges));

    assertThat(r.plan().lineCount()).isZero();
    assertThat(r.newPostingCount()).isZero();
    assertThat(r.isReplay()).isFalse();
    assertThat(r.summary()).isEqualTo("0 lines (0 applied, 0 unidentified, 0 unapplied; 0 imported before): 0 new "
        + "postings, 0 replayed");
  }

  @Test
  void reimportingWithAnotherCashAccountIsAConflictAndPostsNothing() {
    CashPostingResult first = cash.importStatements(List.of(s1()));
    long last = ledger.lastSequence();
    LedgerCashApplication wire = LedgerCashApplication.of(ledger, CashPostingConfig.builder()
        .method(PaymentMethod.WIRE).build());
    JournalEntry rec = first.lines().get(0).postings().get(0).entry();

    thrown(ConflictException.class, "payments[0] must be imported with the content it was first imported with "
        + "(entry #" + rec.sequence() + ", key " + rec.key() + ", has method EFT, now WIRE): S1#1",
        () -> wire.plan(List.of(s1())));
    assertThat(ledger.lastSequence()).isEqualTo(last);
  }

  @Test
  void aStalePlanWithOtherContentIsRefusedByTheLedgerUnderTheSameKey() {
    CashPostingPlan eft = cash.plan(List.of(s1()));
    CashPostingPlan wire = LedgerCashApplication.of(ledger, CashPostingConfig.builder().method(PaymentMethod.WIRE)
        .build()).plan(List.of(s1()));
    cash.post(eft);
    long last = ledger.lastSequence();

    ConflictException e = thrown(ConflictException.class, "key must not be reused with different content (it "
        + "posted entry #5): " + wire.lines().get(0).recordKey(), () -> cash.post(wire));
    assertThat(e.value()).isEqualTo(eft.lines().get(0).recordKey());
    assertThat(ledger.lastSequence()).isEqualTo(last);
  }

  @Test
  void aLineThatChangedSinceItWasImportedIsAConflict() {
    cash.importStatements(List.of(s1()));
    List<StatementLine> changed = lines(line("S1", 1, "150.00", "2024-04-02", "INV-1 INV-2"),
        line("S1", 2, "81.00", "2024-04-02", "ACC-2 April"));

    thrown(ConflictException.class, "payments[1].id must not be in the ledger under another key (entry #7 "
        + "recorded it; did the line change since it was imported?): S1#2",
        () -> cash.plan(List.of(statement("S1", "2024-04-01", "2024-04-03", "0.00", changed))));
  }

  @Test
  void matchesBelowTheMinimumConfidenceAreHeldAsUnidentified() {
    LedgerCashApplication strict = LedgerCashApplication.of(ledger, CashPostingConfig.builder()
        .minimumConfidence(95).build());

    CashPostingPlan plan = strict.plan(List.of(s1()));

    PlannedLine l2 = plan.lines().get(1);
    assertThat(l2.status()).isEqualTo(LineStatus.UNIDENTIFIED);
    assertThat(l2.match()).isEmpty();
    assertThat(l2.exception().orElseThrow().reason()).isEqualTo(ExceptionReason.LOW_CONFIDENCE);
    assertThat(l2.exception().orElseThrow().candidates()).containsExactly("INV-3");
    assertThat(l2.detail()).isEqualTo("held as unidentified cash, LOW_CONFIDENCE: matched by EXACT_AMOUNT to INV-3 "
        + "with confidence 90, below the minimum 95");
    assertThat(l2.record().accountId()).isEmpty();
    assertThat(plan.lines().get(0).status()).isEqualTo(LineStatus.APPLIED);
  }

  @Test
  void aMatchToInvoicesOfSeveralAccountsIsNotPostable() {
    BankStatement s = statement("S2", "2024-04-01", "2024-04-02", "0.00", lines(line("S2", 1, "180.00",
        "2024-04-02", "INV-1 INV-3")));

    CashPostingResult r = cash.importStatements(List.of(s));

    PlannedLine l = r.plan().lines().get(0);
    assertThat(l.status()).isEqualTo(LineStatus.UNIDENTIFIED);
    assertThat(l.exception().orElseThrow().reason()).isEqualTo(ExceptionReason.NOT_POSTABLE);
    assertThat(l.detail()).isEqualTo("held as unidentified cash, NOT_POSTABLE: matched by REFERENCE to invoices of "
        + "several accounts (ACC-1, ACC-2); the ledger applies a payment to its payer's invoices only");
    assertThat(r.newPostingCount()).isEqualTo(1);
    assertThat(ledger.openItems(d("2024-04-02"))).hasSize(4);
  }

  @Test
  void aPayerFromTheLookupMustOwnTheInvoicesItPays() {
    LedgerCashApplication looked = cash.withPayerLookup(l -> Optional.of("ACC-2"));
    BankStatement s = statement("S2", "2024-04-01", "2024-04-02", "0.00", lines(line("S2", 1, "40.00",
        "2024-04-02", "INV-4")));

    PlannedLine l = looked.plan(List.of(s)).lines().get(0);

    assertThat(l.exception().orElseThrow().reason()).isEqualTo(ExceptionReason.NOT_POSTABLE);
    assertThat(l.detail()).isEqualTo("held as unidentified cash, NOT_POSTABLE: matched by REFERENCE to invoices of "
        + "ACC-3, but the payer is ACC-2; the ledger applies a payment to its payer's invoices only");
  }

  @Test
  void aPayerFromTheLookupIsUsedToMatch() {
    LedgerCashApplication looked = cash.withPayerLookup(l -> Optional.of("acc-3"));
    BankStatement s = statement("S2", "2024-04-01", "2024-04-02", "0.00", lines(line("S2", 1, "40.00",
        "2024-04-02", "rent")));

    CashPostingResult r = looked.importStatements(List.of(s));

    PlannedLine l = r.plan().lines().get(0);
    assertThat(l.status()).isEqualTo(LineStatus.APPLIED);
    assertThat(l.payerAccountId()).contains("ACC-3"); // the ledger's spelling
    assertThat(text(r.lines().get(0).postings().get(0).entry())).contains("Cr UNAPPLIED_CASH:ACC-3 EUR 40.00 (S2#1)");
  }

  @Test
  void anApplicationIsDatedAfterItsInvoicesLastMovement() {
    // INV-1 was partly paid on 04-10 by a cheque; the bank line of 04-02 pays the rest
    ledger.recordPayment("chq", io.github.gridbill.ledger.Payment.builder().paymentId("CHQ-1").accountId("ACC-1")
        .amount(eur("10.00")).method(PaymentMethod.CHEQUE).receivedOn(d("2024-04-10")).build());
    ledger.applyPayment("chq/apply", PaymentApplication.openItem("CHQ-1", d("2024-04-10"), Allocation.of("INV-1")));
    BankStatement s = statement("S2", "2024-04-01", "2024-04-02", "0.00", lines(line("S2", 1, "90.00",
        "2024-04-02", "INV-1")));

    CashPostingResult r = cash.importStatements(List.of(s), d("2024-04-10"));

    PlannedLine l = r.plan().lines().get(0);
    assertThat(l.application().orElseThrow().date()).isEqualTo(d("2024-04-10"));
    assertThat(l.record().receivedOn()).isEqualTo(d("2024-04-02"));
    assertThat(ledger.item("INV-1").orElseThrow().openAmount()).isEqualTo(eur("0.00"));
  }

  @Test
  void aPrepaymentIsAppliedOnTheInvoicesIssueDate() {
    issue(ledger, "INV-5", "ACC-3", "2024-04-20", "2024-05-20", eur("60.00"));
    BankStatement s = statement("S2", "2024-04-01", "2024-04-02", "0.00", lines(line("S2", 1, "60.00",
        "2024-04-02", "INV-5")));

    CashPostingResult r = cash.importStatements(List.of(s), d("2024-04-30"));

    assertThat(r.plan().lines().get(0).application().orElseThrow().date()).isEqualTo(d("2024-04-20"));
  }

  @Test
  void linesPayingOneInvoiceAreAppliedInDateOrder() {
    LedgerCashApplication bf = LedgerCashApplication.of(ledger, CashPostingConfig.builder()
        .engine(CashApplicationConfig.builder().addRule(MatchRule.reference()).addRule(MatchRule.balanceForward())
            .build()).build());
    BankStatement s = statement("S2", "2024-04-01", "2024-04-03", "0.00", lines(line("S2", 1, "30.00",
        "2024-04-03", "ACC-2"), line("S2", 2, "20.00", "2024-04-02", "ACC-2")));

    CashPostingResult r = bf.importStatements(List.of(s));

    assertThat(r.plan().lines()).extracting(l -> l.application().orElseThrow().date())
        .containsExactly(d("2024-04-03"), d("2024-04-03"));
    assertThat(ledger.item("INV-3").orElseThrow().openAmount()).isEqualTo(eur("30.00"));
  }

  @Test
  void aValueDateInAClosedPeriodIsRefusedBeforeAnythingIsPosted() {
    ledger.closePeriod("close-march", d("2024-04-02"));
    long last = ledger.lastSequence();

    thrown(BusinessRuleException.class, "payments[0].valueDate must be after the closed period ending 2024-04-02: "
        + "2024-04-02", () -> cash.importStatements(List.of(s1())));
    assertThat(ledger.lastSequence()).isEqualTo(last);
  }

  @Test
  void aFailureMidwayIsCompletedByARerunThatReplaysWhatWasDone() {
    CashPostingPlan plan = cash.plan(List.of(s1()));
    // meanwhile, a cheque settles INV-3, so line 2's application will fail
    ledger.recordPayment("chq", io.github.gridbill.ledger.Payment.builder().paymentId("CHQ-9").accountId("ACC-2")
        .amount(eur("80.00")).method(PaymentMethod.CHEQUE).receivedOn(d("2024-04-01")).build());
    ledger.applyPayment("chq/apply", PaymentApplication.openItem("CHQ-9", d("2024-04-01"), Allocation.of("INV-3")));
    long before = ledger.lastSequence();

    thrown(BusinessRuleException.class, "allocations[0].amount must not exceed the open amount EUR 0.00 of INV-3: "
        + "EUR 80.00", () -> cash.post(plan));
    assertThat(ledger.lastSequence()).isEqualTo(before + 3); // line 1 recorded and applied, line 2 recorded

    CashPostingResult rerun = cash.importStatements(List.of(s1()));

    assertThat(rerun.newPostingCount()).isEqualTo(1); // line 3's record
    assertThat(rerun.replayedPostingCount()).isEqualTo(3);
    PlannedLine l2 = rerun.plan().lines().get(1);
    assertThat(l2.status()).isEqualTo(LineStatus.UNAPPLIED);
    assertThat(l2.previouslyImported()).isTrue();
    assertThat(l2.payerAccountId()).contains("ACC-2");
    assertThat(l2.exception().orElseThrow().reason()).isEqualTo(ExceptionReason.NO_MATCH);
    assertThat(l2.detail()).startsWith("recorded before (entry #").contains(") to ACC-2 and not applied; NO_MATCH: ");
    assertThat(ledger.openCredits("ACC-2", d("2024-04-03"))).extracting(i -> i.number()).containsExactly("S1#2");
    assertThat(cash.importStatements(List.of(s1())).newPostingCount()).isZero();
  }

  @Test
  void aLineRecordedToACustomerButNotAppliedIsMatchedAgainAndApplied() {
    // an interrupted import: the record of line 1 is there, its application is not
    CashPostingPlan plan = cash.plan(List.of(s1()));
    PlannedLine l1 = plan.lines().get(0);
    ledger.recordPayment(l1.recordKey(), l1.record());

    CashPostingResult r = cash.importStatements(List.of(s1()));

    PlannedLine again = r.plan().lines().get(0);
    assertThat(again.previouslyImported()).isTrue();
    assertThat(again.status()).isEqualTo(LineStatus.APPLIED);
    assertThat(again.application()).isEqualTo(l1.application());
    assertThat(r.lines().get(0).postings()).extracting(PostingResult::replayed).containsExactly(true, false);
    assertThat(r.newPostingCount()).isEqualTo(4);
  }

  @Test
  void identifyAppliesByTheRulesAndReplaysWhenCalledAgain() {
    cash.importStatements(List.of(s1()));
    long last = ledger.lastSequence();

    IdentificationResult r = cash.identify("S1#3", "ACC-3", d("2024-04-05"));

    assertThat(r.newPostingCount()).isEqualTo(2);
    assertThat(r.match().orElseThrow().rule()).isEqualTo(RuleKind.EXACT_AMOUNT);
    JournalEntry id = r.identification().orElseThrow().entry();
    assertThat(id.type()).isEqualTo(EntryType.PAYMENT_IDENTIFIED);
    assertThat(id.key()).endsWith("/identify");
    assertThat(text(r.application().orElseThrow().entry())).containsExactly(
        "Dr UNAPPLIED_CASH:ACC-3 EUR 40.00 (S1#3)", "Cr RECEIVABLE:ACC-3 EUR 40.00 (INV-4)");
    assertThat(ledger.lastSequence()).isEqualTo(last + 2);
    assertThat(ledger.openItems(d("2024-04-05"))).isEmpty();

    IdentificationResult again = cash.identify("S1#3", "ACC-3", d("2024-04-05"));
    assertThat(again.newPostingCount()).isZero();
    assertThat(again.replayedPostingCount()).isEqualTo(2);
    assertThat(ledger.lastSequence()).isEqualTo(last + 2);

    thrown(ConflictException.class, "key must not be reused with different content (it posted entry #"
        + id.sequence() + "): " + id.key(), () -> cash.identify("S1#3", "ACC-2", d("2024-04-05")));

    CashPostingResult reimport = cash.importStatements(List.of(s1()));
    assertThat(reimport.newPostingCount()).isZero();
    assertThat(reimport.replayedPostingCount()).isEqualTo(7); // 5 + identification + application
    PlannedLine l3 = reimport.plan().lines().get(2);
    assertThat(l3.status()).isEqualTo(LineStatus.APPLIED);
    assertThat(l3.payerAccountId()).contains("ACC-3");
    assertThat(l3.applied()).isEqualTo(eur("40.00"));
  }

  @Test
  void identifyWithoutAMatchLeavesTheMoneyOnTheCustomer() {
    cash.importStatements(List.of(s1()));

    IdentificationResult r = cash.identify("S1#3", "ACC-1", d("2024-04-05"));

    assertThat(r.identification().orElseThrow().isNew()).isTrue();
    assertThat(r.application()).isEmpty();
    assertThat(r.exception().orElseThrow().reason()).isEqualTo(ExceptionReason.NO_MATCH);
    assertThat(ledger.openCredits("ACC-1", d("2024-04-05"))).extracting(i -> i.openAmount())
        .containsExactly(eur("40.00"));
    // a re-import resumes it: still nothing of ACC-1 to apply it to
    PlannedLine l3 = cash.plan(List.of(s1())).lines().get(2);
    assertThat(l3.status()).isEqualTo(LineStatus.UNAPPLIED);
    assertThat(l3.payerAccountId()).contains("ACC-1");
  }

  @Test
  void identifyWithAllocationsAppliesThoseAndRefusesOthersUnderTheSameKey() {
    cash.importStatements(List.of(s1()));

    IdentificationResult r = cash.identify("S1#3", "ACC-3", d("2024-04-05"),
        List.of(Allocation.of("INV-4", eur("15.00"))));

    assertThat(r.match()).isEmpty();
    assertThat(r.application().orElseThrow().allocations()).containsEntry("INV-4", eur("15.00"));
    assertThat(cash.identify("S1#3", "ACC-3", d("2024-04-05"), List.of(Allocation.of("INV-4", eur("15.00"))))
        .replayedPostingCount()).isEqualTo(2);
    thrown(ConflictException.class, "key must not be reused with different content (it posted entry #"
        + r.application().orElseThrow().sequence() + "): " + r.application().orElseThrow().entry().key(),
        () -> cash.identify("S1#3", "ACC-3", d("2024-04-05"), List.of(Allocation.of("INV-4", eur("20.00")))));
  }

  @Test
  void identifyValidatesTheAllocationsBeforePostingAnything() {
    cash.importStatements(List.of(s1()));
    long last = ledger.lastSequence();

    thrown(BusinessRuleException.class, "allocations[0].invoiceNumber must belong to account ACC-3 (it belongs to "
        + "ACC-1): INV-1", () -> cash.identify("S1#3", "ACC-3", d("2024-04-05"), List.of(Allocation.of("INV-1"))));
    thrown(NotFoundException.class, "allocations[0].invoiceNumber must name a receivable of the ledger: INV-99",
        () -> cash.identify("S1#3", "ACC-3", d("2024-04-05"), List.of(Allocation.of("INV-99"))));
    thrown(BusinessRuleException.class, "allocations[0].amount must not exceed the open amount EUR 40.00 of INV-4: "
        + "EUR 41.00", () -> cash.identify("S1#3", "ACC-3", d("2024-04-05"),
            List.of(Allocation.of("INV-4", eur("41.00")))));
    issue(ledger, "INV-6", "ACC-3", "2024-04-01", "2024-05-01", eur("10.00"));
    thrown(BusinessRuleException.class, "allocations must not exceed the amount EUR 40.00 left of S1#3: EUR 50.00",
        () -> cash.identify("S1#3", "ACC-3", d("2024-04-05"), List.of(Allocation.of("INV-4"),
            Allocation.of("INV-6", eur("10.00")))));
    assertThat(ledger.lastSequence()).isEqualTo(last + 1); // INV-6 only
  }

  @Test
  void identifyAnUnknownPaymentIsNotFound() {
    thrown(NotFoundException.class, "paymentId must name a payment recorded in the ledger: S9#1",
        () -> cash.identify("S9#1", "ACC-1", d("2024-04-05")));
  }

  @Test
  void identifyToAnotherCustomerThanTheOneRecordedIsRefused() {
    cash.importStatements(List.of(s1()));

    thrown(BusinessRuleException.class, "accountId must be the account S1#1 belongs to (ACC-1): ACC-2",
        () -> cash.identify("S1#1", "ACC-2", d("2024-04-05")));
  }

  @Test
  void planRefusesAnEmptyListOfStatements() {
    thrown(ValidationException.class, "statements must not be empty: []", () -> cash.plan(List.of()));
  }

  @Test
  void planRefusesALineIdTwice() {
    thrown(ValidationException.class, "payments[3].id must be unique (payments[0] has it too): S1#1",
        () -> cash.plan(List.of(s1(), s1())));
  }

  @Test
  void planRefusesABankReferenceTheLedgerCannotStore() {
    StatementLine l = line("S2", 1, "10.00", "2024-04-02", "INV-4").withBankReference("R".repeat(201));
    thrown(ValidationException.class, "payments[0].externalReference must be at most 200 characters: "
        + "R".repeat(201), () -> cash.plan(List.of(statement("S2", "2024-04-01", "2024-04-02", "0.00", lines(l)))));
  }

  @Test
  void configRefusesAMinimumConfidenceAbove100() {
    thrown(ValidationException.class, "minimumConfidence must be 0 to 100: 101",
        () -> CashPostingConfig.builder().minimumConfidence(101).build());
  }

  @Test
  void keysAreDerivedFromTheBankLineAlone() {
    CashPostingPlan plan = cash.plan(List.of(s1()));
    io.github.gridbill.reconcile.cash.Payment p = plan.lines().get(0).payment();

    assertThat(LedgerCashApplication.recordKey(p)).isEqualTo(plan.lines().get(0).recordKey());
    assertThat(LedgerCashApplication.applyKey(p)).isEqualTo(plan.lines().get(0).applyKey());
    assertThat(LedgerCashApplication.identifyKey(p))
        .isEqualTo(io.github.gridbill.reconcile.cash.ApplicationInstruction.idempotencyKeyOf(p) + "/identify");
    assertThat(LedgerCashApplication.recordKey(p.withFreeText("something else"))).isEqualTo(
        LedgerCashApplication.recordKey(p));
    assertThat(LedgerCashApplication.recordKey(p.withAmount(eur("150.01")))).isNotEqualTo(
        LedgerCashApplication.recordKey(p));
  }
}
