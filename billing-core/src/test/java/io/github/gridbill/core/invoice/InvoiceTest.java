package io.github.gridbill.core.invoice;

import static io.github.gridbill.core.Expect.invalid;
import static io.github.gridbill.core.Expect.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.CurrencyMismatchException;
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
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class InvoiceTest {
  static final CurrencyUnit USD = CurrencyUnit.USD;
  static final BillingPeriod MARCH = BillingPeriod.ofMonth(YearMonth.of(2024, 3), ZoneId.of("America/New_York"));

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static InvoiceLine line(LineKind kind, String amount) {
    return InvoiceLine.builder().kind(kind).description(kind.name()).amount(Money.parse(amount)).source("src").build();
  }

  static InvoiceLine energy() {
    return InvoiceLine.builder().kind(LineKind.ENERGY).description("Energy")
        .quantity(Quantity.of(450, Unit.KWH)).rate(new BigDecimal("0.20"))
        .amount(Monies.extend(USD, new BigDecimal("450"), new BigDecimal("0.20"), RoundingMode.HALF_UP))
        .source("energy").addSourceRef("READ-2024-03").build();
  }

  static Invoice.Builder invoice() {
    return Invoice.builder().number("INV-2024-000042").accountId("ACC-1").currency(USD).issueDate(d("2024-04-05"))
        .dueDate(d("2024-05-05")).period(MARCH)
        .addLine(energy())
        .addLine(line(LineKind.FIXED, "USD 7.57"))
        .addLine(line(LineKind.TAX, "USD 7.81"))
        .addLine(line(LineKind.TAX, "USD 1.95"));
  }

  @Test
  void holds_what_was_put_in() {
    Invoice inv = invoice().build();
    assertThat(inv.number()).isEqualTo("INV-2024-000042");
    assertThat(inv.accountId()).isEqualTo("ACC-1");
    assertThat(inv.currency()).isEqualTo(USD);
    assertThat(inv.issueDate()).isEqualTo(d("2024-04-05"));
    assertThat(inv.dueDate()).isEqualTo(d("2024-05-05"));
    assertThat(inv.period()).contains(MARCH);
    InvoiceLine e = inv.lines().get(0);
    assertThat(e.quantity()).contains(Quantity.of(450, Unit.KWH));
    assertThat(e.rate()).contains(new BigDecimal("0.20"));
    assertThat(e.amount()).isEqualTo(Money.parse("USD 90.00"));
    assertThat(e.source()).isEqualTo("energy");
    assertThat(e.sourceRefs()).containsExactly("READ-2024-03");
    assertThat(inv.lines().get(1).quantity()).isEmpty();
    assertThat(inv.lines().get(1).rate()).isEmpty();
    assertThat(inv.lines().get(1).sourceRefs()).isEmpty();
  }

  @Test
  void total_is_the_sum_of_the_lines() {
    Invoice inv = invoice().build();
    assertThat(inv.total()).isEqualTo(Money.parse("USD 107.33"));
    assertThat(inv.taxTotal()).isEqualTo(Money.parse("USD 9.76"));
    assertThat(inv.subtotal()).isEqualTo(Money.parse("USD 97.57"));
    assertThat(inv.subtotal().plus(inv.taxTotal())).isEqualTo(inv.total());
  }

  @Test
  void without_tax_lines_the_subtotal_is_the_total() {
    Invoice inv = invoice().lines(List.of(energy())).build();
    assertThat(inv.taxTotal()).isEqualTo(Money.zero(USD));
    assertThat(inv.subtotal()).isEqualTo(inv.total());
    assertThat(inv.total()).isEqualTo(Money.parse("USD 90.00"));
  }

  @Test
  void a_credit_invoice_may_total_below_zero() {
    Invoice inv = invoice().lines(List.of(line(LineKind.EXPORT_CREDIT, "USD -42.10"), line(LineKind.FIXED, "USD 7.57")))
        .build();
    assertThat(inv.total()).isEqualTo(Money.parse("USD -34.53"));
  }

  @Test
  void period_is_optional_and_due_may_equal_issue() {
    Invoice inv = invoice().period(java.util.Optional.empty()).dueDate(d("2024-04-05")).build();
    assertThat(inv.period()).isEmpty();
    assertThat(inv.dueDate()).isEqualTo(inv.issueDate());
  }

  @Test
  void a_line_in_another_currency_is_refused_naming_it() {
    CurrencyMismatchException e = thrown(CurrencyMismatchException.class,
        "lines[1].amount must be in the currency USD: INR 12.00",
        () -> invoice().lines(List.of(energy(), line(LineKind.FIXED, "INR 12.00"))).build());
    assertThat(e.field()).isEqualTo("lines[1].amount");
    assertThat(e.actual()).isEqualTo(CurrencyUnit.of("INR"));
  }

  @Test
  void due_before_issue_is_refused() {
    invalid("dueDate must not be before issueDate 2024-04-05: 2024-04-04",
        () -> invoice().dueDate(d("2024-04-04")).build());
  }

  @Test
  void lines_must_not_be_empty() {
    invalid("lines must not be empty: []", () -> invoice().lines(List.of()).build());
  }

  @Test
  void number_must_not_be_blank() {
    invalid("number must not be blank: \"\"", () -> invoice().number("").build());
  }

  @Test
  void account_must_not_be_blank() {
    invalid("accountId must not be blank: \" \"", () -> invoice().accountId(" ").build());
  }

  @Test
  void line_description_must_not_be_blank() {
    invalid("description must not be blank: \" \"", () -> InvoiceLine.builder().kind(LineKind.FIXED).description(" ")
        .amount(Money.parse("USD 1.00")).source("fixed").build());
  }

  @Test
  void line_source_must_not_be_blank() {
    invalid("source must not be blank: \"\"", () -> InvoiceLine.builder().kind(LineKind.FIXED).description("Fixed")
        .amount(Money.parse("USD 1.00")).source("").build());
  }

  @Test
  void value_semantics() {
    EqualityGroups.create()
        .group(invoice().build(), invoice().build(), Invoice.builder().from(invoice().build()).build())
        .group(invoice().number("INV-2024-000043").build())
        .group(invoice().dueDate(d("2024-05-06")).build())
        .group(invoice().period(java.util.Optional.empty()).build())
        .group(invoice().addLine(line(LineKind.ADJUSTMENT, "USD 0.00")).build())
        .verify();
    EqualityGroups.create()
        .group(energy(), InvoiceLine.builder().from(energy()).build())
        .group(energy().withSourceRefs("READ-2024-04"))
        .group(energy().withKind(LineKind.ADJUSTMENT))
        .group(energy().withQuantity(Quantity.of(451, Unit.KWH)))
        .verify();
  }
}
