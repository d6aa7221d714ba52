package io.github.gridbill.examples.demo;

import io.github.gridbill.core.contract.Contract;
import io.github.gridbill.core.contract.OneOffCharge;
import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.quantity.Unit;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.reconcile.billing.BillingReconciler;
import io.github.gridbill.reconcile.billing.BillingReconciliationReport;
import io.github.gridbill.reconcile.billing.SourceKind;
import io.github.gridbill.reconcile.billing.SourceRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The records the operational systems hold about what should be billed, for billing reconciliation: the meter-data
 * system's read period of every consumption meter (kWh imported), and the field-service system's tickets and
 * installation milestones. As in life, a few tickets were closed after the bill run (not billed) and a few were logged
 * with a second visit the invoice does not show.
 */
final class DemoSources {
  private DemoSources() {}

  /**
   * The source records of one book.
   *
   * @param accounts every account
   * @param importKwh what each metered account's meter recorded
   * @param scenario the scenario (month, seed)
   * @param book the book
   */
  static List<SourceRecord> of(List<DemoAccount> accounts, Map<String, BigDecimal> importKwh, DemoScenario scenario,
      DemoBook book) {
    List<SourceRecord> out = new ArrayList<>();
    BillingPeriod p = scenario.period(book);
    for (DemoAccount a : accounts) {
      if (a.book() != book) {
        continue;
      }
      BigDecimal kwh = importKwh.get(a.id());
      if (!a.kind().hasSolar() && kwh != null) {
        // the meter-data system's read period: the kWh the meter recorded (consumption meters only; a solar meter's
        // billing determinant is a net figure the MDM does not hold)
        out.add(SourceRecord.builder().id("meter:" + a.meterId() + ":" + p.startInclusive() + "/" + p.endExclusive())
            .kind(SourceKind.METER_READ_PERIOD).accountId(a.id()).quantity(Quantity.of(kwh, Unit.KWH))
            .startInclusive(p.startInclusive()).endExclusive(p.endExclusive()).build());
      }
      SplittableRandom r = new SplittableRandom(a.seed() ^ 0x7A11EDL);
      for (Contract c : a.contracts()) {
        if (c instanceof OneOffCharge o) {
          SourceKind kind = o.kind() == io.github.gridbill.core.contract.OneOffKind.SERVICE_TICKET
              ? SourceKind.SERVICE_TICKET : SourceKind.SALES_ORDER_LINE;
          Quantity q = o.quantity();
          if (kind == SourceKind.SERVICE_TICKET && r.nextInt(100) < 15) {
            q = Quantity.of(q.value().add(BigDecimal.ONE), q.unit()); // a second visit logged, not billed
          }
          out.add(SourceRecord.builder().id(o.id()).kind(kind).accountId(a.id()).quantity(q)
              .startInclusive(o.serviceDate()).endExclusive(o.serviceDate().plusDays(1)).build());
        }
      }
      if (r.nextInt(1000) < 8) {
        // a ticket closed on the last day, entered after the bill run: never billed
        out.add(SourceRecord.builder().id("TKT-" + (900_000 + a.index())).kind(SourceKind.SERVICE_TICKET)
            .accountId(a.id()).quantity(Quantity.of(BigDecimal.ONE, Unit.EACH))
            .startInclusive(p.endExclusive().minusDays(1)).endExclusive(p.endExclusive()).build());
      }
    }
    return out;
  }

  /**
   * Reconciles one book: energy and one-off lines count toward the quantities billed. The scope is what these
   * systems hold: consumption meters' read periods, tickets and milestones; contract subscriptions (leases,
   * maintenance, PPAs) and solar meters' net determinants are reconciled against their own systems.
   */
  static BillingReconciliationReport reconcile(List<SourceRecord> sources, List<Invoice> invoices) {
    java.util.Set<String> meterReads = new java.util.HashSet<>();
    for (SourceRecord s : sources) {
      if (s.kind() == SourceKind.METER_READ_PERIOD) {
        meterReads.add(s.id());
      }
    }
    return BillingReconciler.create().withCountedLineKinds(EnumSet.of(LineKind.ENERGY, LineKind.ONE_OFF))
        .withScope(ref -> ref.startsWith("TKT-") || ref.startsWith("MS-") || meterReads.contains(ref))
        .reconcile(sources, invoices);
  }
}
