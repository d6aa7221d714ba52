package io.github.gridbill.examples.demo;

import io.github.gridbill.core.invoice.Invoice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SplittableRandom;
import org.joda.money.Money;

/**
 * How each generated customer pays this month's invoice (see {@link DemoAccount.Payer}): seeded per account, so a
 * re-run makes the same payments with the same ids. Only payments made on or before the report date happen.
 */
final class PaymentBehaviour {
  private PaymentBehaviour() {}

  /**
   * The account's payment of its invoice, if it makes one by {@code asOf}.
   *
   * @param a the account
   * @param invoice its invoice this month
   * @param asOf the report date: later payments have not happened yet
   */
  static Optional<DemoPayment> payment(DemoAccount a, Invoice invoice, LocalDate asOf) {
    if (!invoice.total().isPositive() || a.payer() == DemoAccount.Payer.NONE) {
      return Optional.empty();
    }
    SplittableRandom r = new SplittableRandom(a.seed() ^ 0x5DEECE66DL);
    Money total = invoice.total();
    Money amount = switch (a.payer()) {
      case PARTIAL -> total.multipliedBy(new BigDecimal(40 + r.nextInt(41)).movePointLeft(2), RoundingMode.DOWN);
      case OVERPAID -> total.multipliedBy(new BigDecimal(110 + r.nextInt(21)).movePointLeft(2), RoundingMode.UP);
      default -> total;
    };
    if (a.payer() == DemoAccount.Payer.ON_TIME || a.payer() == DemoAccount.Payer.PARTIAL) {
      // customers who pay a round amount pay whole currency units
      amount = r.nextInt(4) == 0 && a.payer() == DemoAccount.Payer.PARTIAL
          ? amount.withAmount(amount.getAmount().setScale(0, RoundingMode.DOWN)) : amount;
    }
    LocalDate due = invoice.dueDate();
    LocalDate date = switch (a.payer()) {
      case LATE -> due.plusDays(8 + r.nextInt(30));
      default -> due.minusDays(r.nextInt(12));
    };
    if (date.isAfter(asOf) || !amount.isPositive()) {
      return Optional.empty();
    }
    String name = a.account().name().toUpperCase(java.util.Locale.ROOT);
    String id;
    String remittance;
    String invoiceRef = "";
    switch (a.method()) {
      case CARD -> {
        id = "CARD-" + Long.toHexString(a.seed() & 0xFFFFFFFFFFL).toUpperCase(java.util.Locale.ROOT);
        remittance = "Card payment";
        invoiceRef = invoice.number();
      }
      case ONLINE -> {
        id = (a.book() == DemoBook.INR ? "UPI-" : "WEB-") + Long.toHexString((a.seed() >>> 8) & 0xFFFFFFFFFFL)
            .toUpperCase(java.util.Locale.ROOT);
        remittance = "Online payment";
        invoiceRef = invoice.number();
      }
      case CHEQUE -> {
        id = "CHQ-" + (100_000 + r.nextInt(900_000));
        remittance = r.nextBoolean() ? "Chq for " + invoice.number() : "A/c " + a.id();
      }
      default -> {
        id = (a.book() == DemoBook.INR ? "NEFT" : "ACH") + Long.toHexString(a.seed() & 0xFFFFFFFFFFFFL)
            .toUpperCase(java.util.Locale.ROOT);
        if (a.payer() == DemoAccount.Payer.UNIDENTIFIED) {
          remittance = "PAYMENT THANK YOU";
          name = "J " + name.charAt(0) + " HOLDINGS";
        } else {
          int k = r.nextInt(10);
          remittance = k < 5 ? "Invoice " + invoice.number() + " " + a.account().name()
              : k < 8 ? "Electricity bill acct " + a.id() : "March bill";
          if (k < 3) {
            invoiceRef = invoice.number(); // quoted as a structured creditor reference
          }
        }
      }
    }
    return Optional.of(new DemoPayment(id, a.book(), a.id(), amount, a.method(), date, name, remittance,
        invoiceRef));
  }
}
