package io.github.gridbill.core.contract;

import static io.github.gridbill.core.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.EqualityGroups;
import io.github.gridbill.core.money.Monies;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.quantity.Unit;
import io.github.gridbill.core.time.BillingPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContractModelTest {
  static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  static final CurrencyUnit INR = CurrencyUnit.of("INR");

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  static Address address() {
    return Address.builder().addLine("12 MG Road").addLine("Floor 3").city("Bengaluru").region("KA")
        .postalCode("560001").country("IN").build();
  }

  @Nested
  class Accounts {
    CustomerAccount.Builder account() {
      return CustomerAccount.builder().id("ACC-000123").name("Asha Rao").billingAddress(address()).currency(INR)
          .zone(KOLKATA);
    }

    @Test
    void holds_what_was_put_in_with_defaults() {
      CustomerAccount a = account().build();
      assertThat(a.id()).isEqualTo("ACC-000123");
      assertThat(a.name()).isEqualTo("Asha Rao");
      assertThat(a.billingAddress().lines()).containsExactly("12 MG Road", "Floor 3");
      assertThat(a.billingAddress().city()).isEqualTo("Bengaluru");
      assertThat(a.billingAddress().region()).contains("KA");
      assertThat(a.billingAddress().postalCode()).contains("560001");
      assertThat(a.billingAddress().country()).isEqualTo("IN");
      assertThat(a.currency()).isEqualTo(INR);
      assertThat(a.zone()).isEqualTo(KOLKATA);
      assertThat(a.paymentTerms()).isEqualTo(PaymentTerms.net(30));
      assertThat(a.billingCycle()).isEqualTo(BillingCycle.monthlyOn(1));
      CustomerAccount b = account().paymentTerms(PaymentTerms.net(15)).billingCycle(BillingCycle.monthlyOn(15)).build();
      assertThat(b.paymentTerms().netDays()).isEqualTo(15);
      assertThat(b.billingCycle().billDay()).isEqualTo(15);
    }

    @Test
    void id_must_not_be_blank() {
      invalid("id must not be blank: \"\"", () -> account().id("").build());
    }

    @Test
    void name_must_not_be_blank() {
      invalid("name must not be blank: \" \"", () -> account().name(" ").build());
    }

    @Test
    void value_semantics() {
      EqualityGroups.create()
          .group(account().build(), account().paymentTerms(PaymentTerms.net(30)).build())
          .group(account().name("A. Rao").build())
          .group(account().currency(CurrencyUnit.USD).build())
          .group(account().billingAddress(address().withCity("Mysuru")).build())
          .verify();
      EqualityGroups.create()
          .group(address(), Address.builder().from(address()).build())
          .group(address().withPostalCode("560002"))
          .group(address().withLines("12 MG Road"))
          .verify();
    }
  }

  @Nested
  class ServiceAgreements {
    ServiceAgreement.Builder sa() {
      return ServiceAgreement.builder().id("SA-1").accountId("ACC-1").meterId("MTR-9").startDate(d("2024-01-01"))
          .addTariff(TariffAssignment.of("RES-1", d("2023-06-01")))
          .addTariff(TariffAssignment.of("RES-TOU", d("2024-06-01")));
    }

    @Test
    void tariff_history() {
      ServiceAgreement a = sa().endDate(d("2025-01-01")).build();
      assertThat(a).isInstanceOf(Contract.class);
      assertThat(a.meterId()).isEqualTo("MTR-9");
      assertThat(a.tariffs()).extracting(TariffAssignment::tariffId).containsExactly("RES-1", "RES-TOU");
      assertThat(a.tariffOn(d("2023-12-31"))).isEmpty(); // before the agreement
      assertThat(a.tariffOn(d("2024-01-01"))).contains("RES-1");
      assertThat(a.tariffOn(d("2024-05-31"))).contains("RES-1");
      assertThat(a.tariffOn(d("2024-06-01"))).contains("RES-TOU");
      assertThat(a.tariffOn(d("2024-12-31"))).contains("RES-TOU");
      assertThat(a.tariffOn(d("2025-01-01"))).isEmpty(); // end is exclusive
    }

    @Test
    void no_tariff_before_the_first_assignment() {
      ServiceAgreement a = sa().tariffs(List.of(TariffAssignment.of("RES-1", d("2024-02-01")))).build();
      assertThat(a.tariffOn(d("2024-01-15"))).isEmpty();
      assertThat(a.tariffOn(d("2024-02-01"))).contains("RES-1");
      assertThat(a.endDate()).isEmpty();
      assertThat(a.tariffOn(d("2099-01-01"))).contains("RES-1");
    }

    @Test
    void id_must_not_be_blank() {
      invalid("id must not be blank: \"\"", () -> sa().id("").build());
    }

    @Test
    void tariffs_must_not_be_empty() {
      invalid("tariffs must not be empty: []", () -> sa().tariffs(List.of()).build());
    }

    @Test
    void assignments_in_increasing_order() {
      invalid("tariffs[1].effectiveFrom must be after the previous assignment's 2024-06-01: 2024-06-01",
          () -> sa()
              .tariffs(List.of(TariffAssignment.of("A", d("2024-06-01")), TariffAssignment.of("B", d("2024-06-01"))))
              .build());
    }

    @Test
    void end_after_start() {
      invalid("SA-1.endDate must be after startDate 2024-01-01: 2023-12-31",
          () -> sa().endDate(d("2023-12-31")).build());
    }

    @Test
    void value_semantics() {
      EqualityGroups.create()
          .group(sa().build(), ServiceAgreement.builder().from(sa().build()).build())
          .group(sa().meterId("MTR-10").build())
          .group(sa().endDate(d("2025-01-01")).build())
          .verify();
      EqualityGroups.create()
          .group(TariffAssignment.of("RES-1", d("2024-01-01")),
              TariffAssignment.builder().tariffId("RES-1").effectiveFrom(d("2024-01-01")).build())
          .group(TariffAssignment.of("RES-1", d("2024-01-02")))
          .verify();
    }
  }

  @Nested
  class SolarPpas {
    SolarPpa.Builder ppa() {
      return SolarPpa.builder().id("PPA-17").accountId("ACC-1").meterId("GEN-1").currency(CurrencyUnit.USD)
          .pricePerKwh(bd("0.12")).escalatorPercent(bd("2")).startDate(d("2022-06-01"));
    }

    static Stream<Arguments> data_priceOn() {
      return Stream.of(
          Arguments.of("2022-06-01", 1, "0.12"),
          Arguments.of("2023-05-31", 1, "0.12"),
          Arguments.of("2023-06-01", 2, "0.1224"),
          Arguments.of("2024-05-31", 2, "0.1224"),
          Arguments.of("2024-06-01", 3, "0.124848"),
          Arguments.of("2032-06-01", 11, "0.1462793303993708556288"));
    }

    @ParameterizedTest(name = "{0}: year {1}, {2}")
    @MethodSource("data_priceOn")
    void price_by_contract_year(String date, int year, String price) {
      SolarPpa p = ppa().build();
      assertThat(p.contractYear(d(date))).isEqualTo(year);
      assertThat(p.priceOn(d(date))).isEqualByComparingTo(price);
    }

    @Test
    void holds_what_was_put_in() {
      SolarPpa p = ppa().endDate(d("2042-06-01")).build();
      assertThat(p).isInstanceOf(Contract.class);
      assertThat(p.meterId()).isEqualTo("GEN-1");
      assertThat(p.currency()).isEqualTo(CurrencyUnit.USD);
      assertThat(p.endDate()).contains(d("2042-06-01"));
      assertThat(SolarPpa.builder().from(p).escalatorPercent(BigDecimal.ZERO).build().priceOn(d("2030-01-01")))
          .isEqualByComparingTo("0.12");
      assertThat(SolarPpa.builder().id("P").accountId("A").meterId("M").currency(CurrencyUnit.USD)
          .pricePerKwh(bd("0.1")).startDate(d("2024-01-01")).build().escalatorPercent()).isEqualByComparingTo("0");
    }

    @Test
    void a_declining_price_is_allowed() {
      assertThat(ppa().escalatorPercent(bd("-5")).build().priceOn(d("2023-06-01"))).isEqualByComparingTo("0.114");
    }

    @Test
    void a_day_before_the_start_is_priced_as_year_one() {
      assertThat(ppa().build().priceOn(d("2021-01-01"))).isEqualByComparingTo("0.12");
    }

    @Test
    void ppa_energy_is_rounded_once_on_the_line() {
      // 1,234.5 kWh at the year-3 price 0.124848 = 154.124856 -> USD 154.12
      SolarPpa p = ppa().build();
      assertThat(Monies.extend(p.currency(), bd("1234.5"), p.priceOn(d("2024-07-01")), RoundingMode.HALF_UP))
          .isEqualTo(Money.parse("USD 154.12"));
    }

    @Test
    void id_must_not_be_blank() {
      invalid("id must not be blank: \" \"", () -> ppa().id(" ").build());
    }

    @Test
    void price_not_negative() {
      invalid("PPA-17.pricePerKwh must not be negative: -0.12", () -> ppa().pricePerKwh(bd("-0.12")).build());
    }

    @Test
    void escalator_above_minus_100() {
      invalid("PPA-17.escalatorPercent must be greater than -100: -100",
          () -> ppa().escalatorPercent(bd("-100")).build());
    }

    @Test
    void end_after_start() {
      invalid("PPA-17.endDate must be after startDate 2022-06-01: 2022-06-01",
          () -> ppa().endDate(d("2022-06-01")).build());
    }

    @Test
    void value_semantics() {
      EqualityGroups.create()
          .group(ppa().build(), ppa().build())
          .group(ppa().escalatorPercent(bd("2.5")).build())
          .group(ppa().currency(CurrencyUnit.EUR).build())
          .verify();
    }
  }

  @Nested
  class Leases {
    Lease.Builder lease() {
      return Lease.builder().id("L-1").accountId("ACC-1").monthlyPayment(Money.parse("USD 89.00"))
          .startDate(d("2024-01-01"));
    }

    @Test
    void holds_what_was_put_in() {
      Lease l = lease().build();
      assertThat(l).isInstanceOf(Contract.class);
      assertThat(l.description()).isEqualTo("Solar lease");
      assertThat(l.monthlyPayment()).isEqualTo(Money.parse("USD 89.00"));
      assertThat(l.endDate()).isEmpty();
      assertThat(lease().description("Battery lease").build().description()).isEqualTo("Battery lease");
    }

    @Test
    void id_must_not_be_blank() {
      invalid("id must not be blank: \"\"", () -> lease().id("").build());
    }

    @Test
    void payment_not_negative() {
      invalid("L-1.monthlyPayment must not be negative: -5.00",
          () -> lease().monthlyPayment(Money.parse("USD -5.00")).build());
    }

    @Test
    void end_after_start() {
      invalid("L-1.endDate must be after startDate 2024-01-01: 2023-01-01",
          () -> lease().endDate(d("2023-01-01")).build());
    }

    @Test
    void value_semantics() {
      EqualityGroups.create()
          .group(lease().build(), lease().description("Solar lease").build())
          .group(lease().monthlyPayment(Money.parse("USD 90.00")).build())
          .group(lease().monthlyPayment(Money.parse("EUR 89.00")).build())
          .verify();
    }
  }

  @Nested
  class Maintenance {
    MaintenanceContract.Builder amc() {
      return MaintenanceContract.builder().id("AMC-3").accountId("ACC-1").fee(Money.parse("INR 4500.00"))
          .frequency(RecurrenceFrequency.QUARTERLY).startDate(d("2024-02-10"));
    }

    static Stream<Arguments> data_quarterly() {
      return Stream.of(
          Arguments.of("2024-01", false), // before the start month
          Arguments.of("2024-02", true),
          Arguments.of("2024-03", false),
          Arguments.of("2024-04", false),
          Arguments.of("2024-05", true),
          Arguments.of("2024-08", true),
          Arguments.of("2024-11", true),
          Arguments.of("2024-12", false),
          Arguments.of("2025-02", true));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("data_quarterly")
    void quarterly(String month, boolean billed) {
      assertThat(amc().build().isBilledIn(YearMonth.parse(month))).isEqualTo(billed);
    }

    @Test
    void monthly_and_annual() {
      MaintenanceContract monthly = amc().frequency(RecurrenceFrequency.MONTHLY).build();
      assertThat(monthly.isBilledIn(YearMonth.of(2024, 3))).isTrue();
      assertThat(monthly.isBilledIn(YearMonth.of(2024, 1))).isFalse();
      MaintenanceContract annual = amc().frequency(RecurrenceFrequency.ANNUAL).build();
      assertThat(annual.isBilledIn(YearMonth.of(2025, 2))).isTrue();
      assertThat(annual.isBilledIn(YearMonth.of(2025, 3))).isFalse();
      assertThat(annual.isBilledIn(YearMonth.of(2024, 8))).isFalse();
      assertThat(RecurrenceFrequency.MONTHLY.months()).isEqualTo(1);
      assertThat(RecurrenceFrequency.QUARTERLY.months()).isEqualTo(3);
      assertThat(RecurrenceFrequency.ANNUAL.months()).isEqualTo(12);
    }

    @Test
    void not_billed_from_the_end_month_when_it_ends_on_the_first() {
      MaintenanceContract ended = amc().endDate(d("2024-11-01")).build();
      assertThat(ended.isBilledIn(YearMonth.of(2024, 8))).isTrue();
      assertThat(ended.isBilledIn(YearMonth.of(2024, 11))).isFalse();
      // ending mid-month, the month is still billed
      assertThat(amc().endDate(d("2024-11-10")).build().isBilledIn(YearMonth.of(2024, 11))).isTrue();
    }

    @Test
    void holds_what_was_put_in() {
      MaintenanceContract m = amc().build();
      assertThat(m).isInstanceOf(Contract.class);
      assertThat(m.description()).isEqualTo("Maintenance contract");
      assertThat(m.fee()).isEqualTo(Money.parse("INR 4500.00"));
      assertThat(m.frequency()).isEqualTo(RecurrenceFrequency.QUARTERLY);
    }

    @Test
    void id_must_not_be_blank() {
      invalid("id must not be blank: \"\"", () -> amc().id("").build());
    }

    @Test
    void fee_not_negative() {
      invalid("AMC-3.fee must not be negative: -1.00", () -> amc().fee(Money.parse("INR -1.00")).build());
    }

    @Test
    void end_after_start() {
      invalid("AMC-3.endDate must be after startDate 2024-02-10: 2024-02-09",
          () -> amc().endDate(d("2024-02-09")).build());
    }

    @Test
    void value_semantics() {
      EqualityGroups.create()
          .group(amc().build(), amc().build())
          .group(amc().frequency(RecurrenceFrequency.ANNUAL).build())
          .verify();
    }
  }

  @Nested
  class OneOffCharges {
    OneOffCharge.Builder ticket() {
      return OneOffCharge.builder().id("TICKET-4411").accountId("ACC-1").kind(OneOffKind.SERVICE_TICKET)
          .description("Inverter repair, 2 h").quantity(Quantity.of(2, Unit.HOUR))
          .unitPrice(Money.parse("USD 65.00")).serviceDate(d("2024-03-12"));
    }

    @Test
    void holds_what_was_put_in() {
      OneOffCharge c = ticket().build();
      assertThat(c).isInstanceOf(Contract.class);
      assertThat(c.kind()).isEqualTo(OneOffKind.SERVICE_TICKET);
      assertThat(c.startDate()).isEqualTo(d("2024-03-12"));
      assertThat(c.endDate()).contains(d("2024-03-13"));
      // billed in the period containing the service day, amount = quantity × unit price rounded once
      BillingPeriod march = BillingPeriod.ofMonth(YearMonth.of(2024, 3), KOLKATA);
      assertThat(march.contains(c.serviceDate())).isTrue();
      assertThat(Monies.extend(c.unitPrice().getCurrencyUnit(), c.quantity().value(), c.unitPrice().getAmount(),
          RoundingMode.HALF_UP)).isEqualTo(Money.parse("USD 130.00"));
      assertThat(c.withServiceDate(d("2024-04-01")).startDate()).isEqualTo(d("2024-04-01"));
    }

    @Test
    void every_kind() {
      for (OneOffKind k : OneOffKind.values()) {
        assertThat(ticket().kind(k).build().kind()).isEqualTo(k);
      }
      assertThat(OneOffKind.values()).containsExactly(OneOffKind.SERVICE_TICKET, OneOffKind.SALES_ORDER,
          OneOffKind.MILESTONE, OneOffKind.INSTALLATION);
    }

    @Test
    void id_must_not_be_blank() {
      invalid("id must not be blank: \"\"", () -> ticket().id("").build());
    }

    @Test
    void description_must_not_be_blank() {
      invalid("TICKET-4411.description must not be blank: \"\"", () -> ticket().description("").build());
    }

    @Test
    void quantity_not_negative() {
      invalid("TICKET-4411.quantity must not be negative: -1",
          () -> ticket().quantity(Quantity.of(-1, Unit.HOUR)).build());
    }

    @Test
    void value_semantics() {
      EqualityGroups.create()
          .group(ticket().build(), ticket().quantity(Quantity.of(new BigDecimal("2.0"), Unit.HOUR)).build())
          .group(ticket().quantity(Quantity.of(3, Unit.HOUR)).build())
          .group(ticket().serviceDate(d("2024-03-13")).build())
          .verify();
    }
  }

  @Nested
  class Cycles {
    @Test
    void period_ending_in_a_month() {
      assertThat(BillingCycle.monthlyOn(15).periodEndingIn(YearMonth.of(2024, 4), KOLKATA))
          .isEqualTo(BillingPeriod.of(d("2024-03-15"), d("2024-04-15"), KOLKATA));
      assertThat(BillingCycle.monthlyOn(1).periodEndingIn(YearMonth.of(2024, 4), KOLKATA))
          .isEqualTo(BillingPeriod.ofMonth(YearMonth.of(2024, 3), KOLKATA));
      assertThat(BillingCycle.monthlyOn(28).periodEndingIn(YearMonth.of(2024, 3), KOLKATA))
          .isEqualTo(BillingPeriod.of(d("2024-02-28"), d("2024-03-28"), KOLKATA));
    }

    @Test
    void period_containing_a_day() {
      BillingCycle c = BillingCycle.monthlyOn(15);
      assertThat(c.periodContaining(d("2024-04-10"), KOLKATA))
          .isEqualTo(BillingPeriod.of(d("2024-03-15"), d("2024-04-15"), KOLKATA));
      assertThat(c.periodContaining(d("2024-04-15"), KOLKATA))
          .isEqualTo(BillingPeriod.of(d("2024-04-15"), d("2024-05-15"), KOLKATA));
      assertThat(c.periodContaining(d("2024-01-14"), KOLKATA))
          .isEqualTo(BillingPeriod.of(d("2023-12-15"), d("2024-01-15"), KOLKATA));
      assertThat(BillingCycle.monthlyOn(1).periodContaining(d("2024-02-29"), KOLKATA))
          .isEqualTo(BillingPeriod.ofMonth(YearMonth.of(2024, 2), KOLKATA));
    }

    @Test
    void consecutive_periods_tile_the_calendar() {
      BillingCycle c = BillingCycle.monthlyOn(20);
      BillingPeriod p = c.periodContaining(d("2024-01-01"), KOLKATA);
      for (int i = 0; i < 24; i++) {
        BillingPeriod next = c.periodContaining(p.endExclusive(), KOLKATA);
        assertThat(next.startInclusive()).isEqualTo(p.endExclusive());
        assertThat(next.startInclusive().getDayOfMonth()).isEqualTo(20);
        p = next;
      }
    }

    @Test
    void bill_day_at_least_1() {
      invalid("billDay must be 1 to 28: 0", () -> BillingCycle.monthlyOn(0));
    }

    @Test
    void bill_day_at_most_28() {
      invalid("billDay must be 1 to 28: 29", () -> BillingCycle.monthlyOn(29));
    }

    @Test
    void due_dates() {
      assertThat(PaymentTerms.net(15).dueDate(d("2024-03-01"))).isEqualTo(d("2024-03-16"));
      assertThat(PaymentTerms.net(30).dueDate(d("2024-12-15"))).isEqualTo(d("2025-01-14"));
      assertThat(PaymentTerms.net(0).dueDate(d("2024-03-01"))).isEqualTo(d("2024-03-01"));
      assertThat(PaymentTerms.net(365).dueDate(d("2024-03-01"))).isEqualTo(d("2025-03-01"));
    }

    @Test
    void net_days_not_negative() {
      invalid("netDays must be 0 to 365: -1", () -> PaymentTerms.net(-1));
    }

    @Test
    void net_days_at_most_365() {
      invalid("netDays must be 0 to 365: 366", () -> PaymentTerms.net(366));
    }

    @Test
    void value_semantics() {
      EqualityGroups.create()
          .group(BillingCycle.monthlyOn(15), BillingCycle.of(15))
          .group(BillingCycle.monthlyOn(1))
          .verify();
      EqualityGroups.create()
          .group(PaymentTerms.net(15), PaymentTerms.of(15), PaymentTerms.net(30).withNetDays(15))
          .group(PaymentTerms.net(30))
          .verify();
    }
  }
}
