package io.github.gridbill.ledger;

import static io.github.gridbill.ledger.Fx.USD;
import static io.github.gridbill.ledger.Fx.d;
import static io.github.gridbill.ledger.Fx.line;
import static io.github.gridbill.ledger.Fx.payment;
import static io.github.gridbill.ledger.Fx.simple;
import static io.github.gridbill.ledger.Fx.tax;
import static io.github.gridbill.ledger.Fx.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.quantity.Unit;
import io.github.gridbill.core.time.BillingPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The fast request-digest writer ({@link Canon}) against the plain one it replaced ({@link ReferenceCanon}): the same
 * text and the same digest for any field values, and for every operation of the ledger the digest its entry stores is
 * the format-1 digest of the request (so retries of requests posted before the rewrite still replay).
 */
class CanonTest {

  @Provide
  Arbitrary<Object> values() {
    Arbitrary<String> strings = Arbitraries.strings().all().ofMaxLength(12);
    Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(30);
    Arbitrary<LocalDate> dates = Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
        .map(LocalDate::ofEpochDay);
    Arbitrary<LocalDate> nearDates = Arbitraries.longs().between(-800_000, 3_000_000).map(LocalDate::ofEpochDay);
    Arbitrary<Money> money = Combinators.combine(Arbitraries.of("USD", "JPY", "BHD", "EUR"),
        Arbitraries.longs()).as((c, m) -> Money.ofMinor(CurrencyUnit.of(c), m));
    Arbitrary<Quantity> quantities = Combinators.combine(Arbitraries.bigDecimals().ofScale(0)
        .between(new BigDecimal("-1e25"), new BigDecimal("1e25")), Arbitraries.integers().between(-3, 6),
        Arbitraries.of(Unit.class)).as((v, s, u) -> Quantity.of(v.movePointLeft(Math.max(0, s)), u));
    Arbitrary<LedgerAccount> accounts = Arbitraries.of(LedgerAccount.receivable("ACC-1"),
        LedgerAccount.writeOffExpense(), LedgerAccount.general("bänk fées"), LedgerAccount.cash(PaymentMethod.EFT));
    return Arbitraries.oneOf(strings, ascii, dates, nearDates, money, quantities, accounts,
        Arbitraries.integers(), Arbitraries.longs(), Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L),
        Arbitraries.of(PaymentMethod.class), Arbitraries.of(RoundingMode.class), Arbitraries.of(CurrencyUnit.EUR),
        Arbitraries.of(Optional.empty(), Optional.of("x"), Optional.of(usd("-1.05"))), Arbitraries.just("\uD800"),
        Arbitraries.just("a\uDC00b"), Arbitraries.just("\uD83D\uDE00 ok"));
  }

  @Property(tries = 300)
  void anyFieldsGiveTheReferenceTextAndDigest(@ForAll @Size(max = 12) List<@From("values") Object> fields) {
    Canon fast = Canon.of("op");
    ReferenceCanon reference = new ReferenceCanon("op");
    for (Object f : fields) {
      fast.add("f", f);
      reference.add("f", f);
    }
    assertThat(fast.bytes()).isEqualTo(reference.bytes());
    assertThat(fast.digest()).isEqualTo(reference.digest());
  }

  @Provide
  Arbitrary<Invoice> invoices() {
    Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(20),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8), Arbitraries.of("Énergie 電気 \uD83D\uDE00"))
        .filter(t -> !t.isBlank());
    Arbitrary<CurrencyUnit> currencies = Arbitraries.of(CurrencyUnit.USD, CurrencyUnit.JPY, CurrencyUnit.of("BHD"));
    Arbitrary<BigDecimal> decimals = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(-4, 12))
        .as((unscaled, scale) -> BigDecimal.valueOf(unscaled, scale));
    Arbitrary<Optional<Quantity>> quantities = Combinators.combine(decimals, Arbitraries.of(Unit.class))
        .as((v, u) -> Quantity.of(v, u)).optional(0.8);
    Arbitrary<LocalDate> dates = Arbitraries.longs().between(-800_000, 3_000_000).map(LocalDate::ofEpochDay);
    Arbitrary<Optional<BillingPeriod>> periods = Combinators.combine(dates, Arbitraries.integers().between(1, 400),
        Arbitraries.of(ZoneId.of("UTC"), ZoneId.of("Europe/Paris"), ZoneId.of("+05:30")))
        .as((start, days, zone) -> BillingPeriod.of(start, start.plusDays(days), zone)).optional(0.7);
    return Combinators.combine(currencies, names, names, dates, Arbitraries.integers().between(0, 60), periods,
        Arbitraries.longs().list().ofMinSize(1).ofMaxSize(5)).flatAs((cur, number, account, issue, net, period,
            amounts) -> Combinators.combine(Arbitraries.of(LineKind.class).list().ofSize(amounts.size()),
                names.list().ofSize(amounts.size()), quantities.list().ofSize(amounts.size()),
                decimals.optional(0.7).list().ofSize(amounts.size()),
                names.list().ofMaxSize(3).list().ofSize(amounts.size())).as((kinds, texts, qs, rates, refs) -> {
                  Invoice.Builder b = Invoice.builder().number(number).accountId(account).currency(cur)
                      .issueDate(issue).dueDate(issue.plusDays(net));
                  period.ifPresent(b::period);
                  for (int i = 0; i < amounts.size(); i++) {
                    b.addLines(InvoiceLine.builder().kind(kinds.get(i)).description(texts.get(i))
                        .quantity(qs.get(i)).rate(rates.get(i)).amount(Money.ofMinor(cur, amounts.get(i)))
                        .source(texts.get((i + 1) % texts.size())).addAllSourceRefs(refs.get(i)).build());
                  }
                  return b.build();
                }));
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  void anyInvoiceGivesTheReferenceTextAndDigest(@ForAll("invoices") Invoice invoice, @ForAll("values") Object after) {
    Canon fast = Canon.of("issueCreditNote").invoice("creditNote", invoice).add("invoiceNumber", after);
    ReferenceCanon reference = new ReferenceCanon("issueCreditNote").invoice("creditNote", invoice)
        .add("invoiceNumber", after);
    assertThat(fast.bytes()).isEqualTo(reference.bytes());
    assertThat(fast.digest()).isEqualTo(reference.digest());
  }

  @Property(tries = 100)
  void typedOverloadsWriteWhatTheObjectFormWrites(@ForAll long n, @ForAll String s, @ForAll int i) {
    Canon fast = Canon.of("op").add("n", n).add("s", s).add("i", i);
    ReferenceCanon reference = new ReferenceCanon("op").add("n", n).add("s", s).add("i", i);
    assertThat(fast.bytes()).isEqualTo(reference.bytes());
    assertThat(fast.digest()).isEqualTo(reference.digest());
  }

  @Test
  void aNestedCanonOnTheSameThreadDoesNotDisturbTheOuterOne() {
    Canon outer = Canon.of("outer").add("a", "1");
    String inner = Canon.of("inner").add("b", "2").digest();
    outer.add("c", "3");
    assertThat(outer.digest()).isEqualTo(new ReferenceCanon("outer").add("a", "1").add("c", "3").digest());
    assertThat(inner).isEqualTo(new ReferenceCanon("inner").add("b", "2").digest());
    // and the thread's instance is usable again
    assertThat(Canon.of("x").digest()).isEqualTo(new ReferenceCanon("x").digest());
  }

  @Test
  void invoicesWithEveryOptionalFieldGiveTheReferenceDigest() {
    List<Invoice> invoices = new ArrayList<>();
    invoices.add(Fx.domainInvoice());
    invoices.add(rated("INV-R1", new BigDecimal("1234"), new BigDecimal("0.1432")));
    invoices.add(rated("INV-R2", new BigDecimal("2.500000"), new BigDecimal("0.14320")));
    invoices.add(rated("INV-R3", new BigDecimal("1E+3"), new BigDecimal("1E-7")));
    invoices.add(rated("Énergie-電気-\uD83D\uDE00", new BigDecimal("0"), BigDecimal.ZERO));
    for (Invoice inv : invoices) {
      assertThat(Canon.of("issueInvoice").invoice("invoice", inv).digest())
          .isEqualTo(new ReferenceCanon("issueInvoice").invoice("invoice", inv).digest());
      assertThat(Canon.of("issueInvoice").invoice("invoice", inv).bytes())
          .isEqualTo(new ReferenceCanon("issueInvoice").invoice("invoice", inv).bytes());
    }
  }

  private static Invoice rated(String number, BigDecimal kwh, BigDecimal rate) {
    Money energy = Money.of(USD, rate.multiply(kwh), RoundingMode.HALF_EVEN);
    return Invoice.builder().number(number).accountId("ACC-Ω").currency(USD).issueDate(d("2024-02-02"))
        .dueDate(d("2024-02-23")).period(BillingPeriod.ofMonth(YearMonth.of(2024, 1), ZoneId.of("Europe/Paris")))
        .addLines(InvoiceLine.builder().kind(LineKind.ENERGY).description("Énergie \uD83D\uDE00")
            .quantity(Quantity.of(kwh, Unit.KWH)).rate(rate).amount(energy).source("tariff:RES-1")
            .addSourceRefs("meter:1", "read:2024-01-31").build())
        .addLines(InvoiceLine.builder().kind(LineKind.FIXED).description("Customer charge")
            .quantity(Quantity.of(31, Unit.DAY)).rate(new BigDecimal("0.40")).amount(usd("12.40")).source("t")
            .build())
        .addLines(tax("STATE", usd("1.00"))).build();
  }

  /** Every operation stores the format-1 digest of its request, computed as the code before the rewrite did. */
  @Test
  void everyOperationStoresTheFormatOneDigestOfItsRequest() {
    Ledger ledger = Fx.ledger();
    Invoice inv = rated("INV-1", new BigDecimal("500"), new BigDecimal("0.2"));
    assertDigest(ledger.issueInvoice("i1", inv), new ReferenceCanon("issueInvoice").invoice("invoice", inv));
    ledger.issueInvoice("i2", simple("INV-2", "ACC-Ω", "2024-02-02", "2024-02-28", usd("300.00")));
    Invoice cn = Fx.invoice("CN-1", "ACC-Ω", "2024-02-10", "2024-02-10", line(LineKind.ENERGY, usd("-5.00")));
    assertDigest(ledger.issueCreditNote("cn", cn, "INV-1"), new ReferenceCanon("issueCreditNote")
        .invoice("creditNote", cn).add("invoiceNumber", "INV-1"));
    Payment p = payment("PAY-1", "ACC-Ω", usd("50.00"), PaymentMethod.CHEQUE, "2024-02-12");
    assertDigest(ledger.recordPayment("p1", p), new ReferenceCanon("recordPayment").add("paymentId", "PAY-1")
        .add("accountId", p.accountId()).add("amount", p.amount()).add("method", p.method())
        .add("receivedOn", p.receivedOn()).add("externalReference", p.externalReference()));
    Payment u = Payment.builder().paymentId("PAY-U").amount(usd("20.00")).method(PaymentMethod.EFT)
        .receivedOn(d("2024-02-12")).build();
    assertDigest(ledger.recordPayment("p2", u), new ReferenceCanon("recordPayment").add("paymentId", "PAY-U")
        .add("accountId", u.accountId()).add("amount", u.amount()).add("method", u.method())
        .add("receivedOn", u.receivedOn()).add("externalReference", u.externalReference()));
    assertDigest(ledger.identifyPayment("id", "PAY-U", "ACC-Ω", d("2024-02-13")), new ReferenceCanon(
        "identifyPayment").add("paymentId", "PAY-U").add("accountId", "ACC-Ω").add("date", d("2024-02-13")));
    PaymentApplication bf = PaymentApplication.builder().paymentId("PAY-1").date(d("2024-02-14"))
        .mode(ApplicationMode.BALANCE_FORWARD).maximum(usd("10.00")).build();
    assertDigest(ledger.applyPayment("a1", bf), new ReferenceCanon("applyPayment").add("paymentId", "PAY-1")
        .add("date", bf.date()).add("mode", bf.mode()).add("maximum", bf.maximum()));
    PaymentApplication oi = PaymentApplication.openItem("PAY-U", d("2024-02-14"), Allocation.of("INV-2", usd("5.00")),
        Allocation.of("INV-1", usd("1.00")));
    ReferenceCanon oiRef = new ReferenceCanon("applyPayment").add("paymentId", "PAY-U").add("date", oi.date())
        .add("mode", oi.mode()).add("maximum", oi.maximum());
    for (Allocation a : oi.allocations()) {
      oiRef.add("invoice", a.invoiceNumber()).add("amount", a.amount());
    }
    assertDigest(ledger.applyPayment("a2", oi), oiRef);
    Adjustment adj = Adjustment.builder().documentNumber("ADJ-1").accountId("ACC-Ω").amount(usd("-2.00"))
        .date(d("2024-02-15")).invoiceNumber("INV-2").reason("goodwill ✓").build();
    assertDigest(ledger.adjust("adj", adj), new ReferenceCanon("adjust").add("documentNumber", "ADJ-1")
        .add("accountId", "ACC-Ω").add("amount", adj.amount()).add("date", adj.date()).add("dueDate", adj.dueDate())
        .add("invoiceNumber", adj.invoiceNumber()).add("reason", adj.reason()));
    WriteOff wo = WriteOff.builder().invoiceNumber("INV-2").date(d("2024-02-16")).amount(usd("1.00"))
        .reason("small").build();
    assertDigest(ledger.writeOff("wo", wo), new ReferenceCanon("writeOff").add("invoiceNumber", "INV-2")
        .add("date", wo.date()).add("amount", wo.amount()).add("reason", wo.reason()));
    LateFeePolicy lf = LateFeePolicy.builder().currency(USD).rate(new BigDecimal("0.0150")).flatFee(usd("5.00"))
        .graceDays(5).netDays(14).build();
    assertDigest(ledger.assessLateFee("LF-1", "ACC-Ω", d("2024-04-01"), lf).orElseThrow(),
        new ReferenceCanon("assessLateFee").add("accountId", "ACC-Ω").add("asOf", d("2024-04-01"))
            .add("currency", USD).add("rate", lf.rate().toPlainString()).add("flatFee", lf.flatFee())
            .add("minimumOverdue", lf.minimumOverdue()).add("graceDays", lf.graceDays())
            .add("netDays", lf.netDays()).add("roundingMode", lf.roundingMode()));
    ledger.recordPayment("p3", payment("PAY-3", "ACC-Ω", usd("900.00"), PaymentMethod.EFT, "2024-04-02"));
    Refund rf = Refund.builder().refundId("RF-1").accountId("ACC-Ω").amount(usd("10.00")).date(d("2024-04-03"))
        .reason("overpaid").build();
    assertDigest(ledger.refund("rf", rf), new ReferenceCanon("refund").add("refundId", "RF-1")
        .add("accountId", "ACC-Ω").add("amount", rf.amount()).add("date", rf.date()).add("reason", rf.reason()));
    assertDigest(ledger.payRefund("rfp", "RF-1", PaymentMethod.WIRE, d("2024-04-04"), "BANK-1"),
        new ReferenceCanon("payRefund").add("refundId", "RF-1").add("method", PaymentMethod.WIRE)
            .add("date", d("2024-04-04")).add("externalReference", "BANK-1"));
    long seq = ledger.entry("p3").orElseThrow().sequence();
    assertDigest(ledger.reverse("rev", seq, d("2024-04-05"), "duplicate"), new ReferenceCanon("reverse")
        .add("sequence", seq).add("date", d("2024-04-05")).add("reason", "duplicate"));
    ledger.issueInvoice("i3", simple("INV-3", "ACC-Ω", "2024-04-01", "2024-05-01", usd("40.00")));
    ledger.issueInvoice("i4", simple("INV-4", "ACC-Ω", "2024-04-01", "2024-05-01", usd("41.00")));
    assertDigest(ledger.reverseInvoice("ri", "INV-3", d("2024-04-06"), "wrong"), new ReferenceCanon(
        "reverseInvoice").add("invoiceNumber", "INV-3").add("date", d("2024-04-06")).add("reason", "wrong"));
    Invoice rep = simple("INV-4R", "ACC-Ω", "2024-04-07", "2024-05-07", usd("39.00"));
    assertDigest(ledger.cancelAndRebill("cr", "INV-4", rep, "rate"), new ReferenceCanon("cancelAndRebill")
        .add("invoiceNumber", "INV-4").invoice("replacement", rep).add("reason", "rate"));
    assertDigest(ledger.openDispute("do", "INV-4R", d("2024-04-08"), "why"), new ReferenceCanon("DISPUTE_OPENED")
        .add("invoiceNumber", "INV-4R").add("date", d("2024-04-08")).add("reason", "why"));
    assertDigest(ledger.resolveDispute("dr", "INV-4R", d("2024-04-09"), "ok"), new ReferenceCanon(
        "DISPUTE_RESOLVED").add("invoiceNumber", "INV-4R").add("date", d("2024-04-09")).add("reason", "ok"));
    DunningPolicy dp = DunningPolicy.builder().currency(USD).graceDays(5)
        .addLevel(DunningLevel.of(1, "Reminder", 1, usd("5.00"))).build();
    ReferenceCanon dunRef = new ReferenceCanon("runDunning").add("asOf", d("2024-06-01")).add("currency", USD)
        .add("graceDays", 5);
    for (DunningLevel l : dp.levels()) {
      dunRef.add("level", l.level()).add("name", l.name()).add("days", l.daysPastDue()).add("minimum",
          l.minimumAmount());
    }
    assertDigest(ledger.runDunning("dun", d("2024-06-01"), dp).posting(), dunRef);
    assertDigest(ledger.openCustomer("oc", "ACC-2", d("2024-06-02")), new ReferenceCanon("openCustomer")
        .add("accountId", "ACC-2").add("date", d("2024-06-02")));
    ManualEntry m = ManualEntry.builder().effectiveDate(d("2024-06-03")).description("fee")
        .addLines(JournalLine.debit(LedgerAccount.general("bank-fees"), usd("1.00")),
            JournalLine.credit(LedgerAccount.cash(PaymentMethod.EFT), usd("1.00")))
        .putAttribute("batch", "B-1").putAttribute("note", "n").build();
    ReferenceCanon mRef = new ReferenceCanon("post").add("effectiveDate", m.effectiveDate())
        .add("description", m.description());
    for (JournalLine l : m.lines()) {
      mRef.add("line", l.account()).add("side", l.side()).add("amount", l.amount()).add("itemRef", l.itemRef())
          .add("dueDate", l.dueDate());
    }
    m.attributes().forEach((k, v) -> mRef.add("attribute." + k, v));
    assertDigest(ledger.post("m", m), mRef);
    assertDigest(ledger.closePeriod("close", d("2024-06-30")), new ReferenceCanon("closePeriod")
        .add("closedThrough", d("2024-06-30")));
  }

  private static void assertDigest(PostingResult r, ReferenceCanon reference) {
    assertThat(r.replayed()).isFalse();
    assertThat(r.entry().contentDigest()).as("digest of %s", r.entry().key()).isEqualTo(reference.digest());
  }
}
