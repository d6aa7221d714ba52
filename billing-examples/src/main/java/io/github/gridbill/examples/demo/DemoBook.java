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
  INR("GridBill Solar & Power India", CurrencyUnit.of("INR"), ZoneId.of("Asia/Kolkata"), "GBI", 15,
      List.of(TaxRule.onAll("cgst", "CGST 9%", new BigDecimal("9")),
          TaxRule.onAll("sgst", "SGST 9%", new BigDecimal("9")))),
  /** The US book: USD, America/New_York, sales tax on contract items, net 21 days. */
  USD("GridBill Energy US", CurrencyUnit.USD, ZoneId.of("America/New_York"), "GBU", 21,
      List.of(TaxRule.onAll("sales-tax", "Sales tax 6.25%", new BigDecimal("6.25"))));

  private final String company;
  private final CurrencyUnit currency;
  private final ZoneId zone;
  private final String prefix;
  private final int netDays;
  private final List<TaxRule> contractTaxes;

  DemoBook(String company, CurrencyUnit currency, ZoneId zone, String prefix, int netDays,
      List<TaxRule> contractTaxes) {
    this.company = company;
    this.currency = currency;
    this.zone = zone;
    this.prefix = prefix;
    this.netDays = netDays;
    this.contractTaxes = contractTaxes;
  }

  String company() {
    return company;
  }

  CurrencyUnit currency() {
    return currency;
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

  List<TaxRule> contractTaxes() {
    return contractTaxes;
  }
}
