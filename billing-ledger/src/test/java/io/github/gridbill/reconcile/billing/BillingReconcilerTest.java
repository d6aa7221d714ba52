package io.github.gridbill.reconcile.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.quantity.Unit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Billing reconciliation on small hand-made books: one case per finding kind, then the report and CSV. */
class BillingReconcilerTest {
  static final LocalDate MAR = LocalDate.of(2024, 3, 1);

  static SourceRecord read(String id, String acct, long kwh) {
    return SourceRecord.builder().id(id).kind(SourceKind.METER_READ_PERIOD).accountId(acct)
        .quantity(Quantity.of(kwh, Unit.KWH)).startInclusive(MAR).endExclusive(MAR.plusMonths(1)).build();
  }

  static SourceRecord ticket(String id, String acct, String hours, String expected) {
    SourceRecord.Builder b = SourceRecord.builder().id(id).kind(SourceKind.SERVICE_TICKET).accountId(acct)
        .quantity(Quantity.of(new BigDecimal(hours), Unit.HOUR)).startInclusive(MAR.plusDays(9))
        .endExclusive(MAR.plusDays(10));
    if (!expected.isEmpty()) {
      b.expectedAmount(usd(expected));
    }
    return b.build();
  }

  static SourceRecord order(String id, String acct, long each) {
    return SourceRecord.builder().id(id).kind(SourceKind.SALES_ORDER_LINE).accountId(acct)
        .quantity(Quantity.of(each, Unit.EACH)).startInclusive(MAR.plusDays(3)).endExclusive(MAR.plusDays(4)).build();
  }

  static Money usd(String a) {
    return Money.parse("USD " + a);
  }

  static InvoiceLine line(LineKind kind, String qty, Unit unit, String amount, String... refs) {
    InvoiceLine.Builder b = InvoiceLine.builder().kind(kind).description(kind.name()).amount(usd(amount))
        .source("test").sourceRefs(List.of(refs));
    if (!qty.isEmpty()) {
      b.quantity(Quantity.of(new BigDecimal(qty), unit));
    }
    return b.build();
  }

  static Invoice invoice(String number, String acct, InvoiceLine... lines) {
    return Invoice.builder().number(number).accountId(acct).currency(CurrencyUnit.USD).issueDate(MAR.plusMonths(1))
        .dueDate(MAR.plusMonths(1).plusDays(15)).lines(List.of(lines)).build();
  }

  static BillingReconciliationReport reconcile(List<SourceRecord> s, Invoice... invoices) {
    return BillingReconciler.create().reconcile(s, List.of(invoices));
  }

  static List<String> kinds(BillingReconciliationReport r) {
    List<String> out = new ArrayList<>();
    for (BillingFinding f : r.findings()) {
      out.add(f.kind() + " " + f.sourceId());
    }
    return out;
  }

  @Test
  void aReadPeriodBilledInTiersWithARiderAndTaxIsCorrect() {
    Invoice inv = invoice("INV-1", "ACC-1", line(LineKind.ENERGY, "100", Unit.KWH, "10.00", "MR-1"),
        line(LineKind.ENERGY, "350", Unit.KWH, "52.50", "MR-1"),
        line(LineKind.RIDER, "450", Unit.KWH, "4.50", "MR-1"),
        line(LineKind.DEMAND, "12.5", Unit.KW, "25.00", "MR-1"),
        line(LineKind.TAX, "", Unit.PERCENT, "4.60"));
    BillingReconciliationReport r = reconcile(List.of(read("MR-1", "ACC-1", 450)), inv);
    assertThat(r.findings()).isEmpty();
    assertThat(r.correctCount()).isEqualTo(1);
    assertThat(r.billedAmount()).containsExactly(entry(CurrencyUnit.USD, usd("87.50"))); // 10 + 52.50 + 25
  }

