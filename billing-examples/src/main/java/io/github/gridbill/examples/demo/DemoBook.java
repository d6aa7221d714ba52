package io.github.gridbill.examples.demo;

import io.github.gridbill.core.tariff.TaxRule;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.joda.money.CurrencyUnit;

/**
 * The demo company keeps two separate books: an Indian one in rupees (rooftop solar, PPAs and a distribution
 * business, with CGST + SGST on contract items) and a US one in dollars (a utility with a solar-lease arm, in New York
 * time, so that March 2025 has the spring-forward day).
 */
enum DemoBook {
  /** The Indian book: INR, Asia/Kolkata, GST on contract items, net 15 days. */
  INR("GridBill Solar & Power India", "INR", ZoneId.of("Asia/Kolkata"), "GBI", 15),
  /** The US book: USD, America/New_York, sales tax on contract items, net 21 days. */
  USD("GridBill Energy US", "USD", ZoneId.of("America/New_York"), "GBU", 21);

  private final String company;
  private final String currencyCode;
  private final ZoneId zone;
  private final String prefix;
  private final int netDays;

  DemoBook(String company, String currencyCode, ZoneId zone, String prefix, int netDays) {
    this.company = company;
    this.currencyCode = currencyCode;
    this.zone = zone;
    this.prefix = prefix;
    this.netDays = netDays;
  }

  String company() {
    return company;
  }

  CurrencyUnit currency() {
    return CurrencyUnit.of(currencyCode);
  }

  ZoneId zone() {
    return zone;
  }

  /** The prefix of account ids and invoice numbers: {@code GBI}, {@code GBU}. */
  String prefix() {
    return prefix;
  }

  int netDays() {
    return netDays;
  }

  /**
   * The taxes on contract items: CGST 9% + SGST 9% in India, sales tax 6.25% in the US. Descriptions leave the rate
   * out: invoice and bill lines add it ({@code "Sales tax 6.25% of USD 120.00"}).
   */
  List<TaxRule> contractTaxes() {
    return this == INR
        ? List.of(TaxRule.onAll("cgst", "CGST", new BigDecimal("9")),
            TaxRule.onAll("sgst", "SGST", new BigDecimal("9")))
        : List.of(TaxRule.onAll("sales-tax", "Sales tax", new BigDecimal("6.25")));
  }

  /**
   * A book's entry in a per-book map, which holds both books by construction.
   *
   * @throws NullPointerException if the map lacks the book
   */
  static <V> V in(java.util.Map<DemoBook, V> perBook, DemoBook book) {
    return java.util.Objects.requireNonNull(perBook.get(book), book.name());
  }
}
