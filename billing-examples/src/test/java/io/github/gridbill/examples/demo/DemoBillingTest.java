package io.github.gridbill.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.rating.run.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoBillingTest {

  private static DemoBilling.Result bill(int accounts, int threads) {
    DemoScenario s = DemoScenario.of(accounts, DemoScenario.DEFAULT_SEED, threads);
    return new DemoBilling(s, DemoTariffs.create(s), LoadModel.fromGreenButton()).run(ProgressListener.NONE);
  }

  @Test
  void everyAccountGetsOneInvoiceNumberedWithoutGapsPerBook() {
    DemoBilling.Result r = bill(400, 2);
    assertThat(r.failures).isEmpty();
    assertThat(r.invoiceCount()).isEqualTo(400);
    for (DemoBook b : DemoBook.values()) {
      List<Invoice> inv = DemoBook.in(r.invoices, b);
      for (int i = 0; i < inv.size(); i++) {
        assertThat(inv.get(i).number()).endsWith(String.format("%06d", i + 1));
        assertThat(inv.get(i).currency()).isEqualTo(b.currency());
      }
    }
    assertThat(r.estimatedAccounts).isPositive();
    assertThat(r.featured.kind()).isEqualTo(CustomerKind.US_SMALL_BUSINESS);
    assertThat(r.featuredInvoice.accountId()).isEqualTo(r.featured.id());
    // the New York March has the spring-forward day: 31 × 96 − 4 quarter-hours
    assertThat(r.featuredBill.bill().intervalCount()).isEqualTo(31 * 96 - 4);
    // the featured business shed load in the demand-response event and is credited for it
    assertThat(r.featuredBill.bill().lines()).anySatisfy(l -> {
      assertThat(l.kind()).isEqualTo(io.github.gridbill.core.invoice.LineKind.DEMAND_RESPONSE_CREDIT);
      assertThat(l.amount().isNegative()).isTrue();
    });
  }

  @Test
  void theSameScenarioGivesTheSameInvoicesOnAnyNumberOfThreads() {
    List<String> one = new ArrayList<>();
    bill(150, 1).invoices.values().forEach(l -> l.forEach(i -> one.add(i.number() + " " + i.total())));
    List<String> two = new ArrayList<>();
    bill(150, 2).invoices.values().forEach(l -> l.forEach(i -> two.add(i.number() + " " + i.total())));
    assertThat(two).isEqualTo(one);
  }
}
