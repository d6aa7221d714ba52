package io.github.gridbill.rating.invoice;

import static io.github.gridbill.rating.invoice.InvoiceFixtures.INR;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.KOLKATA;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.MARCH_2024;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.UTC;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.account;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.amc;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.assembler;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.bill;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.d;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.flatTariff;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.lease;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.oneOff;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.ppa;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.usd;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.usdAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.BusinessRuleException;
import io.github.gridbill.core.CurrencyMismatchException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.contract.BillingCycle;
import io.github.gridbill.core.contract.Contract;
import io.github.gridbill.core.contract.CustomerAccount;
import io.github.gridbill.core.contract.OneOffKind;
import io.github.gridbill.core.contract.RecurrenceFrequency;
import io.github.gridbill.core.contract.SolarPpa;
import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.quantity.Unit;
import io.github.gridbill.core.tariff.TaxCalculation;
import io.github.gridbill.core.tariff.TaxRule;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.rating.Bill;
import io.github.gridbill.rating.BillLine;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class InvoiceAssemblerTest {

  private final InvoiceNumberSequence seq = InvoiceNumberSequence.of("INV-2024-", 6);
  private final InvoiceAssembler assembler = assembler(seq);
  private final Bill marchBill = bill(flatTariff(CurrencyUnit.USD, UTC, "0.20"), "M-1", MARCH_2024, 450);

  private static InvoiceRequest.Builder request(CustomerAccount acc, BillingPeriod p) {
    return InvoiceRequest.builder().account(acc).period(p).issueDate(p.endExclusive().plusDays(1));
  }

  private static InvoiceRequest.Builder march() {
    return request(usdAccount(), MARCH_2024);
  }

  private static BillingPeriod month(int year, int month) {
    return BillingPeriod.ofMonth(YearMonth.of(year, month), UTC);
  }

  private static List<InvoiceLine> linesOf(Invoice inv, LineKind kind) {
    List<InvoiceLine> out = new ArrayList<>();
    for (InvoiceLine l : inv.lines()) {
      if (l.kind() == kind) {
        out.add(l);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // rated bills, numbering, dates

  @Test
  void billLinesBecomeInvoiceLinesWithTheSameFigures() {
    Invoice inv = assembler.assemble(march().addBill(marchBill).build());
    assertThat(inv.number()).isEqualTo("INV-2024-000001");
    assertThat(inv.accountId()).isEqualTo("ACC-1");
    assertThat(inv.currency()).isEqualTo(CurrencyUnit.USD);
    assertThat(inv.period()).hasValue(MARCH_2024);
    assertThat(inv.total()).isEqualTo(usd("97.57")); // 450 kWh x 0.20 = 90.00, customer charge 7.57
    assertThat(inv.lines()).hasSize(marchBill.lines().size());
    for (int i = 0; i < inv.lines().size(); i++) {
      InvoiceLine il = inv.lines().get(i);
      BillLine bl = marchBill.lines().get(i);
      assertThat(il.kind()).isEqualTo(bl.kind());
      assertThat(il.description()).isEqualTo(bl.description());
      assertThat(il.quantity()).isEqualTo(bl.quantity());
      assertThat(il.rate()).isEqualTo(bl.rate());
      assertThat(il.amount()).isEqualTo(bl.amount());
      assertThat(il.source()).isEqualTo(bl.componentId());
      assertThat(il.sourceRefs()).containsExactly("meter:M-1:2024-03-01/2024-04-01");
    }
    assertThat(linesOf(inv, LineKind.ENERGY)).singleElement()
        .satisfies(l -> assertThat(l.amount()).isEqualTo(usd("90.00")));
  }

  @Test
  void dueDateFollowsThePaymentTerms() {
    Invoice inv = assembler.assemble(march().addBill(marchBill).issueDate(LocalDate.of(2024, 4, 2)).build());
    assertThat(inv.issueDate()).isEqualTo(LocalDate.of(2024, 4, 2));
    assertThat(inv.dueDate()).isEqualTo(LocalDate.of(2024, 4, 17)); // net 15
  }

  @Test
  void numbersFollowOnAcrossInvoicesAndAccounts() {
    InvoiceAssembler a = assembler(InvoiceNumberSequence.resumeAfter("INV-2024-", 6, "INV-2024-000041"));
    assertThat(a.assemble(march().addBill(marchBill).build()).number()).isEqualTo("INV-2024-000042");
    CustomerAccount other = account("ACC-2", CurrencyUnit.USD, UTC);
    assertThat(a.assemble(request(other, MARCH_2024).addBill(marchBill).build()).number())
        .isEqualTo("INV-2024-000043");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // solar PPA

  @Test
  void ppaBillsGenerationAtTheContractYearPrice() {
    SolarPpa p = ppa("PPA-1", "ACC-1", LocalDate.of(2022, 6, 1), "0.1200", "2");
    Invoice may = assembler.assemble(request(usdAccount(), month(2023, 5)).addContract(p)
        .putPpaGeneration("PPA-1", Energy.ofWattHours(812_400)).build());
    InvoiceLine l = may.lines().get(0);
    assertThat(l.kind()).isEqualTo(LineKind.PPA);
    assertThat(l.description()).isEqualTo("Solar PPA energy, contract year 1");
    assertThat(l.quantity()).hasValue(Quantity.of(d("812.4"), Unit.KWH));
    assertThat(l.rate().orElseThrow()).isEqualByComparingTo("0.12");
    assertThat(l.amount()).isEqualTo(usd("97.49")); // 812.4 x 0.12 = 97.488
    assertThat(l.source()).isEqualTo("PPA-1");
    assertThat(l.sourceRefs()).containsExactly("meter:GEN-1:2023-05-01/2023-06-01");
  }

  @Test
  void ppaEscalatorStepsAtTheContractYearBoundary() {
    SolarPpa p = ppa("PPA-1", "ACC-1", LocalDate.of(2022, 6, 1), "0.1200", "2");
    Energy gen = Energy.ofWattHours(812_400);
    Invoice may = assembler.assemble(request(usdAccount(), month(2023, 5)).addContract(p)
        .putPpaGeneration("PPA-1", gen).build());
    Invoice june = assembler.assemble(request(usdAccount(), month(2023, 6)).addContract(p)
        .putPpaGeneration("PPA-1", gen).build());
    assertThat(may.total()).isEqualTo(usd("97.49"));
    InvoiceLine l = june.lines().get(0);
    assertThat(l.description()).isEqualTo("Solar PPA energy, contract year 2");
    assertThat(l.rate().orElseThrow()).isEqualByComparingTo("0.1224");
    assertThat(l.amount()).isEqualTo(usd("99.44")); // 812.4 x 0.1224 = 99.43776
  }

  @Test
  void anniversaryInsideAPeriodTakesEffectFromTheNextPeriod() {
    SolarPpa p = ppa("PPA-1", "ACC-1", LocalDate.of(2022, 6, 15), "0.1200", "2");
    Energy mwh = Energy.ofWattHours(1_000_000);
    assertThat(assembler.assemble(request(usdAccount(), month(2023, 6)).addContract(p)
        .putPpaGeneration("PPA-1", mwh).build()).total()).isEqualTo(usd("120.00"));
    assertThat(assembler.assemble(request(usdAccount(), month(2023, 7)).addContract(p)
        .putPpaGeneration("PPA-1", mwh).build()).total()).isEqualTo(usd("122.40"));
    // year 3: 0.12 x 1.02^2 = 0.124848 exactly, 1000 kWh = 124.848
    Invoice y3 = assembler.assemble(request(usdAccount(), month(2024, 7)).addContract(p)
        .putPpaGeneration("PPA-1", mwh).build());
    assertThat(y3.lines().get(0).rate().orElseThrow()).isEqualByComparingTo("0.124848");
    assertThat(y3.total()).isEqualTo(usd("124.85"));
  }

  @Test
  void ppaStartingInsideThePeriodIsPricedFromItsFirstDay() {
    SolarPpa p = ppa("PPA-1", "ACC-1", LocalDate.of(2024, 3, 10), "0.15", "3");
    Invoice inv = assembler.assemble(march().addContract(p).putPpaGeneration("PPA-1", Energy.ofWattHours(100_000))
        .build());
    assertThat(inv.total()).isEqualTo(usd("15.00"));
    assertThat(inv.lines().get(0).sourceRefs()).containsExactly("meter:GEN-1:2024-03-10/2024-04-01");
  }

  @Test
  void ppaWithZeroGenerationBillsZero() {
    SolarPpa p = ppa("PPA-1", "ACC-1", LocalDate.of(2022, 6, 1), "0.12", "2");
    Invoice inv = assembler.assemble(march().addContract(p).putPpaGeneration("PPA-1", Energy.zero()).build());
    assertThat(inv.lines()).singleElement().satisfies(l -> assertThat(l.amount()).isEqualTo(usd("0.00")));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // lease

  @Test
  void leaseBillsTheMonthlyPaymentForAFullCyclePeriod() {
    Invoice inv = assembler.assemble(march().addContract(lease("LEASE-1", "ACC-1", usd("149.99"),
        LocalDate.of(2023, 1, 1))).build());
    InvoiceLine l = inv.lines().get(0);
    assertThat(l.kind()).isEqualTo(LineKind.LEASE);
    assertThat(l.description()).isEqualTo("Solar lease");
    assertThat(l.quantity()).hasValue(Quantity.of(1, Unit.MONTH));
    assertThat(l.rate().orElseThrow()).isEqualByComparingTo("149.99");
    assertThat(l.amount()).isEqualTo(usd("149.99"));
    assertThat(l.sourceRefs()).containsExactly("LEASE-1:2024-03-01/2024-04-01");
  }

  @Test
  void leaseProratesAPartialFirstMonthByDays() {
    Invoice inv = assembler.assemble(march().addContract(lease("LEASE-1", "ACC-1", usd("149.99"),
        LocalDate.of(2024, 3, 15))).build());
    InvoiceLine l = inv.lines().get(0);
    assertThat(l.description()).isEqualTo("Solar lease, 17 of 31 days");
    assertThat(l.quantity()).hasValue(Quantity.of(17, Unit.DAY));
    assertThat(l.rate()).isEmpty();
    assertThat(l.amount()).isEqualTo(usd("82.25")); // 149.99 x 17 / 31 = 82.2526
    assertThat(l.sourceRefs()).containsExactly("LEASE-1:2024-03-15/2024-04-01");
  }

  @Test
  void leaseProratesAPartialLastMonthByDays() {
    var l = io.github.gridbill.core.contract.Lease.builder().from(lease("LEASE-1", "ACC-1", usd("149.99"),
        LocalDate.of(2023, 1, 1))).endDate(LocalDate.of(2024, 6, 10)).build();
    Invoice june = assembler.assemble(request(usdAccount(), month(2024, 6)).addContract(l).build());
    assertThat(june.total()).isEqualTo(usd("45.00")); // 149.99 x 9 / 30 = 44.997
    assertThat(june.lines().get(0).description()).isEqualTo("Solar lease, 9 of 30 days");
  }

  @Test
  void leaseOnABillDay15CycleBillsOnePaymentPerCyclePeriod() {
    CustomerAccount acc = CustomerAccount.builder().from(usdAccount()).billingCycle(BillingCycle.monthlyOn(15))
        .build();
    BillingPeriod p = BillingPeriod.of(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 4, 15), UTC);
    Invoice inv = assembler.assemble(request(acc, p).addContract(lease("LEASE-1", "ACC-1", usd("149.99"),
        LocalDate.of(2023, 1, 1))).build());
    assertThat(inv.total()).isEqualTo(usd("149.99"));
  }

  @Test
  void leaseEndedBeforeThePeriodAddsNoLine() {
    var l = io.github.gridbill.core.contract.Lease.builder().from(lease("LEASE-1", "ACC-1", usd("149.99"),
        LocalDate.of(2023, 1, 1))).endDate(LocalDate.of(2024, 3, 1)).build();
    Invoice inv = assembler.assemble(march().addBill(marchBill).addContract(l).build());
    assertThat(linesOf(inv, LineKind.LEASE)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // maintenance

  @Test
  void quarterlyMaintenanceFeeIsBilledInItsMonthsOnly() {
    var m = amc("AMC-1", "ACC-1", usd("300.00"), RecurrenceFrequency.QUARTERLY, LocalDate.of(2024, 1, 10));
    Invoice april = assembler.assemble(request(usdAccount(), month(2024, 4)).addContract(m).build());
    InvoiceLine l = april.lines().get(0);
    assertThat(l.kind()).isEqualTo(LineKind.MAINTENANCE);
    assertThat(l.description()).isEqualTo("Maintenance contract, quarterly fee 2024-04");
    assertThat(l.amount()).isEqualTo(usd("300.00"));
    assertThat(l.sourceRefs()).containsExactly("AMC-1:2024-04");
    Invoice feb = assembler.assemble(request(usdAccount(), month(2024, 2)).addBill(
        bill(flatTariff(CurrencyUnit.USD, UTC, "0.20"), "M-1", month(2024, 2), 10)).addContract(m).build());
    assertThat(linesOf(feb, LineKind.MAINTENANCE)).isEmpty();
  }

  @Test
  void maintenanceOnABillDay15CycleBillsEveryMonthExactlyOnce() {
    CustomerAccount acc = CustomerAccount.builder().from(usdAccount()).billingCycle(BillingCycle.monthlyOn(15))
        .build();
    var m = amc("AMC-1", "ACC-1", usd("50.00"), RecurrenceFrequency.MONTHLY, LocalDate.of(2024, 3, 20));
    List<String> refs = new ArrayList<>();
    List<Money> totals = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      LocalDate s = LocalDate.of(2024, 3, 15).plusMonths(i);
      Invoice inv = assembler.assemble(request(acc, BillingPeriod.of(s, s.plusMonths(1), UTC)).addContract(m)
          .build());
      inv.lines().forEach(l -> refs.addAll(l.sourceRefs()));
      totals.add(inv.total());
    }
    // fee dates: 03-20 (start), 04-01, 05-01, 06-01, 07-01 -> the first period has two, the others one each
    assertThat(refs).containsExactly("AMC-1:2024-03", "AMC-1:2024-04", "AMC-1:2024-05", "AMC-1:2024-06",
        "AMC-1:2024-07");
    assertThat(totals).containsExactly(usd("100.00"), usd("50.00"), usd("50.00"), usd("50.00"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // one-off charges

  @Test
  void oneOffChargesAreQuantityTimesUnitPriceRoundedOnce() {
    Invoice inv = assembler.assemble(march()
        .addContract(oneOff("TICKET-4411", "ACC-1", OneOffKind.SERVICE_TICKET, "2.5", Unit.HOUR, usd("85.00"),
            LocalDate.of(2024, 3, 5)))
        .addContract(oneOff("SO-17-1", "ACC-1", OneOffKind.SALES_ORDER, "3", Unit.EACH, usd("19.99"),
            LocalDate.of(2024, 3, 31)))
        .addContract(oneOff("MS-2", "ACC-1", OneOffKind.MILESTONE, "1.005", Unit.EACH, usd("1.00"),
            LocalDate.of(2024, 3, 1)))
        .addContract(oneOff("INST-1", "ACC-1", OneOffKind.INSTALLATION, "1", Unit.EACH, usd("999.00"),
            LocalDate.of(2024, 4, 1))) // next period
        .build());
    assertThat(inv.lines()).extracting(InvoiceLine::amount)
        .containsExactly(usd("212.50"), usd("59.97"), usd("1.01"));
    assertThat(inv.lines()).extracting(InvoiceLine::sourceRefs)
        .containsExactly(List.of("TICKET-4411"), List.of("SO-17-1"), List.of("MS-2"));
    InvoiceLine t = inv.lines().get(0);
    assertThat(t.kind()).isEqualTo(LineKind.ONE_OFF);
    assertThat(t.description()).isEqualTo("Item TICKET-4411");
    assertThat(t.quantity()).hasValue(Quantity.of(d("2.5"), Unit.HOUR));
    assertThat(t.rate().orElseThrow()).isEqualByComparingTo("85.00");
    assertThat(inv.total()).isEqualTo(usd("273.48"));
  }

  @Test
  void roundingModeIsConfigurable() {
    InvoiceAssembler halfEven = InvoiceAssembler.builder().sequence(seq).roundingMode(RoundingMode.HALF_EVEN).build();
    Invoice inv = halfEven.assemble(march().addContract(oneOff("MS-2", "ACC-1", OneOffKind.MILESTONE, "1.005",
        Unit.EACH, usd("1.00"), LocalDate.of(2024, 3, 1))).build());
    assertThat(inv.total()).isEqualTo(usd("1.00"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // taxes

  @Test
  void gstOnContractItemsOfAnInrAccount() {
    CustomerAccount acc = account("ACC-IN-1", INR, KOLKATA);
    BillingPeriod p = BillingPeriod.ofMonth(YearMonth.of(2024, 3), KOLKATA);
    InvoiceAssembler gst = InvoiceAssembler.builder().sequence(seq)
        .addTaxRule(TaxRule.onAll("cgst", "CGST", d("9")))
        .addTaxRule(TaxRule.onAll("sgst", "SGST", d("9")))
        .build();
    Invoice inv = gst.assemble(request(acc, p)
        .addContract(lease("LEASE-1", "ACC-IN-1", Money.of(INR, d("10000.00")), LocalDate.of(2023, 4, 1)))
        .addContract(amc("AMC-1", "ACC-IN-1", Money.of(INR, d("1500.00")), RecurrenceFrequency.MONTHLY,
            LocalDate.of(2023, 4, 1)))
        .addContract(oneOff("TICKET-1", "ACC-IN-1", OneOffKind.SERVICE_TICKET, "2", Unit.HOUR,
            Money.of(INR, d("750.00")), LocalDate.of(2024, 3, 12)))
        .build());
    assertThat(inv.lines()).extracting(InvoiceLine::kind).containsExactly(LineKind.LEASE, LineKind.MAINTENANCE,
        LineKind.ONE_OFF, LineKind.TAX, LineKind.TAX);
    assertThat(inv.subtotal()).isEqualTo(Money.of(INR, d("13000.00")));
    InvoiceLine cgst = inv.lines().get(3);
    assertThat(cgst.description()).isEqualTo("CGST 9% of INR 13000.00");
    assertThat(cgst.amount()).isEqualTo(Money.of(INR, d("1170.00")));
    assertThat(cgst.source()).isEqualTo("cgst");
    assertThat(cgst.sourceRefs()).containsExactly("LEASE-1", "AMC-1", "TICKET-1");
    assertThat(cgst.quantity()).hasValue(Quantity.of(d("9"), Unit.PERCENT));
    assertThat(inv.lines().get(4).amount()).isEqualTo(Money.of(INR, d("1170.00")));
    assertThat(inv.taxTotal()).isEqualTo(Money.of(INR, d("2340.00")));
    assertThat(inv.total()).isEqualTo(Money.of(INR, d("15340.00")));
  }

  @Test
  void perLineTaxRoundsEachLineAndSubtotalTaxRoundsOnce() {
    TaxRule perLine = TaxRule.builder().id("vat-line").description("VAT").percent(d("9"))
        .calculation(TaxCalculation.PER_LINE).build();
    TaxRule onSubtotal = TaxRule.onAll("vat-sub", "VAT", d("9"));
    InvoiceRequest r = march()
        .addContract(oneOff("A", "ACC-1", OneOffKind.SALES_ORDER, "1", Unit.EACH, usd("10.05"),
            LocalDate.of(2024, 3, 2)))
        .addContract(oneOff("B", "ACC-1", OneOffKind.SALES_ORDER, "1", Unit.EACH, usd("10.05"),
            LocalDate.of(2024, 3, 3)))
        .build();
    // each line: 10.05 x 9% = 0.9045 -> 0.90, twice = 1.80; subtotal: 20.10 x 9% = 1.809 -> 1.81
    Invoice a = InvoiceAssembler.builder().sequence(seq).addTaxRule(perLine).build().assemble(r);
    Invoice b = InvoiceAssembler.builder().sequence(seq).addTaxRule(onSubtotal).build().assemble(r);
    assertThat(a.taxTotal()).isEqualTo(usd("1.80"));
    assertThat(b.taxTotal()).isEqualTo(usd("1.81"));
    assertThat(a.total()).isEqualTo(usd("21.90"));
    assertThat(b.total()).isEqualTo(usd("21.91"));
  }

  @Test
  void taxAppliesToNamedContractIdsLineKindsAndOneOffKinds() {
    InvoiceAssembler a = InvoiceAssembler.builder().sequence(seq)
        .addTaxRule(TaxRule.builder().id("lease-tax").description("Lease tax").percent(d("10"))
            .addAppliesTo("LEASE-1").build())
        .addTaxRule(TaxRule.builder().id("service-tax").description("Service tax").percent(d("5"))
            .addAppliesTo("SERVICE_TICKET").build())
        .addTaxRule(TaxRule.builder().id("goods-tax").description("Goods tax").percent(d("20"))
            .addAppliesTo("ONE_OFF").build())
        .addTaxRule(TaxRule.builder().id("ppa-tax").description("PPA tax").percent(d("1"))
            .addAppliesTo("PPA").build())
        .build();
    Invoice inv = a.assemble(march()
        .addContract(lease("LEASE-1", "ACC-1", usd("100.00"), LocalDate.of(2023, 1, 1)))
        .addContract(oneOff("T-1", "ACC-1", OneOffKind.SERVICE_TICKET, "1", Unit.EACH, usd("40.00"),
            LocalDate.of(2024, 3, 2)))
        .addContract(oneOff("SO-1", "ACC-1", OneOffKind.SALES_ORDER, "1", Unit.EACH, usd("60.00"),
            LocalDate.of(2024, 3, 3)))
        .build());
    List<InvoiceLine> taxes = linesOf(inv, LineKind.TAX);
    assertThat(taxes).extracting(InvoiceLine::source).containsExactly("lease-tax", "service-tax", "goods-tax");
    assertThat(taxes).extracting(InvoiceLine::amount).containsExactly(usd("10.00"), usd("2.00"), usd("20.00"));
    assertThat(taxes.get(2).sourceRefs()).containsExactly("T-1", "SO-1");
  }

  @Test
  void ratedBillLinesAreNotTaxedByContractTaxRules() {
    InvoiceAssembler a = InvoiceAssembler.builder().sequence(seq).addTaxRule(TaxRule.onAll("gst", "GST", d("18")))
        .build();
    Invoice inv = a.assemble(march().addBill(marchBill).build());
    assertThat(linesOf(inv, LineKind.TAX)).isEmpty();
    assertThat(inv.total()).isEqualTo(marchBill.total());
  }

  @Test
  void billsAndContractItemsTogetherSumToTheTotal() {
    Invoice inv = assembler.assemble(march().addBill(marchBill)
        .addContract(lease("LEASE-1", "ACC-1", usd("149.99"), LocalDate.of(2023, 1, 1)))
        .addContract(ppa("PPA-1", "ACC-1", LocalDate.of(2022, 6, 1), "0.12", "2"))
        .putPpaGeneration("PPA-1", Energy.ofWattHours(812_400))
        .build());
    // 97.57 + 149.99 + 812.4 x 0.1224 (contract year 2) = 99.44
    assertThat(inv.total()).isEqualTo(usd("347.00"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // validation: one test per rule; none consumes a number

  private void assertRefused(Class<? extends RuntimeException> type, InvoiceRequest r, String message) {
    assertThatExceptionOfType(type).isThrownBy(() -> assembler.assemble(r)).withMessage(message);
    assertThat(seq.lastIssued()).isZero();
  }

  @Test
  void periodMustBeInTheAccountsZone() {
    assertRefused(ValidationException.class, request(account("ACC-1", CurrencyUnit.USD, KOLKATA), MARCH_2024)
        .addBill(marchBill).build(), "period.zone must be the account's zone Asia/Kolkata: UTC");
  }

  @Test
  void billMustBeInTheAccountsCurrency() {
    assertRefused(CurrencyMismatchException.class, request(account("ACC-1", INR, UTC), MARCH_2024)
        .addBill(marchBill).build(), "bills[0].currency must be in the currency INR: USD");
  }

  @Test
  void billLinesMustBeInTheAccountsCurrency() {
    List<BillLine> lines = new ArrayList<>(marchBill.lines());
    lines.set(1, lines.get(1).withAmount(Money.of(INR, d("90.00"))));
    assertRefused(CurrencyMismatchException.class, march().addBill(marchBill.withLines(lines)).build(),
        "bills[0].lines[1].amount must be in the currency USD: INR 90.00");
  }

  @Test
  void billPeriodMustLieWithinTheInvoicePeriod() {
    Bill april = bill(flatTariff(CurrencyUnit.USD, UTC, "0.20"), "M-1", month(2024, 4), 10);
    assertRefused(ValidationException.class, march().addBill(april).build(),
        "bills[0].period must lie within the invoice period [2024-03-01, 2024-04-01) UTC: "
            + "[2024-04-01, 2024-05-01) UTC");
  }

  @Test
  void billsOfOneMeterMustNotOverlap() {
    assertRefused(ValidationException.class, march().addBill(marchBill).addBill(marchBill).build(),
        "bills[1].period must not overlap bills[0] of the same meter M-1 [2024-03-01, 2024-04-01) UTC: "
            + "[2024-03-01, 2024-04-01) UTC");
  }

  @Test
  void contractIdsMustBeUnique() {
    var l = lease("LEASE-1", "ACC-1", usd("10.00"), LocalDate.of(2023, 1, 1));
    assertRefused(ValidationException.class, march().addContract(l).addContract(l).build(),
        "contracts[1].id must be unique among the request's contracts (contracts[0] has it): LEASE-1");
  }

  @Test
  void contractsMustBelongToTheAccount() {
    assertRefused(ValidationException.class, march().addContract(lease("LEASE-1", "ACC-2", usd("10.00"),
        LocalDate.of(2023, 1, 1))).build(),
        "contracts[LEASE-1].accountId must be the invoiced account's id ACC-1: ACC-2");
  }

  /** A contract kind the assembler does not know. */
  static final class OtherContract implements Contract {
    @Override
    public String id() {
      return "X-1";
    }

    @Override
    public String accountId() {
      return "ACC-1";
    }

    @Override
    public LocalDate startDate() {
      return LocalDate.of(2024, 1, 1);
    }

    @Override
    public Optional<LocalDate> endDate() {
      return Optional.empty();
    }
  }

  @Test
  void contractsMustBeOfAKnownKind() {
    assertRefused(ValidationException.class, march().addBill(marchBill).addContract(new OtherContract()).build(),
        "contracts[X-1] must be a ServiceAgreement, SolarPpa, Lease, MaintenanceContract or OneOffCharge: "
            + "io.github.gridbill.rating.invoice.InvoiceAssemblerTest$OtherContract");
  }

  @Test
  void ppaMustBeInTheAccountsCurrency() {
    SolarPpa p = SolarPpa.builder().from(ppa("PPA-1", "ACC-1", LocalDate.of(2022, 6, 1), "0.12", "2"))
        .currency(INR).build();
    assertRefused(CurrencyMismatchException.class, march().addContract(p).putPpaGeneration("PPA-1",
        Energy.zero()).build(), "contracts[PPA-1].currency must be in the currency USD: INR");
  }

  @Test
  void leasePaymentMustBeInTheAccountsCurrency() {
    assertRefused(CurrencyMismatchException.class, march().addContract(lease("LEASE-1", "ACC-1",
        Money.of(INR, d("100.00")), LocalDate.of(2023, 1, 1))).build(),
        "contracts[LEASE-1].monthlyPayment must be in the currency USD: INR 100.00");
  }

  @Test
  void maintenanceFeeMustBeInTheAccountsCurrency() {
    assertRefused(CurrencyMismatchException.class, march().addContract(amc("AMC-1", "ACC-1",
        Money.of(INR, d("100.00")), RecurrenceFrequency.MONTHLY, LocalDate.of(2023, 1, 1))).build(),
        "contracts[AMC-1].fee must be in the currency USD: INR 100.00");
  }

  @Test
  void oneOffPriceMustBeInTheAccountsCurrency() {
    assertRefused(CurrencyMismatchException.class, march().addContract(oneOff("T-1", "ACC-1",
        OneOffKind.SERVICE_TICKET, "1", Unit.EACH, Money.of(INR, d("100.00")), LocalDate.of(2024, 3, 1))).build(),
        "contracts[T-1].unitPrice must be in the currency USD: INR 100.00");
  }

  @Test
  void everyActivePpaNeedsItsGeneration() {
    assertRefused(ValidationException.class, march().addContract(ppa("PPA-1", "ACC-1", LocalDate.of(2022, 6, 1),
        "0.12", "2")).build(), "ppaGeneration[PPA-1] must be given for every solar PPA active in the period: null");
  }

  @Test
  void ppaGenerationMustNameAnActivePpa() {
    assertRefused(ValidationException.class, march().addBill(marchBill).putPpaGeneration("PPA-9",
        Energy.ofWattHours(5000)).build(),
        "ppaGeneration[PPA-9] must name a solar PPA of the request active in the period: 5 kWh");
  }

  @Test
  void ppaGenerationMustNotBeNegative() {
    assertRefused(ValidationException.class, march().addContract(ppa("PPA-1", "ACC-1", LocalDate.of(2022, 6, 1),
        "0.12", "2")).putPpaGeneration("PPA-1", Energy.ofWattHours(-5000)).build(),
        "ppaGeneration[PPA-1] must not be negative: -5 kWh");
  }

  @Test
  void somethingMustBeBillable() {
    assertRefused(BusinessRuleException.class, march().addContract(oneOff("T-1", "ACC-1",
        OneOffKind.SERVICE_TICKET, "1", Unit.EACH, usd("10.00"), LocalDate.of(2024, 5, 1))).build(),
        "lines must not be empty (no bill and no contract item is billable in the period): "
            + "ACC-1 [2024-03-01, 2024-04-01) UTC");
  }

  @Test
  void exhaustedSequenceFailsWithoutConsuming() {
    InvoiceNumberSequence full = InvoiceNumberSequence.resumeAfter("X", 1, 9);
    assertThatExceptionOfType(BusinessRuleException.class)
        .isThrownBy(() -> assembler(full).assemble(march().addBill(marchBill).build()))
        .withMessage("sequence[X].next must fit in 1 digits (the sequence is exhausted; start a new prefix): 10");
    assertThat(full.lastIssued()).isEqualTo(9);
  }

  @Test
  void builderNeedsASequence() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> InvoiceAssembler.builder().build())
        .withMessage("sequence must be set: null");
  }

  @Test
  void builderRefusesTaxRulesSharingAnId() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> InvoiceAssembler.builder().sequence(seq)
        .addTaxRule(TaxRule.onAll("gst", "GST", d("9"))).addTaxRule(TaxRule.onAll("gst", "GST", d("9"))).build())
        .withMessage("taxRules[1].id must be unique among the tax rules: gst");
  }

  @Test
  void builderRefusesRoundingModeUnnecessary() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> InvoiceAssembler.builder().sequence(seq)
        .roundingMode(RoundingMode.UNNECESSARY).build())
        .withMessage("roundingMode must not be UNNECESSARY (contract items and taxes are rounded once to the minor "
            + "unit): UNNECESSARY");
  }
}
