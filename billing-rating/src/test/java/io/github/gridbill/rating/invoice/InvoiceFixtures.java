package io.github.gridbill.rating.invoice;

import io.github.gridbill.core.contract.Address;
import io.github.gridbill.core.contract.BillingCycle;
import io.github.gridbill.core.contract.CustomerAccount;
import io.github.gridbill.core.contract.Lease;
import io.github.gridbill.core.contract.MaintenanceContract;
import io.github.gridbill.core.contract.OneOffCharge;
import io.github.gridbill.core.contract.OneOffKind;
import io.github.gridbill.core.contract.PaymentTerms;
import io.github.gridbill.core.contract.RecurrenceFrequency;
import io.github.gridbill.core.contract.SolarPpa;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.quantity.Unit;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.Bill;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.RatingPlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Accounts, contracts and rated bills for the invoice tests. */
final class InvoiceFixtures {
  static final ZoneId UTC = ZoneId.of("UTC");
  static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BillingPeriod MARCH_2024 = BillingPeriod.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1), UTC);

  private InvoiceFixtures() {}

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  static Money usd(String amount) {
    return Money.of(CurrencyUnit.USD, d(amount));
  }

  static CustomerAccount account(String id, CurrencyUnit currency, ZoneId zone) {
    return CustomerAccount.builder().id(id).name("Customer " + id)
        .billingAddress(Address.builder().addLine("1 Main Street").city("Springfield").country("US").build())
        .currency(currency).zone(zone).paymentTerms(PaymentTerms.net(15)).billingCycle(BillingCycle.monthlyOn(1))
        .build();
  }

  static CustomerAccount usdAccount() {
    return account("ACC-1", CurrencyUnit.USD, UTC);
  }

  static InvoiceAssembler assembler(InvoiceNumberSequence seq) {
    return InvoiceAssembler.builder().sequence(seq).build();
  }

  /** A tariff with a USD 7.57 (or the same in another currency) customer charge and a flat energy rate. */
  static Tariff flatTariff(CurrencyUnit currency, ZoneId zone, String rate) {
    return Tariff.builder().id("RES-1").name("Residential").currency(currency).zone(zone)
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2000, 1, 1))
            .addFixedCharge(FixedCharge.of("customer", "Customer charge", d("7.57"), FixedChargeBasis.PER_BILL))
            .addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
                .addPeriod(PeriodTiers.flat(0, d(rate))).build())
            .build())
        .build();
  }

  /** Rates a meter whose hourly import totals {@code kwh} over the period. */
  static Bill bill(Tariff t, String meterId, BillingPeriod p, long kwh) {
    IntervalGrid g = IntervalGrid.forPeriod(p, IntervalLength.SIXTY_MINUTES);
    long[] imp = new long[g.count()];
    long total = kwh * 1_000_000L;
    Arrays.fill(imp, total / imp.length);
    imp[0] += total % imp.length;
    return Rater.create().rate(RatingPlan.compile(t, p, IntervalLength.SIXTY_MINUTES),
        IntervalSeries.ofImports(meterId, g, imp)).bill();
  }

  static SolarPpa ppa(String id, String accountId, LocalDate start, String price, String escalator) {
    return SolarPpa.builder().id(id).accountId(accountId).meterId("GEN-1").currency(CurrencyUnit.USD)
        .pricePerKwh(d(price)).escalatorPercent(d(escalator)).startDate(start).build();
  }

  static Lease lease(String id, String accountId, Money payment, LocalDate start) {
    return Lease.builder().id(id).accountId(accountId).monthlyPayment(payment).startDate(start).build();
  }

  static MaintenanceContract amc(String id, String accountId, Money fee, RecurrenceFrequency f, LocalDate start) {
    return MaintenanceContract.builder().id(id).accountId(accountId).fee(fee).frequency(f).startDate(start).build();
  }

  static OneOffCharge oneOff(String id, String accountId, OneOffKind kind, String qty, Unit unit, Money price,
      LocalDate date) {
    return OneOffCharge.builder().id(id).accountId(accountId).kind(kind).description("Item " + id)
        .quantity(Quantity.of(d(qty), unit)).unitPrice(price).serviceDate(date).build();
  }
}
