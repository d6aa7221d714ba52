package io.github.gridbill.examples;

import io.github.gridbill.core.contract.*;
import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.tariff.*;
import io.github.gridbill.core.time.*;
import io.github.gridbill.ledger.*;
import io.github.gridbill.ledger.journal.FileJournalStore;
import io.github.gridbill.rating.*;
import io.github.gridbill.rating.invoice.*;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.*;
import java.util.Arrays;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** The README's embedding example: rate one bill, post it to a durable ledger, apply a payment, print the aging. */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /**
   * Runs the example with its journal in {@code folder} (a second run replays the journal and posts nothing new).
   *
   * @param folder the ledger's folder
   * @return the aging report as of 2024-05-20
   */
  public static AgingReport run(Path folder) {
    Tariff tariff = Tariff.builder().id("RES-1").name("Residential tiered").currency(CurrencyUnit.USD)
        .zone(ZoneId.of("America/New_York")).addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 1, 1))
            .addFixedCharge(FixedCharge.of("customer", "Customer charge", new BigDecimal("7.57"),
                FixedChargeBasis.PER_BILL))
            .addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
                .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(new BigDecimal("100"), new BigDecimal("0.10")),
                    Tier.upTo(new BigDecimal("300"), new BigDecimal("0.15")), Tier.unbounded(new BigDecimal("0.20")))))
                .build()).build()).build();
    var march = BillingPeriod.ofMonth(YearMonth.of(2024, 3), tariff.zone());
    var plan = RatingPlan.compile(tariff, march, IntervalLength.FIFTEEN_MINUTES);
    long[] readings = new long[plan.grid().count()];
    Arrays.fill(readings, 151_400);                                     // 0.1514 kWh every 15 minutes
    Bill bill = Rater.create().rate(plan, IntervalSeries.ofImports("M-1", plan.grid(), readings)).bill();

    var customer = CustomerAccount.builder().id("ACC-1").name("A. Customer")
        .billingAddress(Address.builder().addLine("1 Main St").city("Albany").country("US").build())
        .currency(tariff.currency()).zone(tariff.zone()).paymentTerms(PaymentTerms.net(21))
        .billingCycle(BillingCycle.monthlyOn(1)).build();
    var assembler = InvoiceAssembler.builder().sequence(InvoiceNumberSequence.of("INV-", 6)).build();
    Invoice invoice = assembler.assemble(InvoiceRequest.builder().account(customer).period(march).addBill(bill)
        .issueDate(LocalDate.of(2024, 4, 1)).build());                  // INV-000001, USD 77.56, due 2024-04-22

    try (Ledger ledger = Ledger.open(FileJournalStore.open(folder))) {  // hash-chained, fsync'd journal
      ledger.issueInvoice("invoice:" + invoice.number(), invoice);      // keys make every posting idempotent
      ledger.recordPayment("pay:CHQ-1042", Payment.builder().paymentId("CHQ-1042").accountId("ACC-1")
          .amount(Money.parse("USD 40.00")).method(PaymentMethod.CHEQUE).receivedOn(LocalDate.of(2024, 4, 20))
          .externalReference(invoice.number()).build());
      ledger.applyPayment("apply:CHQ-1042",
          PaymentApplication.openItem("CHQ-1042", LocalDate.of(2024, 4, 20), Allocation.of(invoice.number())));
      AgingReport aging = ledger.aging(LocalDate.of(2024, 5, 20));      // USD 37.56 is 1-30 days past due
      for (AgingRow row : aging.rows()) {
        System.out.println(row.accountId() + " " + aging.labels() + " " + row.buckets() + " total " + row.total());
      }
      System.out.println("journal intact: " + ledger.verify().isIntact());
      return aging;
    }
  }

  /**
   * Runs the example with its journal in {@code ./gridbill-embedding} or the folder named by the first argument.
   *
   * @param args optionally, the ledger's folder
   */
  public static void main(String[] args) {
    run(Path.of(args.length > 0 ? args[0] : "gridbill-embedding"));
  }
}
