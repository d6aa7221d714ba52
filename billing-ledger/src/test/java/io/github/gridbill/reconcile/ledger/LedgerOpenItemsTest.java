package io.github.gridbill.reconcile.ledger;

import static io.github.gridbill.reconcile.ledger.Rx.d;
import static io.github.gridbill.reconcile.ledger.Rx.eur;
import static io.github.gridbill.reconcile.ledger.Rx.issue;
import static io.github.gridbill.reconcile.ledger.Rx.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.ledger.Allocation;
import io.github.gridbill.ledger.JournalLine;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.ledger.ManualEntry;
import io.github.gridbill.ledger.Payment;
import io.github.gridbill.ledger.PaymentApplication;
import io.github.gridbill.ledger.PaymentMethod;
import io.github.gridbill.reconcile.cash.OpenItem;
import io.github.gridbill.reconcile.cash.OpenItemIndex;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's open items from a ledger as of a day. */
class LedgerOpenItemsTest {
  Ledger ledger;

  @BeforeEach
  void books() {
    ledger = Rx.ledger();
    issue(ledger, "INV-1", "ACC-1", "2024-03-01", "2024-03-31", eur("100.00"));
    issue(ledger, "INV-2", "ACC-1", "2024-03-05", "2024-04-04", eur("50.00"));
    issue(ledger, "INV-3", "ACC-2", "2024-04-10", "2024-05-10", eur("80.00"));
    ledger.recordPayment("pay", Payment.builder().paymentId("P-1").accountId("ACC-1").amount(eur("30.00"))
        .method(PaymentMethod.CARD).receivedOn(d("2024-04-05")).build());
    ledger.applyPayment("apply", PaymentApplication.openItem("P-1", d("2024-04-05"), Allocation.of("INV-1",
        eur("20.00"))));
    ledger.openDispute("dispute", "INV-2", d("2024-04-06"), "meter read wrong");
  }

  @Test
  void everyOpenReceivableBecomesAnEngineItemWithItsOpenAmountAndDisputeAsOfTheDay() {
    assertThat(LedgerOpenItems.of(ledger, d("2024-04-05"))).containsExactly(
        OpenItem.of("ACC-1", "INV-1", d("2024-03-01"), d("2024-03-31"), eur("80.00"), false),
        OpenItem.of("ACC-1", "INV-2", d("2024-03-05"), d("2024-04-04"), eur("50.00"), false));
    assertThat(LedgerOpenItems.of(ledger, d("2024-04-10"))).containsExactly(
        OpenItem.of("ACC-1", "INV-1", d("2024-03-01"), d("2024-03-31"), eur("80.00"), false),
        OpenItem.of("ACC-1", "INV-2", d("2024-03-05"), d("2024-04-04"), eur("50.00"), true),
        OpenItem.of("ACC-2", "INV-3", d("2024-04-10"), d("2024-05-10"), eur("80.00"), false));
    assertThat(LedgerOpenItems.of(ledger, d("2024-03-04"))).extracting(OpenItem::openAmount)
        .containsExactly(eur("100.00"));
  }

  @Test
  void oneCustomersItems() {
    assertThat(LedgerOpenItems.of(ledger, "ACC-2", d("2024-04-30"))).extracting(OpenItem::invoiceNumber)
        .containsExactly("INV-3");
    assertThat(LedgerOpenItems.of(ledger, "ACC-9", d("2024-04-30"))).isEmpty();
  }

  @Test
  void creditsAreNotOpenItems() {
    ledger.recordPayment("pay2", Payment.builder().paymentId("P-2").accountId("ACC-2").amount(eur("5.00"))
        .method(PaymentMethod.CARD).receivedOn(d("2024-04-11")).build());

    assertThat(LedgerOpenItems.of(ledger, d("2024-04-30"))).extracting(OpenItem::invoiceNumber)
        .containsExactly("INV-1", "INV-2", "INV-3");
  }

  @Test
  void theIndexOrdersEachAccountsItemsOldestFirst() {
    OpenItemIndex ix = LedgerOpenItems.index(ledger, d("2024-04-30"));

    assertThat(ix.size()).isEqualTo(3);
    assertThat(ix.itemsOf("ACC-1")).extracting(OpenItem::invoiceNumber).containsExactly("INV-1", "INV-2");
  }

  @Test
  void anItemDueBeforeItOpenedIsGivenWithItsDueDateAsIssueDate() {
    ledger.post("manual", ManualEntry.builder().effectiveDate(d("2024-04-20"))
        .addLine(JournalLine.debit(LedgerAccount.receivable("ACC-2"), eur("12.00")).withItemRef("MAN-1")
            .withDueDate(d("2024-04-15")))
        .addLine(JournalLine.credit(LedgerAccount.general("CORRECTIONS"), eur("12.00"))).build());

    assertThat(LedgerOpenItems.of(ledger, "ACC-2", d("2024-04-30"))).contains(
        OpenItem.of("ACC-2", "MAN-1", d("2024-04-15"), d("2024-04-15"), eur("12.00"), false));
  }

  @Test
  void toCashItemRefusesACredit() {
    io.github.gridbill.ledger.OpenItem credit = ledger.payment("P-1").orElseThrow();
    thrown(ValidationException.class, "item.account must be a customer's receivable account: UNAPPLIED_CASH:ACC-1",
        () -> LedgerOpenItems.toCashItem(credit));
  }

  @Test
  void toCashItemRefusesAnItemWithNothingOpen() {
    ledger.recordPayment("pay3", Payment.builder().paymentId("P-3").accountId("ACC-2").amount(eur("80.00"))
        .method(PaymentMethod.CARD).receivedOn(d("2024-04-11")).build());
    ledger.applyPayment("apply3", PaymentApplication.openItem("P-3", d("2024-04-11"), Allocation.of("INV-3")));
    io.github.gridbill.ledger.OpenItem paid = ledger.item("INV-3").orElseThrow();

    thrown(ValidationException.class, "item.openAmount must be positive: EUR 0.00",
        () -> LedgerOpenItems.toCashItem(paid));
    assertThat(LedgerOpenItems.of(ledger, d("2024-04-30"))).extracting(OpenItem::invoiceNumber)
        .containsExactlyElementsOf(List.of("INV-1", "INV-2"));
  }
}