  @Test
  void referencesOutsideTheScopeAreNeitherMatchedNorReportedUnknown() {
    Invoice inv = invoice("INV-7", "ACC-7", line(LineKind.ENERGY, "450", Unit.KWH, "45.00", "MR-7"),
        line(LineKind.LEASE, "", Unit.MONTH, "99.00", "LEASE-7:2024-03"),
        line(LineKind.ONE_OFF, "1", Unit.EACH, "75.00", "T-7"));
    // unscoped: the lease reference is not among the records
    assertThat(kinds(BillingReconciler.create().reconcile(List.of(order("T-7", "ACC-7", 1)), List.of(inv))))
        .containsExactly("UNKNOWN_SOURCE MR-7", "UNKNOWN_SOURCE LEASE-7:2024-03");
    // scoped to tickets: the ticket is billed once, the rest is someone else's reconciliation
    BillingReconciliationReport r = BillingReconciler.create().withScope(ref -> ref.startsWith("T-"))
        .reconcile(List.of(order("T-7", "ACC-7", 1)), List.of(inv));
    assertThat(r.findings()).isEmpty();
    assertThat(r.correctCount()).isEqualTo(1);
  }

  @Test
  void aRecordOutsideTheScopeIsRefused() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> BillingReconciler.create().withScope(ref -> ref.startsWith("T-"))
            .reconcile(List.of(read("MR-1", "ACC-1", 450)), List.of()))
        .withMessage("sources[0].id must be in the reconciler's scope: MR-1");
  }

  @Test
  void aRecordOnNoInvoiceIsUnbilled() {
    BillingReconciliationReport r = reconcile(List.of(ticket("T-2", "ACC-2", "1", "75.00")));
    assertThat(kinds(r)).containsExactly("UNBILLED T-2");
    BillingFinding f = r.findings().get(0);
    assertThat(f.detail()).isEqualTo("not billed");
    assertThat(f.invoiceNumbers()).isEmpty();
    assertThat(f.billedQuantity()).isEmpty();
    assertThat(r.unbilledQuantity()).containsExactly(entry(Unit.HOUR, Quantity.of(1, Unit.HOUR)));
    assertThat(r.unbilledAmount()).containsExactly(entry(CurrencyUnit.USD, usd("75.00")));
  }

  @Test
  void aRecordOnTwoInvoicesIsDoubleBilled() {
    BillingReconciliationReport r = reconcile(List.of(order("O-1", "ACC-2", 3)),
        invoice("INV-2", "ACC-2", line(LineKind.ONE_OFF, "3", Unit.EACH, "30.00", "O-1")),
        invoice("INV-3", "ACC-2", line(LineKind.ONE_OFF, "3", Unit.EACH, "30.00", "O-1")));
    assertThat(kinds(r)).containsExactly("DOUBLE_BILLED O-1");
    assertThat(r.findings().get(0).detail()).isEqualTo("billed 2 times, on INV-2, INV-3");
    assertThat(r.findings().get(0).billedQuantity()).contains(Quantity.of(6, Unit.EACH));
    assertThat(r.doubleBilledAmount()).containsExactly(entry(CurrencyUnit.USD, usd("60.00")));
    assertThat(r.doubleBilledCount()).isEqualTo(1);
  }

  @Test
  void aCreditNoteAndARebillCountOnce() {
    BillingReconciliationReport r = reconcile(List.of(order("O-2", "ACC-2", 1)),
        invoice("INV-2", "ACC-2", line(LineKind.ONE_OFF, "1", Unit.EACH, "50.00", "O-2")),
        invoice("INV-4", "ACC-2", line(LineKind.ONE_OFF, "-1", Unit.EACH, "-50.00", "O-2")),
        invoice("INV-5", "ACC-2", line(LineKind.ONE_OFF, "1", Unit.EACH, "50.00", "O-2")));
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void aRecordBilledAndCreditedBackIsUnbilled() {
    BillingReconciliationReport r = reconcile(List.of(order("O-3", "ACC-2", 2)),
        invoice("INV-2", "ACC-2", line(LineKind.ONE_OFF, "2", Unit.EACH, "20.00", "O-3")),
        invoice("INV-4", "ACC-2", line(LineKind.ONE_OFF, "-2", Unit.EACH, "-20.00", "O-3")));
    assertThat(kinds(r)).containsExactly("UNBILLED O-3");
    assertThat(r.findings().get(0).detail()).isEqualTo("billed and credited back on INV-2, INV-4");
  }

  @Test
  void aDifferentQuantityIsAMismatch() {
    BillingReconciliationReport r = reconcile(List.of(read("MR-2", "ACC-2", 300)),
        invoice("INV-2", "ACC-2", line(LineKind.ENERGY, "280", Unit.KWH, "42.00", "MR-2")));
    assertThat(kinds(r)).containsExactly("QUANTITY_MISMATCH MR-2");
    assertThat(r.findings().get(0).detail()).isEqualTo("expected 300 kWh, billed 280 kWh on INV-2");
    assertThat(r.quantityDifference()).containsExactly(entry(Unit.KWH, Quantity.of(-20, Unit.KWH)));
    assertThat(r.mismatchCount()).isEqualTo(1);
  }

  @Test
  void aLineWithoutQuantityBillsNoQuantity() {
    BillingReconciliationReport r = reconcile(List.of(ticket("T-7", "ACC-1", "2", "")),
        invoice("INV-1", "ACC-1", line(LineKind.ONE_OFF, "", Unit.HOUR, "150.00", "T-7")));
    assertThat(kinds(r)).containsExactly("QUANTITY_MISMATCH T-7");
    assertThat(r.findings().get(0).detail()).isEqualTo("expected 2 h, billed no quantity on INV-1");
  }

  @Test
  void aDifferentAmountIsAMismatch() {
    BillingReconciliationReport r = reconcile(List.of(ticket("T-3", "ACC-1", "2", "100.00")),
        invoice("INV-1", "ACC-1", line(LineKind.ONE_OFF, "2", Unit.HOUR, "90.00", "T-3")));
    assertThat(kinds(r)).containsExactly("AMOUNT_MISMATCH T-3");
    assertThat(r.findings().get(0).detail()).isEqualTo("expected USD 100.00, billed USD 90.00 on INV-1");
    assertThat(r.amountDifference()).containsExactly(entry(CurrencyUnit.USD, usd("-10.00")));
  }

  @Test
  void anotherAccountIsAnAccountMismatch() {
    BillingReconciliationReport r = reconcile(List.of(ticket("T-4", "ACC-1", "1", "")),
        invoice("INV-2", "ACC-2", line(LineKind.ONE_OFF, "1", Unit.HOUR, "75.00", "T-4")));
    assertThat(kinds(r)).containsExactly("ACCOUNT_MISMATCH T-4");
    assertThat(r.findings().get(0).detail()).isEqualTo("record of ACC-1 billed on INV-2 (ACC-2)");
  }

  @Test
  void aReferenceToNoRecordIsAnUnknownSource() {
    BillingReconciliationReport r = reconcile(List.of(),
        invoice("INV-3", "ACC-9", line(LineKind.ONE_OFF, "1", Unit.EACH, "5.00", "T-99")),
        invoice("INV-6", "ACC-8", line(LineKind.TAX, "", Unit.EACH, "5.00", "T-99")));
    assertThat(kinds(r)).containsExactly("UNKNOWN_SOURCE T-99");
    BillingFinding f = r.findings().get(0);
    assertThat(f.invoiceNumbers()).containsExactly("INV-3", "INV-6");
    assertThat(f.accountId()).isEqualTo("ACC-9");
    assertThat(f.sourceKind()).isEmpty();
    assertThat(r.correctCount()).isZero();
  }

  @Test
  void aLineNamingSeveralRecordsBillsEachItsShare() {
    BillingReconciliationReport r = reconcile(
        List.of(ticket("T-5", "ACC-1", "1", "50.00"), ticket("T-6", "ACC-1", "3", "150.00")),
        invoice("INV-1", "ACC-1", line(LineKind.ONE_OFF, "4", Unit.HOUR, "200.00", "T-5", "T-6")));
    assertThat(r.findings()).isEmpty();
    BillingReconciliationReport short_ = reconcile(
        List.of(ticket("T-5", "ACC-1", "1", ""), ticket("T-6", "ACC-1", "3", "")),
        invoice("INV-1", "ACC-1", line(LineKind.ONE_OFF, "2", Unit.HOUR, "100.00", "T-5", "T-6")));
    assertThat(kinds(short_)).containsExactly("QUANTITY_MISMATCH T-5", "QUANTITY_MISMATCH T-6");
    assertThat(short_.findings().get(0).billedQuantity()).contains(Quantity.of(new BigDecimal("0.5"), Unit.HOUR));
  }

  @Test
  void onlyTheCountedLineKindsCount() {
    List<SourceRecord> s = List.of(read("MR-1", "ACC-1", 450));
    Invoice inv = invoice("INV-1", "ACC-1", line(LineKind.ENERGY, "450", Unit.KWH, "45.00", "MR-1"),
        line(LineKind.PPA, "450", Unit.KWH, "40.00", "MR-1"));
    assertThat(kinds(BillingReconciler.create().reconcile(s, List.of(inv))))
        .containsExactly("QUANTITY_MISMATCH MR-1");
    BillingReconciler energyOnly = BillingReconciler.create().withCountedLineKinds(EnumSet.of(LineKind.ENERGY));
    assertThat(energyOnly.countedLineKinds()).containsExactly(LineKind.ENERGY);
    assertThat(energyOnly.reconcile(s, List.of(inv)).findings()).isEmpty();
  }

  @Test
  void reportSummaryAndCsv() {
    BillingReconciliationReport r = reconcile(
        List.of(read("MR-1", "ACC-1", 450), ticket("T-2", "ACC-2", "1.5", "75.00"), order("O-1", "ACC-2", 3)),
        invoice("INV-1", "ACC-1", line(LineKind.ENERGY, "450", Unit.KWH, "45.00", "MR-1")),
        invoice("INV-2", "ACC-2", line(LineKind.ONE_OFF, "3", Unit.EACH, "30.00", "O-1", "T-77")),
        invoice("INV-3", "ACC-2", line(LineKind.ONE_OFF, "3", Unit.EACH, "30.00", "O-1")));
    assertThat(r.sourceCount()).isEqualTo(3);
    assertThat(r.invoiceCount()).isEqualTo(3);
    assertThat(r.correctCount()).isEqualTo(1);
    assertThat(r.countsByKind()).containsExactly(entry(FindingKind.UNBILLED, 1), entry(FindingKind.DOUBLE_BILLED, 1),
        entry(FindingKind.UNKNOWN_SOURCE, 1));
    assertThat(r.toCsv()).isEqualTo("kind,source_id,source_kind,account,invoices,expected_quantity,billed_quantity,"
        + "unit,currency,expected_amount,billed_amount,detail\r\n"
        + "UNBILLED,T-2,SERVICE_TICKET,ACC-2,,1.5,,h,USD,75.00,,not billed\r\n"
        + "DOUBLE_BILLED,O-1,SALES_ORDER_LINE,ACC-2,INV-2;INV-3,3,6,each,USD,,60.00,\"billed 2 times, on INV-2, "
        + "INV-3\"\r\n"
        + "UNKNOWN_SOURCE,T-77,,ACC-2,INV-2,,,,,,,named on INV-2 but not among the source records\r\n");
  }

  // ---- validation ----

  @Test
  void repeatedRecordIds() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> reconcile(List.of(order("O-1", "A", 1), order("O-1", "B", 2))))
        .withMessage("sources[1].id must be unique (sources[0] has it too): O-1");
  }

  @Test
  void repeatedInvoiceNumbers() {
    Invoice i = invoice("INV-1", "A", line(LineKind.ONE_OFF, "1", Unit.EACH, "1.00"));
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> reconcile(List.of(), i, i))
        .withMessage("invoices[1].number must be unique (invoices[0] has it too): INV-1");
  }

  @Test
  void noCountedKinds() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> BillingReconciler.create().withCountedLineKinds(EnumSet.noneOf(LineKind.class)))
        .withMessage("kinds must not be empty: []");
  }

  @Test
  void aRecordEndingBeforeItStarts() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> SourceRecord.builder().id("X").kind(SourceKind.SERVICE_TICKET).accountId("A")
            .quantity(Quantity.of(1, Unit.HOUR)).startInclusive(MAR).endExclusive(MAR).build())
        .withMessage("endExclusive must be after startInclusive 2024-03-01: 2024-03-01");
  }

  @Test
  void aBlankRecordId() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> SourceRecord.builder().id(" ").kind(SourceKind.SERVICE_TICKET).accountId("A")
            .quantity(Quantity.of(1, Unit.HOUR)).startInclusive(MAR).endExclusive(MAR.plusDays(1)).build())
        .withMessage("id must not be blank: \" \"");
  }
}
