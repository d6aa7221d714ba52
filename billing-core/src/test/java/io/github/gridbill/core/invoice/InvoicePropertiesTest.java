package io.github.gridbill.core.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** For any lines: total = Σ line amounts = subtotal + taxTotal, and taxTotal = Σ tax lines. */
class InvoicePropertiesTest {
  static final CurrencyUnit INR = CurrencyUnit.of("INR");

  @Provide
  Arbitrary<List<InvoiceLine>> lines() {
    Arbitrary<InvoiceLine> line = Combinators.combine(
            Arbitraries.of(LineKind.class), Arbitraries.longs().between(-10_000_000L, 10_000_000L))
        .as((kind, minor) -> InvoiceLine.builder().kind(kind).description(kind.name())
            .amount(Money.ofMinor(INR, minor)).source("src").build());
    return line.list().ofMinSize(1).ofMaxSize(25);
  }

  @Property(tries = 200)
  void totals_add_up(@ForAll("lines") List<InvoiceLine> lines) {
    Invoice inv = Invoice.builder().number("INV-1").accountId("ACC-1").currency(INR)
        .issueDate(LocalDate.of(2024, 4, 5)).dueDate(LocalDate.of(2024, 4, 20)).lines(lines).build();
    long all = 0;
    long tax = 0;
    for (InvoiceLine l : lines) {
      all += l.amount().getAmountMinorLong();
      if (l.kind() == LineKind.TAX) {
        tax += l.amount().getAmountMinorLong();
      }
    }
    assertThat(inv.total()).isEqualTo(Money.ofMinor(INR, all));
    assertThat(inv.taxTotal()).isEqualTo(Money.ofMinor(INR, tax));
    assertThat(inv.subtotal().plus(inv.taxTotal())).isEqualTo(inv.total());
  }
}
